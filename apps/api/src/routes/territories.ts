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
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const TERRITORIES = { tag: 'Territoires', one: 'Territory', many: 'Territories' };
const one = {
  path: '/territories/{territoryId}',
  resource: TERRITORIES,
  params: GetTerritoryInput,
  schema: Territory,
} as const;

/** Territories: public reference data; added by coordinators, corrected by the administrator. */
export function registerTerritoryRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/territories',
      resource: TERRITORIES,
      summary: fr.openapi.listTerritories,
      description: fr.openapi.listTerritoriesDescription,
      query: {
        level: TerritoryLevel.optional().openapi({ description: fr.openapi.levelFilter }),
        q: DirectoryQuery.optional().openapi({ description: fr.openapi.searchQuery }),
      },
      item: Territory,
      cursorId: ListTerritoriesInput.shape.after.unwrap(),
      problems: ['interdit'],
    },
    listTerritories,
    (_, { level, q }) => ({ level, query: q }),
  );
  registerRead(
    app,
    deps,
    { ...one, summary: fr.openapi.getTerritory, versioned: true, problems: ['interdit'] },
    getTerritory,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/territories',
      resource: TERRITORIES,
      summary: fr.openapi.createTerritory,
      body: CreateTerritoryInput,
      schema: Territory,
      versioned: true,
      location: (territory) => `/territories/${territory.id}`,
      problems: ['conflit'],
    },
    createTerritory,
  );
  registerPatch(
    app,
    deps,
    { ...one, summary: fr.openapi.updateTerritory, problems: ['conflit'] },
    updateTerritory,
  );
}
