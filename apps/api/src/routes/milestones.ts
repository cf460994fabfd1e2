import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Milestone, MilestoneFields } from '@maille/domain';
import {
  CancelMilestoneInput,
  CompleteMilestoneInput,
  cancelMilestone,
  completeMilestone,
  createMilestone,
  GetActionInput,
  GetMilestoneInput,
  getMilestone,
  ListRoadmapMilestonesInput,
  listActionMilestones,
  listRoadmapMilestones,
  RescheduleMilestoneInput,
  rescheduleMilestone,
  updateMilestone,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { problemResponses, REQUIRED_KEY, WRITE_PROBLEMS } from './openapi-helpers.ts';
import {
  registerChange,
  registerCreate,
  registerList,
  registerPatch,
  registerRead,
} from './resource-routes.ts';

const MILESTONES = { tag: 'Jalons', one: 'Milestone', many: 'Milestones' };
const params = z.object({ milestoneId: GetMilestoneInput.shape.milestoneId });
const roadmapParams = z.object({ roadmapId: ListRoadmapMilestonesInput.shape.roadmapId });
const cursorId = ListRoadmapMilestonesInput.shape.after.unwrap();

const complete = createRoute({
  method: 'post',
  path: '/milestones/{milestoneId}/complete',
  tags: [MILESTONES.tag],
  operationId: 'completeMilestone',
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
    ...problemResponses(...WRITE_PROBLEMS, 'conflit'),
  },
});

/**
 * Milestones: a roadmap's and an action's lists, one milestone, its creation and changes, its
 * completion, and its reschedules and cancellation under If-Match.
 */
export function registerMilestoneRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(complete, async (c) => {
    const milestone = await completeMilestone(useCaseContext(deps, c), {
      ...c.req.valid('json'),
      milestoneId: c.req.valid('param').milestoneId,
    });
    return c.json(milestone, 200);
  });

  registerList(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/milestones',
      resource: MILESTONES,
      operationId: 'listRoadmapMilestones',
      summary: fr.openapi.listRoadmapMilestones,
      params: roadmapParams,
      item: Milestone,
      cursorId,
    },
    listRoadmapMilestones,
  );
  registerList(
    app,
    deps,
    {
      path: '/actions/{actionId}/milestones',
      resource: MILESTONES,
      operationId: 'listActionMilestones',
      summary: fr.openapi.listActionMilestones,
      params: z.object({ actionId: GetActionInput.shape.actionId }),
      item: Milestone,
      cursorId,
    },
    listActionMilestones,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/milestones',
      resource: MILESTONES,
      summary: fr.openapi.createMilestone,
      params: roadmapParams,
      body: MilestoneFields.omit({ roadmapId: true }),
      schema: Milestone,
      versioned: true,
      location: (milestone) => `/milestones/${milestone.id}`,
    },
    createMilestone,
  );
  registerRead(
    app,
    deps,
    {
      path: '/milestones/{milestoneId}',
      resource: MILESTONES,
      summary: fr.openapi.getMilestone,
      params,
      schema: Milestone,
      versioned: true,
    },
    getMilestone,
  );
  registerPatch(
    app,
    deps,
    {
      path: '/milestones/{milestoneId}',
      resource: MILESTONES,
      summary: fr.openapi.updateMilestone,
      description: fr.openapi.updateMilestoneDescription,
      params,
      schema: Milestone,
    },
    updateMilestone,
  );
  registerChange(
    app,
    deps,
    {
      path: '/milestones/{milestoneId}/reschedule',
      resource: MILESTONES,
      operationId: 'rescheduleMilestone',
      summary: fr.openapi.rescheduleMilestone,
      description: fr.openapi.rescheduleMilestoneDescription,
      params,
      body: RescheduleMilestoneInput.omit({ milestoneId: true, expectedVersion: true }),
      schema: Milestone,
      problems: ['conflit'],
    },
    rescheduleMilestone,
  );
  registerChange(
    app,
    deps,
    {
      path: '/milestones/{milestoneId}/cancel',
      resource: MILESTONES,
      operationId: 'cancelMilestone',
      summary: fr.openapi.cancelMilestone,
      description: fr.openapi.cancelMilestoneDescription,
      params: z.object({ milestoneId: CancelMilestoneInput.shape.milestoneId }),
      schema: Milestone,
      problems: ['conflit'],
    },
    cancelMilestone,
  );
}
