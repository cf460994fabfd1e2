import type { OpenAPIHono } from '@hono/zod-openapi';
import { Territory, TerritoryLevel } from '@maille/domain';
import {
  CreateTerritoryInput,
  createTerritory,
  DirectoryQuery,
  GetTerritoryInput,
  getTerritory,
  ListTerritoriesInput,
  listTerritories,
  updateTerritory,
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

const TAGS = ['Territoires'];
const one = { path: '/territories/{territoryId}', tags: TAGS, params: GetTerritoryInput } as const;

const list = listRoute({
  path: '/territories',
  tags: TAGS,
  summary: fr.openapi.listTerritories,
  description: fr.openapi.listTerritoriesDescription,
  params: NO_PARAMS,
  query: {
    level: TerritoryLevel.optional().openapi({ description: fr.openapi.levelFilter }),
    q: DirectoryQuery.optional().openapi({ description: fr.openapi.searchQuery }),
  },
  item: Territory,
});
const read = readRoute({ ...one, summary: fr.openapi.getTerritory, schema: Territory });
const create = createdRoute({
  path: '/territories',
  tags: TAGS,
  summary: fr.openapi.createTerritory,
  params: NO_PARAMS,
  body: CreateTerritoryInput,
  schema: Territory,
});
const update = changeRoute({ ...one, summary: fr.openapi.updateTerritory, schema: Territory });

/** Territories: public reference data; added by coordinators, corrected by the administrator. */
export function registerTerritoryRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { limit, cursor, level, q } = c.req.valid('query');
    const after = decodeCursor(cursor, ListTerritoriesInput.shape.after.unwrap());
    const page = await listTerritories(useCaseContext(deps, c), { level, query: q, after, limit });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const territory = await getTerritory(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, territory);
    return c.json(territory, 200);
  });

  app.openapi(create, async (c) => {
    const territory = await createTerritory(useCaseContext(deps, c), c.req.valid('json'));
    announceCreated(c, territory, `/territories/${territory.id}`);
    return c.json(territory, 201);
  });

  app.openapi(update, async (c) => {
    const patch = c.req.valid('json');
    const territory = await changeUnderIfMatch(c, c.req.valid('param').territoryId, (id, v) =>
      updateTerritory(useCaseContext(deps, c), { id, expectedVersion: v, patch }),
    );
    return c.json(territory, 200);
  });
}
