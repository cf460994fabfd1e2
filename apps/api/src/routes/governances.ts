import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, GovernanceOrganizationRole, GovernanceRole } from '@maille/domain';
import {
  AddGovernanceOrganizationInput,
  AssignRoleInput,
  addGovernanceOrganization,
  assignRole,
  CreateGovernanceInput,
  createGovernance,
  GetGovernanceInput,
  getGovernance,
  ListGovernancesInput,
  listGovernances,
  removeGovernanceOrganization,
  updateGovernance,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { expectedVersionOf, ifMatched } from './concurrency.ts';
import {
  IF_MATCH_HEADER,
  IF_MATCH_PROBLEMS,
  problemResponses,
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

const GOVERNANCES = { tag: 'Gouvernances', one: 'Governance', many: 'Governances' };
const one = {
  path: '/governances/{governanceId}',
  resource: GOVERNANCES,
  params: z.object({ governanceId: GetGovernanceInput.shape.governanceId }),
  schema: Governance,
} as const;

// A role changes the governance (its `roles`), so the If-Match is the governance's ETag; giving,
// changing and removing a role are one kernel use case, where `null` removes.
const role = {
  path: '/governances/{governanceId}/roles/{personId}',
  resource: GOVERNANCES,
  params: AssignRoleInput.pick({ governanceId: true, personId: true }),
  schema: Governance,
  problems: ['conflit'],
} as const;

// An organization taking part changes the governance too (its `organizations`): same If-Match.
const organizationParams = AddGovernanceOrganizationInput.pick({
  governanceId: true,
  organizationId: true,
});
const organization = {
  path: '/governances/{governanceId}/organizations/{organizationId}',
  resource: GOVERNANCES,
  params: organizationParams,
  schema: Governance,
  problems: ['conflit'],
} as const;

// Taking an organization out answers 204 without a body (a client reads the governance again for
// its next ETag), a shape `registerChange` does not make: this route is written out here.
const removeOrganization = createRoute({
  method: 'delete',
  path: organization.path,
  tags: [GOVERNANCES.tag],
  operationId: 'removeGovernanceOrganization',
  summary: fr.openapi.removeGovernanceOrganization,
  description: fr.openapi.removeGovernanceOrganizationDescription,
  security: REQUIRED_KEY,
  request: { params: organizationParams, headers: IF_MATCH_HEADER },
  responses: {
    204: { description: fr.openapi.removeGovernanceOrganization },
    ...problemResponses(...WRITE_PROBLEMS, ...IF_MATCH_PROBLEMS),
  },
});

/**
 * Governances: the list the actor may read, one governance, its creation (the creator becomes its
 * first coordinator), its changes, its roles and the organizations taking part, under If-Match.
 */
export function registerGovernanceRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/governances',
      resource: GOVERNANCES,
      summary: fr.openapi.listGovernances,
      item: Governance,
      cursorId: ListGovernancesInput.shape.after.unwrap(),
    },
    listGovernances,
  );
  registerRead(
    app,
    deps,
    { ...one, summary: fr.openapi.getGovernance, versioned: true },
    getGovernance,
  );
  registerPatch(app, deps, { ...one, summary: fr.openapi.updateGovernance }, updateGovernance);
  registerCreate(
    app,
    deps,
    {
      path: '/governances',
      resource: GOVERNANCES,
      summary: fr.openapi.createGovernance,
      body: CreateGovernanceInput,
      schema: Governance,
      versioned: true,
      location: (governance) => `/governances/${governance.id}`,
      problems: ['conflit'],
    },
    createGovernance,
  );
  registerChange(
    app,
    deps,
    {
      ...role,
      method: 'put',
      operationId: 'assignGovernanceRole',
      summary: fr.openapi.assignRole,
      body: z.object({ role: GovernanceRole }),
    },
    assignRole,
  );
  registerChange(
    app,
    deps,
    {
      ...role,
      method: 'delete',
      operationId: 'removeGovernanceRole',
      summary: fr.openapi.removeRole,
    },
    assignRole,
    (params) => ({ ...params, role: null }),
  );
  registerChange(
    app,
    deps,
    {
      ...organization,
      method: 'put',
      operationId: 'addGovernanceOrganization',
      summary: fr.openapi.addGovernanceOrganization,
      body: z.object({ role: GovernanceOrganizationRole }),
    },
    addGovernanceOrganization,
  );
  app.openapi(removeOrganization, async (c) => {
    const { governanceId, organizationId } = c.req.valid('param');
    const expectedVersion = expectedVersionOf(c, governanceId);
    await ifMatched(
      expectedVersion,
      removeGovernanceOrganization(useCaseContext(deps, c), {
        governanceId,
        organizationId,
        expectedVersion,
      }),
    );
    return c.body(null, 204);
  });
}
