import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Action, ActionFields } from '@maille/domain';
import {
  type ChangeRequest,
  createAction,
  GetActionInput,
  getAction,
  ListActionsInput,
  listActions,
  promoteAction,
  TransitionActionInput,
  transitionAction,
  updateAction,
} from '@maille/domain/use-cases';
import { expectedVersionOf, ifMatched, setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { decodeCursor, PageQuery, pageResponse } from '../pagination.ts';
import { OPTIONAL_KEY, problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';
import {
  ETAG_HEADER,
  IF_MATCH_HEADER,
  LINK_HEADER,
  PatchBody,
  patchedFromBody,
} from './resource-helpers.ts';
import { registerChange, registerCreate } from './resource-routes.ts';

const TAGS = ['Fiches'];
const params = z.object({ actionId: GetActionInput.shape.actionId });

const WRITE_PROBLEMS = [
  'validation',
  'json-mal-forme',
  'non-authentifie',
  'interdit',
  'introuvable',
  'precondition-echouee',
  'trop-volumineux',
  'type-de-contenu',
  'precondition-requise',
] as const;

const list = createRoute({
  method: 'get',
  path: '/roadmaps/{roadmapId}/actions',
  tags: TAGS,
  summary: fr.openapi.listActions,
  security: OPTIONAL_KEY,
  request: {
    params: z.object({ roadmapId: ListActionsInput.shape.roadmapId }),
    query: PageQuery,
  },
  responses: {
    200: {
      description: fr.openapi.listActions,
      headers: LINK_HEADER,
      content: { 'application/json': { schema: z.object({ items: z.array(Action) }) } },
    },
    ...problemResponses('validation', 'non-authentifie', 'introuvable'),
  },
});

const read = createRoute({
  method: 'get',
  path: '/actions/{actionId}',
  tags: TAGS,
  summary: fr.openapi.getAction,
  security: OPTIONAL_KEY,
  request: { params },
  responses: {
    200: {
      description: fr.openapi.getAction,
      headers: ETAG_HEADER,
      content: { 'application/json': { schema: Action } },
    },
    ...problemResponses('validation', 'non-authentifie', 'introuvable'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/actions/{actionId}',
  tags: TAGS,
  summary: fr.openapi.updateAction,
  security: REQUIRED_KEY,
  request: {
    params,
    headers: IF_MATCH_HEADER,
    body: { required: true, content: { 'application/json': { schema: PatchBody } } },
  },
  responses: {
    200: {
      description: fr.openapi.updateAction,
      headers: ETAG_HEADER,
      content: { 'application/json': { schema: Action } },
    },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const transition = createRoute({
  method: 'post',
  path: '/actions/{actionId}/transitions',
  tags: TAGS,
  summary: fr.openapi.transitionAction,
  security: REQUIRED_KEY,
  request: {
    params,
    headers: IF_MATCH_HEADER,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: TransitionActionInput.omit({ actionId: true, expectedVersion: true }),
        },
      },
    },
  },
  responses: {
    200: {
      description: fr.openapi.transitionAction,
      headers: ETAG_HEADER,
      content: { 'application/json': { schema: Action } },
    },
    ...problemResponses(...WRITE_PROBLEMS, 'transition-invalide'),
  },
});

/** Action sheets: a roadmap's list, one sheet, its changes and status moves under If-Match. */
export function registerActionRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { roadmapId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, ListActionsInput.shape.after.unwrap());
    const page = await listActions(useCaseContext(deps, c), { roadmapId, after, limit });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const action = await getAction(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, action);
    return c.json(action, 200);
  });

  app.openapi(update, async (c) => {
    const { actionId } = c.req.valid('param');
    const request: ChangeRequest = {
      id: actionId,
      expectedVersion: expectedVersionOf(c, actionId),
      patch: c.req.valid('json'),
    };
    const action = await ifMatched(patchedFromBody(updateAction(useCaseContext(deps, c), request)));
    setETag(c, action);
    return c.json(action, 200);
  });

  app.openapi(transition, async (c) => {
    const { actionId } = c.req.valid('param');
    const expectedVersion = expectedVersionOf(c, actionId);
    const action = await ifMatched(
      transitionAction(useCaseContext(deps, c), {
        ...c.req.valid('json'),
        actionId,
        expectedVersion,
      }),
    );
    setETag(c, action);
    return c.json(action, 200);
  });

  registerCreate(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/actions',
      tags: TAGS,
      summary: fr.openapi.createAction,
      params: z.object({ roadmapId: ListActionsInput.shape.roadmapId }),
      body: ActionFields.omit({ roadmapId: true }),
      schema: Action,
      versioned: true,
      location: (action) => `/actions/${action.id}`,
    },
    createAction,
  );
  registerChange(
    app,
    deps,
    {
      path: '/actions/{actionId}/promotion',
      tags: TAGS,
      summary: fr.openapi.promoteAction,
      description: fr.openapi.promoteActionDescription,
      params,
      schema: Action,
      problems: ['transition-invalide'],
    },
    promoteAction,
  );
}
