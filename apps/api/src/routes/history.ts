import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { AuditEvent, ValidationError } from '@maille/domain';
import { AuditEventId, ListHistoryInput, listHistory } from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { LINK_HEADER, OPTIONAL_KEY, problemResponses, READ_PROBLEMS } from './openapi-helpers.ts';
import { decodeCursor, PageQuery, pageResponse } from './pagination.ts';

const HistoryChange = z
  .object({
    field: z.string(),
    label: z.string(),
    before: z.string().optional(),
    after: z.string().optional(),
    added: z.array(z.string()).optional().openapi({ description: fr.openapi.historyAdded }),
    removed: z.array(z.string()).optional().openapi({ description: fr.openapi.historyRemoved }),
    changed: z.array(z.string()).optional().openapi({ description: fr.openapi.historyChanged }),
  })
  .openapi('HistoryChange');

const HistoryLine = z
  .object({
    author: z.string().openapi({ description: fr.openapi.historyAuthor }),
    when: z.string(),
    channel: z.string(),
    summary: z.string(),
    subject: z.string().optional(),
    decision: z.string().optional().openapi({ description: fr.openapi.historyDecision }),
    changes: z.array(HistoryChange),
  })
  .openapi('HistoryLine', { description: fr.openapi.historyLine });

const HistoryEntry = z.object({ event: AuditEvent, line: HistoryLine }).openapi('HistoryEntry');

const list = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/history',
  tags: ['Gouvernances'],
  operationId: 'listGovernanceHistory',
  summary: fr.openapi.listHistory,
  description: fr.openapi.listHistoryDescription,
  security: OPTIONAL_KEY,
  request: {
    params: ListHistoryInput.pick({ governanceId: true }),
    // French names as the web workspace's addresses (`?entite=jalon&id=mil_…`); the English ones
    // stay for the clients written before. The kernel checks the kind and reads it from the id.
    query: PageQuery.extend({
      entite: z.string().max(40).optional().openapi({ description: fr.openapi.historyEntity }),
      id: ListHistoryInput.shape.entityId.unwrap().optional().openapi({
        description: fr.openapi.historyEntityId,
      }),
      entity: z.string().max(40).optional().openapi({ description: fr.openapi.historyEntity }),
      entityId: ListHistoryInput.shape.entityId.unwrap().optional().openapi({
        description: fr.openapi.historyEntityId,
      }),
    }),
  },
  responses: {
    200: {
      description: fr.openapi.listHistory,
      headers: LINK_HEADER,
      content: { 'application/json': { schema: z.object({ items: z.array(HistoryEntry) }) } },
    },
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

/**
 * A governance's history, newest first, a page at a time: each change as stored (who, when,
 * through which channel, which fields) and as a reader reads it, in French.
 */
export function registerHistoryRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { limit, cursor, ...query } = c.req.valid('query');
    const before = decodeCursor(cursor, AuditEventId);
    try {
      const page = await listHistory(useCaseContext(deps, c), {
        governanceId,
        entity: query.entite ?? query.entity,
        entityId: query.id ?? query.entityId,
        before,
        limit,
      });
      return c.json(pageResponse(c, page, limit), 200);
    } catch (error) {
      // A cursor of another governance's history is as wrong as a tampered one.
      if (error instanceof ValidationError && error.issues.some((i) => i.path[0] === 'before'))
        throw new ValidationError([{ path: ['cursor'], message: fr.problems.badCursor }]);
      throw error;
    }
  });
}
