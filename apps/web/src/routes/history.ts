import { ForbiddenError, NotFoundError } from '@maille/domain';
import { getGovernance, listHistory, type UseCaseContext } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { html } from 'hono/html';
import { type HistoryFilter, historyPage, historySection } from '../pages/history.ts';
import type { Html } from '../pages/layout.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/** How many changes a page's « Historique » shows; the history page shows more. */
const LATEST = 5;
const PAGE_SIZE = 20;

/**
 * The « Historique » section of a page: the latest changes of what it shows, or nothing for a
 * reader who may not read the governance's history (the public reading a published roadmap).
 */
export async function latestHistory(kernel: UseCaseContext, filter: HistoryFilter): Promise<Html> {
  try {
    return historySection(await listHistory(kernel, { ...filter, limit: LATEST }), filter);
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return html``;
    throw error;
  }
}

/** « Historique »: a governance's history, or one record's, a page at a time. */
export const historyRoutes = new Hono<WebEnv>().get('/gouvernances/:id/historique', async (c) =>
  sendPage(
    c,
    await c.var.cached(c.req.url, async () => {
      const governanceId = c.req.param('id');
      const query = c.req.query();
      const filter = {
        governanceId,
        entity: query.entite || undefined,
        entityId: query.id || undefined,
        before: query.avant || undefined,
      };
      const page = await listHistory(c.var.kernel, { ...filter, limit: PAGE_SIZE });
      const governance = await getGovernance(c.var.kernel, { governanceId });
      return String(await historyPage(governance, filter, page, me(c).name));
    }),
  ),
);
