import type { OpenAPIHono } from '@hono/zod-openapi';
import { Organization } from '@maille/domain';
import {
  CreateOrganizationInput,
  createOrganization,
  DirectoryQuery,
  GetOrganizationInput,
  getOrganization,
  ListOrganizationsInput,
  listOrganizations,
  updateOrganization,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const ORGANIZATIONS = { tag: 'Structures', one: 'Organization', many: 'Organizations' };
const one = {
  path: '/organizations/{organizationId}',
  resource: ORGANIZATIONS,
  params: GetOrganizationInput,
  schema: Organization,
} as const;

/** Organizations of the shared directory: read by anyone signed in, kept by coordinators. */
export function registerOrganizationRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/organizations',
      resource: ORGANIZATIONS,
      summary: fr.openapi.listOrganizations,
      query: { q: DirectoryQuery.optional().openapi({ description: fr.openapi.searchQuery }) },
      item: Organization,
      cursorId: ListOrganizationsInput.shape.after.unwrap(),
      problems: ['interdit'],
    },
    listOrganizations,
    (_, { q }) => ({ query: q }),
  );
  registerRead(
    app,
    deps,
    { ...one, summary: fr.openapi.getOrganization, versioned: true, problems: ['interdit'] },
    getOrganization,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/organizations',
      resource: ORGANIZATIONS,
      summary: fr.openapi.createOrganization,
      body: CreateOrganizationInput,
      schema: Organization,
      versioned: true,
      location: (organization) => `/organizations/${organization.id}`,
      problems: ['conflit'],
    },
    createOrganization,
  );
  registerPatch(
    app,
    deps,
    { ...one, summary: fr.openapi.updateOrganization, problems: ['conflit'] },
    updateOrganization,
  );
}
