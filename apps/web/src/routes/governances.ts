import { getGovernanceDashboard } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { governancePage } from '../pages/governance.ts';
import { me, type WebEnv } from '../web-env.ts';

/** « Gouvernance »: the page a coordinator opens before a steering committee. */
export const governanceRoutes = new Hono<WebEnv>().get('/gouvernances/:id', async (c) => {
  const dashboard = await getGovernanceDashboard(c.var.kernel, { governanceId: c.req.param('id') });
  return c.html(governancePage(dashboard, me(c).name));
});
