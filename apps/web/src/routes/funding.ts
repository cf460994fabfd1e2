import { exportFundingLinesCsv, getFundingCalendar, getGovernance } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { fundingPage } from '../pages/funding.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/** « Financements et échéances » of a governance, and its spreadsheet. */
export const fundingRoutes = new Hono<WebEnv>()
  .get('/gouvernances/:id/financements', async (c) => {
    const governanceId = c.req.param('id');
    return sendPage(
      c,
      await c.var.cached(c.req.url, async () => {
        const [governance, calendar] = await Promise.all([
          getGovernance(c.var.kernel, { governanceId }),
          getFundingCalendar(c.var.kernel, { governanceId }),
        ]);
        return String(await fundingPage(governance, calendar, me(c).name));
      }),
    );
  })

  .get('/gouvernances/:id/financements.csv', async (c) => {
    const file = await exportFundingLinesCsv(c.var.kernel, { governanceId: c.req.param('id') });
    return c.body(file.csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    });
  });
