import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import { NO_KEY, problemResponses } from './openapi-helpers.ts';

const READY_TIMEOUT_MS = 2_000;

const Status = z.object({ status: z.literal('ok') });

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Exploitation'],
  operationId: 'checkHealth',
  summary: fr.openapi.healthz,
  security: NO_KEY,
  responses: {
    200: { description: fr.openapi.healthz, content: { 'application/json': { schema: Status } } },
    ...problemResponses(),
  },
});

const readyz = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Exploitation'],
  operationId: 'checkReadiness',
  summary: fr.openapi.readyz,
  security: NO_KEY,
  responses: {
    200: { description: fr.openapi.readyz, content: { 'application/json': { schema: Status } } },
    ...problemResponses('indisponible'),
  },
});

/** `/healthz` (the process answers) and `/readyz` (and so does its database). */
export function registerSystemRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(healthz, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyz, async (c) => {
    if (!(await databaseAnswers(deps))) {
      throw new ApiProblem('indisponible', fr.problems.unavailable.database);
    }
    return c.json({ status: 'ok' as const }, 200);
  });
}

async function databaseAnswers({ database }: AppDependencies): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  const ping = database.db
    .selectNoFrom((eb) => eb.lit(1).as('one'))
    .executeTakeFirst()
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
