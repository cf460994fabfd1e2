import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { Action, ActionFields } from '@maille/domain';
import {
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
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import {
  registerChange,
  registerCreate,
  registerList,
  registerPatch,
  registerRead,
} from './resource-routes.ts';

const ACTIONS = { tag: 'Fiches', one: 'Action', many: 'Actions' };
const params = z.object({ actionId: GetActionInput.shape.actionId });
const roadmapParams = z.object({ roadmapId: ListActionsInput.shape.roadmapId });

/** Action sheets: a roadmap's list, one sheet, its changes and status moves under If-Match. */
export function registerActionRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/actions',
      resource: ACTIONS,
      summary: fr.openapi.listActions,
      params: roadmapParams,
      item: Action,
      cursorId: ListActionsInput.shape.after.unwrap(),
    },
    listActions,
  );
  registerRead(
    app,
    deps,
    {
      path: '/actions/{actionId}',
      resource: ACTIONS,
      summary: fr.openapi.getAction,
      params,
      schema: Action,
      versioned: true,
    },
    getAction,
  );
  registerPatch(
    app,
    deps,
    {
      path: '/actions/{actionId}',
      resource: ACTIONS,
      summary: fr.openapi.updateAction,
      params,
      schema: Action,
    },
    updateAction,
  );
  registerChange(
    app,
    deps,
    {
      path: '/actions/{actionId}/transitions',
      resource: ACTIONS,
      operationId: 'transitionAction',
      summary: fr.openapi.transitionAction,
      params,
      body: TransitionActionInput.omit({ actionId: true, expectedVersion: true }),
      schema: Action,
      problems: ['transition-invalide'],
    },
    transitionAction,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/actions',
      resource: ACTIONS,
      summary: fr.openapi.createAction,
      params: roadmapParams,
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
      resource: ACTIONS,
      operationId: 'promoteAction',
      summary: fr.openapi.promoteAction,
      description: fr.openapi.promoteActionDescription,
      params,
      schema: Action,
      problems: ['transition-invalide'],
    },
    promoteAction,
  );
}
