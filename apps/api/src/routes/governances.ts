import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, GovernanceRole } from '@maille/domain';
import {
  AssignRoleInput,
  assignRole,
  type ChangeRequest,
  CreateGovernanceInput,
  createGovernance,
  GetGovernanceInput,
  getGovernance,
  ListGovernancesInput,
  listGovernances,
  updateGovernance,
} from '@maille/domain/use-cases';
import type { Context } from 'hono';
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
import {
  announceCreated,
  changeRoute,
  changeUnderIfMatch,
  createdRoute,
  NO_PARAMS,
  removeRoute,
} from './route-shapes.ts';

const TAGS = ['Gouvernances'];
const params = z.object({ governanceId: GetGovernanceInput.shape.governanceId });

const list = createRoute({
  method: 'get',
  path: '/governances',
  tags: TAGS,
  summary: fr.openapi.listGovernances,
  security: OPTIONAL_KEY,
  request: { query: PageQuery },
  responses: {
    200: {
      description: fr.openapi.listGovernances,
      headers: LINK_HEADER,
      content: { 'application/json': { schema: z.object({ items: z.array(Governance) }) } },
    },
    ...problemResponses('validation', 'non-authentifie'),
  },
});

const read = createRoute({
  method: 'get',
  path: '/governances/{governanceId}',
  tags: TAGS,
  summary: fr.openapi.getGovernance,
  security: OPTIONAL_KEY,
  request: { params },
  responses: {
    200: {
      description: fr.openapi.getGovernance,
      headers: ETAG_HEADER,
      content: { 'application/json': { schema: Governance } },
    },
    ...problemResponses('validation', 'non-authentifie', 'introuvable'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/governances/{governanceId}',
  tags: TAGS,
  summary: fr.openapi.updateGovernance,
  security: REQUIRED_KEY,
  request: {
    params,
    headers: IF_MATCH_HEADER,
    body: { required: true, content: { 'application/json': { schema: PatchBody } } },
  },
  responses: {
    200: {
      description: fr.openapi.updateGovernance,
      headers: ETAG_HEADER,
      content: { 'application/json': { schema: Governance } },
    },
    ...problemResponses(
      'validation',
      'json-mal-forme',
      'non-authentifie',
      'interdit',
      'introuvable',
      'precondition-echouee',
      'trop-volumineux',
      'type-de-contenu',
      'precondition-requise',
    ),
  },
});

const create = createdRoute({
  path: '/governances',
  tags: TAGS,
  summary: fr.openapi.createGovernance,
  params: NO_PARAMS,
  body: CreateGovernanceInput,
  schema: Governance,
});

// A role changes the governance (its `roles`), so the If-Match is the governance's ETag.
const role = {
  path: '/governances/{governanceId}/roles/{personId}',
  tags: TAGS,
  params: AssignRoleInput.pick({ governanceId: true, personId: true }),
  schema: Governance,
} as const;
const assign = changeRoute({
  ...role,
  method: 'put',
  summary: fr.openapi.assignRole,
  body: z.object({ role: GovernanceRole }),
});
const unassign = removeRoute({ ...role, summary: fr.openapi.removeRole });

/**
 * Governances: the list the actor may read, one governance, its creation (the creator becomes its
 * first coordinator), its changes and its roles under If-Match.
 */
export function registerGovernanceRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, ListGovernancesInput.shape.after.unwrap());
    const page = await listGovernances(useCaseContext(deps, c), { after, limit });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const governance = await getGovernance(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, governance);
    return c.json(governance, 200);
  });

  app.openapi(update, async (c) => {
    const { governanceId } = c.req.valid('param');
    const request: ChangeRequest = {
      id: governanceId,
      expectedVersion: expectedVersionOf(c, governanceId),
      patch: c.req.valid('json'),
    };
    const governance = await ifMatched(
      patchedFromBody(updateGovernance(useCaseContext(deps, c), request)),
    );
    setETag(c, governance);
    return c.json(governance, 200);
  });

  app.openapi(create, async (c) => {
    const governance = await createGovernance(useCaseContext(deps, c), c.req.valid('json'));
    announceCreated(c, governance, `/governances/${governance.id}`);
    return c.json(governance, 201);
  });

  // Giving, changing and removing a role are one kernel use case; `null` removes.
  const changeRole = (
    c: Context<ApiEnv>,
    { governanceId, personId }: { governanceId: string; personId: string },
    role: GovernanceRole | null,
  ) =>
    changeUnderIfMatch(c, governanceId, (id, expectedVersion) =>
      assignRole(useCaseContext(deps, c), { governanceId: id, personId, role, expectedVersion }),
    );

  app.openapi(assign, async (c) => {
    const governance = await changeRole(c, c.req.valid('param'), c.req.valid('json').role);
    return c.json(governance, 200);
  });

  app.openapi(unassign, async (c) => {
    const governance = await changeRole(c, c.req.valid('param'), null);
    return c.json(governance, 200);
  });
}
