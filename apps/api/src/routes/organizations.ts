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
import { setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { decodeCursor, pageResponse } from '../pagination.ts';
import {
  announceCreated,
  changeRoute,
  changeUnderIfMatch,
  createdRoute,
  listRoute,
  NO_PARAMS,
  readRoute,
} from './route-shapes.ts';

const TAGS = ['Structures'];
const one = {
  path: '/organizations/{organizationId}',
  tags: TAGS,
  params: GetOrganizationInput,
} as const;

const list = listRoute({
  path: '/organizations',
  tags: TAGS,
  summary: fr.openapi.listOrganizations,
  params: NO_PARAMS,
  query: { q: DirectoryQuery.optional().openapi({ description: fr.openapi.searchQuery }) },
  item: Organization,
});
const read = readRoute({ ...one, summary: fr.openapi.getOrganization, schema: Organization });
const create = createdRoute({
  path: '/organizations',
  tags: TAGS,
  summary: fr.openapi.createOrganization,
  params: NO_PARAMS,
  body: CreateOrganizationInput,
  schema: Organization,
});
const update = changeRoute({
  ...one,
  summary: fr.openapi.updateOrganization,
  schema: Organization,
});

/** Organizations of the shared directory: read by anyone signed in, kept by coordinators. */
export function registerOrganizationRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { limit, cursor, q } = c.req.valid('query');
    const after = decodeCursor(cursor, ListOrganizationsInput.shape.after.unwrap());
    const page = await listOrganizations(useCaseContext(deps, c), { query: q, after, limit });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const organization = await getOrganization(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, organization);
    return c.json(organization, 200);
  });

  app.openapi(create, async (c) => {
    const organization = await createOrganization(useCaseContext(deps, c), c.req.valid('json'));
    announceCreated(c, organization, `/organizations/${organization.id}`);
    return c.json(organization, 201);
  });

  app.openapi(update, async (c) => {
    const patch = c.req.valid('json');
    const organization = await changeUnderIfMatch(
      c,
      c.req.valid('param').organizationId,
      (id, expectedVersion) =>
        updateOrganization(useCaseContext(deps, c), { id, expectedVersion, patch }),
    );
    return c.json(organization, 200);
  });
}
