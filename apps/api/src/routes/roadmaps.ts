import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, Roadmap } from '@maille/domain';
import { GetRoadmapHealthInput, getRoadmapHealth } from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
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

export function registerRoadmapRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(health, async (c) => {
    const { roadmapId } = c.req.valid('param');
    const { upcomingDays } = c.req.valid('query');
    const result = await getRoadmapHealth(useCaseContext(deps, c), {
      roadmapId,
      ...(upcomingDays === undefined ? {} : { upcomingDays }),
    });
    return c.json({ ...result, health: { ...result.health } }, 200);
  });
}
