import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { Update } from '@maille/domain';
import {
  GetActionInput,
  GetMilestoneInput,
  GetRoadmapInput,
  GetUpdateInput,
  getUpdate,
  ListUpdatesInput,
  listUpdates,
  RecordUpdateInput,
  recordUpdate,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerRead } from './resource-routes.ts';

const UPDATES = { tag: 'Points d’étape', one: 'Update', many: 'Updates' };

/** The subjects whose updates are listed under their own path, and how each is named there. */
const SUBJECTS = [
  {
    type: 'action',
    path: '/actions/{actionId}/updates',
    params: z.object({ actionId: GetActionInput.shape.actionId }),
    operationId: 'listActionUpdates',
    summary: fr.openapi.listActionUpdates,
  },
  {
    type: 'milestone',
    path: '/milestones/{milestoneId}/updates',
    params: z.object({ milestoneId: GetMilestoneInput.shape.milestoneId }),
    operationId: 'listMilestoneUpdates',
    summary: fr.openapi.listMilestoneUpdates,
  },
  {
    type: 'roadmap',
    path: '/roadmaps/{roadmapId}/updates',
    params: z.object({ roadmapId: GetRoadmapInput.shape.roadmapId }),
    operationId: 'listRoadmapUpdates',
    summary: fr.openapi.listRoadmapUpdates,
  },
] as const;

/** Progress notes: posting one, reading one, and each subject's notes, newest first. */
export function registerUpdateRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerCreate(
    app,
    deps,
    {
      path: '/updates',
      resource: UPDATES,
      summary: fr.openapi.recordUpdate,
      description: fr.openapi.appendOnly,
      body: RecordUpdateInput,
      schema: Update,
      versioned: false,
      location: (update) => `/updates/${update.id}`,
      problems: ['conflit', 'transition-invalide'],
    },
    recordUpdate,
  );
  registerRead(
    app,
    deps,
    {
      path: '/updates/{updateId}',
      resource: UPDATES,
      summary: fr.openapi.getUpdate,
      description: fr.openapi.appendOnly,
      params: z.object({ updateId: GetUpdateInput.shape.updateId }),
      schema: Update,
      versioned: false,
    },
    getUpdate,
  );

  for (const subject of SUBJECTS) {
    registerList(
      app,
      deps,
      {
        path: subject.path,
        resource: UPDATES,
        operationId: subject.operationId,
        summary: subject.summary,
        description: fr.openapi.listUpdatesDescription,
        params: subject.params,
        item: Update,
        cursorId: ListUpdatesInput.shape.after.unwrap(),
      },
      listUpdates,
      (params) => ({ subject: { type: subject.type, id: Object.values(params)[0] } }),
    );
  }
}
