import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { Governance, GovernanceRole } from '@maille/domain';
import {
  AssignRoleInput,
  assignRole,
  CreateGovernanceInput,
  createGovernance,
  GetGovernanceInput,
  getGovernance,
  ListGovernancesInput,
  listGovernances,
  updateGovernance,
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

/**
 * Governances: the list the actor may read, one governance, its creation (the creator becomes its
 * first coordinator), its changes and its roles under If-Match.
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
}
