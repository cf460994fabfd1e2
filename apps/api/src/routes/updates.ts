import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { Update } from '@maille/domain';
import { RecordUpdateInput, recordUpdate } from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';

const record = createRoute({
  method: 'post',
  path: '/updates',
  tags: ['Points d’étape'],
  summary: fr.openapi.recordUpdate,
  security: REQUIRED_KEY,
  request: {
    body: { required: true, content: { 'application/json': { schema: RecordUpdateInput } } },
  },
  responses: {
    201: {
      description: fr.openapi.recordUpdate,
      content: { 'application/json': { schema: Update } },
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
      'transition-invalide',
    ),
  },
});

export function registerUpdateRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(record, async (c) => {
    const update = await recordUpdate(useCaseContext(deps, c), c.req.valid('json'));
    c.header('Location', `/updates/${update.id}`);
    return c.json(update, 201);
  });
}
