import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ConflictError, PlacesImport } from '@maille/domain';
import {
  ExportPlacesInput,
  exportDiagnosisCsv,
  exportPlaces,
  GovernancePlacesInput,
  getOrganization,
  getPlacesImport,
  getTerritorialDiagnosis,
  importPlaces,
  listGovernancePlaces,
  listPlacesImports,
  MergePlacesInput,
  mergeDuplicatePlaces,
  PlacesImportInput,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import {
  OPTIONAL_KEY,
  problemResponses,
  READ_PROBLEMS,
  REQUIRED_KEY,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';

const TAGS = ['Lieux de médiation'];
const governanceParams = z.object({ governanceId: GovernancePlacesInput.shape.governanceId });
const loose = (description: string) => ({
  description,
  content: { 'application/json': { schema: z.looseObject({}) } },
});

/** The path of the places import, whose body may be as large as a national file. */
export const PLACES_IMPORT_PATH = '/places/imports';

const importRoute = createRoute({
  method: 'post',
  path: PLACES_IMPORT_PATH,
  tags: TAGS,
  operationId: 'importPlaces',
  summary: fr.openapi.importPlaces,
  description: fr.openapi.importPlacesDescription,
  security: REQUIRED_KEY,
  request: {
    query: z.object({ fichier: z.string().max(200).optional() }),
    body: {
      description: fr.openapi.importPlacesBody,
      content: {
        'text/csv': { schema: z.string() },
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    201: {
      description: fr.openapi.importPlaces,
      content: { 'application/json': { schema: PlacesImport } },
    },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

const reportRoute = createRoute({
  method: 'get',
  path: '/places/imports/{importId}',
  tags: TAGS,
  operationId: 'getPlacesImport',
  summary: fr.openapi.getPlacesImport,
  security: REQUIRED_KEY,
  request: { params: PlacesImportInput },
  responses: {
    200: {
      description: fr.openapi.getPlacesImport,
      content: { 'application/json': { schema: PlacesImport } },
    },
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

const reportsRoute = createRoute({
  method: 'get',
  path: PLACES_IMPORT_PATH,
  tags: TAGS,
  operationId: 'listPlacesImports',
  summary: fr.openapi.listPlacesImports,
  security: REQUIRED_KEY,
  responses: {
    200: loose(fr.openapi.listPlacesImports),
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

const placesRoute = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/places',
  tags: TAGS,
  operationId: 'listGovernancePlaces',
  summary: fr.openapi.listGovernancePlaces,
  description: fr.openapi.listGovernancePlacesDescription,
  security: OPTIONAL_KEY,
  request: { params: governanceParams },
  responses: { 200: loose(fr.openapi.listGovernancePlaces), ...problemResponses(...READ_PROBLEMS) },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/places/export',
  tags: TAGS,
  operationId: 'exportPlaces',
  summary: fr.openapi.exportPlaces,
  security: OPTIONAL_KEY,
  request: {
    params: governanceParams,
    query: z.object({ format: ExportPlacesInput.shape.format.default('json') }),
  },
  responses: {
    200: {
      description: fr.openapi.exportPlaces,
      content: {
        'application/json': { schema: z.array(z.looseObject({})) },
        'text/csv': { schema: z.string() },
      },
    },
    ...problemResponses(...READ_PROBLEMS),
  },
});

const diagnosisRoute = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/diagnosis',
  tags: TAGS,
  operationId: 'getTerritorialDiagnosis',
  summary: fr.openapi.diagnosis,
  description: fr.openapi.diagnosisDescription,
  security: OPTIONAL_KEY,
  request: { params: governanceParams },
  responses: { 200: loose(fr.openapi.diagnosis), ...problemResponses(...READ_PROBLEMS) },
});

const diagnosisCsvRoute = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/diagnosis.csv',
  tags: TAGS,
  operationId: 'exportTerritorialDiagnosisCsv',
  summary: fr.openapi.diagnosisCsv,
  security: OPTIONAL_KEY,
  request: { params: governanceParams },
  responses: {
    200: { description: fr.openapi.diagnosisCsv, content: { 'text/csv': { schema: z.string() } } },
    ...problemResponses(...READ_PROBLEMS),
  },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/places/merges',
  tags: TAGS,
  operationId: 'mergePlaces',
  summary: fr.openapi.mergePlaces,
  description: fr.openapi.mergePlacesDescription,
  security: REQUIRED_KEY,
  request: {
    body: { required: true, content: { 'application/json': { schema: MergePlacesInput } } },
  },
  responses: {
    200: loose(fr.openapi.mergePlaces),
    ...problemResponses(...WRITE_PROBLEMS, 'conflit'),
  },
});

/**
 * The places of digital mediation: importing a national file (its bytes as the body, JSON or
 * CSV: the kernel reads the format), reading the reports, a governance's places with their
 * freshness and probable duplicates, merging two records, exporting in the national schema, and
 * the territorial diagnosis.
 */
export function registerPlaceRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(importRoute, async (c) => {
    const content = new Uint8Array(await c.req.arrayBuffer());
    const report = await importPlaces(useCaseContext(deps, c), {
      content,
      fileName: c.req.valid('query').fichier,
    });
    c.header('Location', `/places/imports/${report.id}`);
    return c.json(report, 201);
  });
  app.openapi(reportsRoute, async (c) =>
    c.json({ items: await listPlacesImports(useCaseContext(deps, c)) }, 200),
  );
  app.openapi(reportRoute, async (c) =>
    c.json(await getPlacesImport(useCaseContext(deps, c), c.req.valid('param')), 200),
  );
  app.openapi(placesRoute, async (c) => {
    const { places, duplicates } = await listGovernancePlaces(
      useCaseContext(deps, c),
      c.req.valid('param'),
    );
    return c.json({ places, duplicates: duplicates.map((group) => group.map((o) => o.id)) }, 200);
  });
  app.openapi(exportRoute, async (c) => {
    const file = await exportPlaces(useCaseContext(deps, c), {
      ...c.req.valid('param'),
      format: c.req.valid('query').format,
    });
    return c.body(file.content, 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      // Places without an address cannot be valid national records: how many were left out.
      'Lieux-Ecartes': String(file.leftOut.length),
    }) as never;
  });
  app.openapi(diagnosisRoute, async (c) => {
    const { governance, today, diagnosis } = await getTerritorialDiagnosis(
      useCaseContext(deps, c),
      c.req.valid('param'),
    );
    return c.json(
      { governanceId: governance.id, territory: governance.territory, today, ...diagnosis },
      200,
    );
  });
  app.openapi(diagnosisCsvRoute, async (c) => {
    const file = await exportDiagnosisCsv(useCaseContext(deps, c), c.req.valid('param'));
    return c.body(file.csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.filename}"`,
    });
  });
  app.openapi(mergeRoute, async (c) => {
    const input = c.req.valid('json');
    const ctx = useCaseContext(deps, c);
    // A request built before another merge (a retry, a colleague's) may name a record merged
    // since: merged again, it would hide both records from every list. The kernel does not
    // refuse it yet, so the edge does.
    for (const organizationId of [input.keptId, input.otherId]) {
      const { mergedInto } = await getOrganization(ctx, { organizationId });
      if (mergedInto !== undefined)
        throw new ConflictError(fr.places.alreadyMerged(organizationId, mergedInto));
    }
    return c.json(await mergeDuplicatePlaces(ctx, input), 200);
  });
}
