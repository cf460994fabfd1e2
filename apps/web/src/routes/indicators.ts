import { getIndicatorBoard } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { indicatorsPage } from '../pages/indicators.ts';
import { me, type WebEnv } from '../web-env.ts';

/** « Indicateurs »: each indicator of a governance, charted against its target and tabulated. */
export const indicatorRoutes = new Hono<WebEnv>().get(
  '/gouvernances/:id/indicateurs',
  async (c) => {
    const board = await getIndicatorBoard(c.var.kernel, { governanceId: c.req.param('id') });
    return c.html(indicatorsPage(board, me(c).name));
  },
);
