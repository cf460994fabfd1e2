import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Milestone } from '@maille/domain';
import { CompleteMilestoneInput, completeMilestone } from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';

const complete = createRoute({
  method: 'post',
  path: '/milestones/{milestoneId}/complete',
  tags: ['Jalons'],
  summary: fr.openapi.completeMilestone,
  security: REQUIRED_KEY,
  request: {
    params: z.object({ milestoneId: CompleteMilestoneInput.shape.milestoneId }),
    body: {
      required: false,
      content: {
        'application/json': { schema: CompleteMilestoneInput.omit({ milestoneId: true }) },
      },
    },
  },
  responses: {
    200: {
      description: fr.openapi.completeMilestone,
      content: { 'application/json': { schema: Milestone } },
    },
    ...problemResponses(
      'validation',
      'json-mal-forme',
      'non-authentifie',
      'interdit',
      'introuvable',
      'conflit',
      'trop-volumineux',
      'type-de-contenu',
    ),
  },
});

export function registerMilestoneRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(complete, async (c) => {
    const milestone = await completeMilestone(useCaseContext(deps, c), {
      ...c.req.valid('json'),
      milestoneId: c.req.valid('param').milestoneId,
    });
    return c.json(milestone, 200);
  });
}
