import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, Roadmap, RoadmapVersion } from '@maille/domain';
import {
  AdoptRoadmapInput,
  adoptRoadmap,
  ChangeRoadmapStatusInput,
  CreateRoadmapInput,
  changeRoadmapStatus,
  createRoadmap,
  GetRoadmapHealthInput,
  GetRoadmapInput,
  getRoadmap,
  getRoadmapHealth,
  getRoadmapVersion,
  ListRoadmapsInput,
  ListRoadmapVersionsInput,
  listRoadmaps,
  listRoadmapVersions,
  readerKey,
  updateRoadmap,
} from '@maille/domain/use-cases';
import { type ApiEnv, type RouteDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { sendReadModel } from '../read-models/send.ts';
import { expectedVersionOf, ifMatched } from './concurrency.ts';
import {
  IF_MATCH_HEADER,
  IF_MATCH_PROBLEMS,
  OPTIONAL_KEY,
  problemResponses,
  READ_PROBLEMS,
  REQUIRED_KEY,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import {
  registerChange,
  registerCreate,
  registerList,
  registerPatch,
  registerRead,
} from './resource-routes.ts';

const ROADMAPS = { tag: 'Feuilles de route', one: 'Roadmap', many: 'Roadmaps' };
const VERSIONS = { ...ROADMAPS, one: 'RoadmapVersion', many: 'RoadmapVersions' };
const params = z.object({ roadmapId: GetRoadmapInput.shape.roadmapId });
const versionParams = params.extend({
  number: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .openapi({ description: fr.openapi.versionNumber }),
});

const adopt = createRoute({
  method: 'post',
  path: '/roadmaps/{roadmapId}/adoption',
  tags: [ROADMAPS.tag],
  operationId: 'adoptRoadmap',
  summary: fr.openapi.adoptRoadmap,
  description: fr.openapi.adoptRoadmapDescription,
  security: REQUIRED_KEY,
  request: {
    params,
    headers: IF_MATCH_HEADER,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: AdoptRoadmapInput.omit({ roadmapId: true, expectedVersion: true }),
        },
      },
    },
  },
  responses: {
    201: {
      description: fr.openapi.adoptRoadmap,
      headers: z.object({ Location: z.string().openapi({ description: fr.openapi.location }) }),
      content: {
        'application/json': { schema: z.object({ roadmap: Roadmap, version: RoadmapVersion }) },
      },
    },
    ...problemResponses(...WRITE_PROBLEMS, ...IF_MATCH_PROBLEMS, 'transition-invalide'),
  },
});

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
  tags: [ROADMAPS.tag],
  operationId: 'getRoadmapHealth',
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
    ...problemResponses(...READ_PROBLEMS),
  },
});

/**
 * Roadmaps: a governance's list, one roadmap and its health, its creation and changes (axes
 * included), its status moves and adoption under If-Match, and its frozen versions.
 */
export function registerRoadmapRoutes(app: OpenAPIHono<ApiEnv>, deps: RouteDependencies): void {
  app.openapi(health, async (c) => {
    const { roadmapId } = c.req.valid('param');
    const { upcomingDays } = c.req.valid('query');
    const key = `sante:${roadmapId}:${upcomingDays ?? ''}`;
    const answer = await deps.readModels.answer(readerKey(c.get('actor')), key, async () => {
      const result = await getRoadmapHealth(useCaseContext(deps, c), {
        roadmapId,
        ...(upcomingDays === undefined ? {} : { upcomingDays }),
      });
      return { ...result, health: { ...result.health } };
    });
    // Already JSON bytes (the cache keeps them so): sent as is, the body the document describes.
    return sendReadModel(c, answer) as never;
  });

  registerList(
    app,
    deps,
    {
      path: '/governances/{governanceId}/roadmaps',
      resource: ROADMAPS,
      summary: fr.openapi.listRoadmaps,
      description: fr.openapi.listRoadmapsDescription,
      params: z.object({ governanceId: ListRoadmapsInput.shape.governanceId }),
      item: Roadmap,
      cursorId: ListRoadmapsInput.shape.after.unwrap(),
    },
    listRoadmaps,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/governances/{governanceId}/roadmaps',
      resource: ROADMAPS,
      summary: fr.openapi.createRoadmap,
      description: fr.openapi.createRoadmapDescription,
      params: z.object({ governanceId: ListRoadmapsInput.shape.governanceId }),
      body: CreateRoadmapInput.omit({ governanceId: true }),
      schema: Roadmap,
      versioned: true,
      location: (roadmap) => `/roadmaps/${roadmap.id}`,
    },
    createRoadmap,
  );
  registerRead(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}',
      resource: ROADMAPS,
      summary: fr.openapi.getRoadmap,
      params,
      schema: Roadmap,
      versioned: true,
    },
    getRoadmap,
  );
  registerPatch(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}',
      resource: ROADMAPS,
      summary: fr.openapi.updateRoadmap,
      description: fr.openapi.updateRoadmapDescription,
      params,
      schema: Roadmap,
      problems: ['conflit'],
    },
    updateRoadmap,
  );
  registerChange(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/transitions',
      resource: ROADMAPS,
      operationId: 'transitionRoadmap',
      summary: fr.openapi.transitionRoadmap,
      description: fr.openapi.transitionRoadmapDescription,
      params,
      body: ChangeRoadmapStatusInput.omit({ roadmapId: true, expectedVersion: true }),
      schema: Roadmap,
      problems: ['transition-invalide'],
    },
    changeRoadmapStatus,
  );

  app.openapi(adopt, async (c) => {
    const { roadmapId } = c.req.valid('param');
    const expectedVersion = expectedVersionOf(c, roadmapId);
    const result = await ifMatched(
      expectedVersion,
      adoptRoadmap(useCaseContext(deps, c), { ...c.req.valid('json'), roadmapId, expectedVersion }),
    );
    c.header('Location', `/roadmaps/${roadmapId}/versions/${result.version.number}`);
    return c.json(result, 201);
  });

  registerList(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/versions',
      resource: VERSIONS,
      summary: fr.openapi.listRoadmapVersions,
      description: fr.openapi.listRoadmapVersionsDescription,
      params,
      item: RoadmapVersion,
      cursorId: ListRoadmapVersionsInput.shape.after.unwrap(),
    },
    listRoadmapVersions,
  );
  registerRead(
    app,
    deps,
    {
      path: '/roadmaps/{roadmapId}/versions/{number}',
      resource: VERSIONS,
      summary: fr.openapi.getRoadmapVersion,
      description: fr.openapi.appendOnly,
      params: versionParams,
      schema: RoadmapVersion,
      versioned: false,
    },
    getRoadmapVersion,
  );
}
