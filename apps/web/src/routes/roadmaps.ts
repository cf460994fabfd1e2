import { getRoadmapOverview } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { roadmapPage } from '../pages/roadmap.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/** « Feuille de route »: the tree of a roadmap, filtered by a GET form (a filtered view is a link). */
export const roadmapRoutes = new Hono<WebEnv>().get('/feuilles-de-route/:id', async (c) => {
  const query = c.req.query();
  const filters = {
    axe: query.axe ?? '',
    statut: query.statut ?? '',
    responsable: query.responsable ?? '',
    retard: query.retard ? '1' : '',
  };
  const page = await c.var.cached(c.req.url, async () => {
    const overview = await getRoadmapOverview(c.var.kernel, {
      roadmapId: c.req.param('id'),
      axisId: filters.axe || undefined,
      status: filters.statut || undefined,
      ownerId: filters.responsable || undefined,
      lateOnly: filters.retard === '1',
    });
    return String(await roadmapPage(overview, filters, me(c).name));
  });
  return sendPage(c, page);
});
