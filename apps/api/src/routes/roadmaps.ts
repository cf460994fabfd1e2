import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, Roadmap } from '@maille/domain';
import { GetRoadmapHealthInput, getRoadmapHealth } from '@maille/domain/use-cases';
import { type ApiEnv, type RouteDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { readerKey } from '../read-cache.ts';
import { OPTIONAL_KEY, problemResponses } from './openapi-helpers.ts';

const MilestoneAlert = z.looseObject({
  id: z.string(),
  title: z.string(),
  dueDate: z.string(),
  status: z.string(),
});

// The kernel describes the health report as TypeScript interfaces, not a zod schema: the
// document lists its main fields and lets the others through.
const RoadmapHealthBody = z.object({
  governance: Governance,
  roadmap: Roadmap,
  health: z.looseObject({
    today: z.string(),
    doneRate: z.number().nullable(),
    lateMilestones: z.array(MilestoneAlert.extend({ daysLate: z.number().int() })),
    upcomingMilestones: z.array(MilestoneAlert.extend({ daysUntil: z.number().int() })),
  }),
});

const health = createRoute({
  method: 'get',
  path: '/roadmaps/{roadmapId}/health',
  tags: ['Feuilles de route'],
  summary: fr.openapi.roadmapHealth,
  description: fr.openapi.roadmapHealthDescription,
  security: OPTIONAL_KEY,
  request: {
    params: z.object({ roadmapId: GetRoadmapHealthInput.shape.roadmapId }),
    query: z.object({
      upcomingDays: z.coerce.number().int().min(1).max(366).optional().openapi({
        description: 'Combien de jours regarder pour les jalons à venir (30 par défaut).',
      }),
    }),
  },
  responses: {
    200: {
      description: fr.openapi.roadmapHealth,
      content: { 'application/json': { schema: RoadmapHealthBody } },
    },
    ...problemResponses('validation', 'non-authentifie', 'introuvable'),
  },
});

export function registerRoadmapRoutes(app: OpenAPIHono<ApiEnv>, deps: RouteDependencies): void {
  app.openapi(health, async (c) => {
    const { roadmapId } = c.req.valid('param');
    const { upcomingDays } = c.req.valid('query');
    const key = `sante:${roadmapId}:${upcomingDays ?? ''}:${readerKey(c.get('actor'))}`;
    const json = await deps.readModels.json(key, async () => {
      const result = await getRoadmapHealth(useCaseContext(deps, c), {
        roadmapId,
        ...(upcomingDays === undefined ? {} : { upcomingDays }),
      });
      return { ...result, health: { ...result.health } };
    });
    // Already JSON text (the cache keeps it so): sent as is, the body the document describes.
    return c.body(json, 200, { 'Content-Type': 'application/json' }) as never;
  });
}
