import { getIndicatorBoard } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { indicatorsPage } from '../pages/indicators.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/** « Indicateurs »: each indicator of a governance, charted against its target and tabulated. */
export const indicatorRoutes = new Hono<WebEnv>().get(
  '/gouvernances/:id/indicateurs',
  async (c) => {
    const page = await c.var.cached(c.req.url, async () => {
      const board = await getIndicatorBoard(c.var.kernel, { governanceId: c.req.param('id') });
      // The charting library is loaded at the first chart: the server does not carry it idle.
      const { seriesChart } = await import('../chart.ts');
      return String(await indicatorsPage(board, seriesChart, me(c).name));
    });
    return sendPage(c, page);
  },
);
