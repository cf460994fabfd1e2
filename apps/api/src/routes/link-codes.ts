import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { IssueChatLinkCodeInput, issueChatLinkCode } from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';

const IssuedLinkCode = z
  .object({
    code: z.string().openapi({ description: 'Le code, à taper tel quel : ABCD-EFGH.' }),
    personId: z.string(),
    expiresAt: z.string().openapi({ description: 'Après cet instant, le code ne sert plus.' }),
    instructions: z.string(),
  })
  .openapi('LinkCode');

const create = createRoute({
  method: 'post',
  path: '/persons/{personId}/link-codes',
  tags: ['Personnes'],
  operationId: 'createLinkCode',
  summary: fr.openapi.createLinkCode,
  description: fr.openapi.createLinkCodeDescription,
  security: REQUIRED_KEY,
  request: { params: IssueChatLinkCodeInput },
  responses: {
    201: {
      description: fr.openapi.createLinkCode,
      content: { 'application/json': { schema: IssuedLinkCode } },
    },
    ...problemResponses('validation', 'non-authentifie', 'interdit', 'introuvable'),
  },
});

/** One-time codes that link a person's chat account (the bot's `/lier`). */
export function registerLinkCodeRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(create, async (c) => {
    const { personId } = c.req.valid('param');
    const issued = await issueChatLinkCode(useCaseContext(deps, c), { personId });
    c.header('Cache-Control', 'no-store');
    return c.json({ ...issued, instructions: fr.linkCodes.howTo(issued.code) }, 201);
  });
}
