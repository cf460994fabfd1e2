import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  type CsvFile,
  ExportGovernanceCsvInput,
  ExportGovernanceInput,
  ExportRoadmapCsvInput,
  exportActionsCsv,
  exportFundingLinesCsv,
  exportGovernance,
  exportMeasurementsCsv,
  exportMilestonesCsv,
  exportOrganizationsCsv,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { OPTIONAL_KEY, problemResponses, READ_PROBLEMS, REQUIRED_KEY } from './openapi-helpers.ts';

const TAGS = ['Exports'];
const roadmapParams = z.object({ roadmapId: ExportRoadmapCsvInput.shape.roadmapId });
const governanceParams = z.object({ governanceId: ExportGovernanceCsvInput.shape.governanceId });

const DISPOSITION_HEADER = z.object({
  'Content-Disposition': z.string().openapi({ description: 'attachment; filename="…"' }),
});

/** A CSV download: same readers as the JSON reads, so a key is optional as it is there. */
function csvRoute(
  operationId: string,
  path: string,
  summary: string,
  params: z.ZodObject,
  description?: string,
) {
  return createRoute({
    method: 'get',
    path,
    tags: TAGS,
    operationId,
    summary,
    description: description
      ? `${description} ${fr.openapi.csvDescription}`
      : fr.openapi.csvDescription,
    security: OPTIONAL_KEY,
    request: { params },
    responses: {
      200: {
        description: summary,
        headers: DISPOSITION_HEADER,
        content: { 'text/csv': { schema: z.string() } },
      },
      ...problemResponses(...READ_PROBLEMS),
    },
  });
}

/** The CSV exports: path, summary, params and the kernel's use case behind each. */
const CSV_EXPORTS = [
  {
    route: csvRoute(
      'exportActionsCsv',
      '/roadmaps/{roadmapId}/actions.csv',
      fr.openapi.actionsCsv,
      roadmapParams,
    ),
    run: exportActionsCsv,
  },
  {
    route: csvRoute(
      'exportMilestonesCsv',
      '/roadmaps/{roadmapId}/milestones.csv',
      fr.openapi.milestonesCsv,
      roadmapParams,
    ),
    run: exportMilestonesCsv,
  },
  {
    route: csvRoute(
      'exportMeasurementsCsv',
      '/governances/{governanceId}/measurements.csv',
      fr.openapi.measurementsCsv,
      governanceParams,
    ),
    run: exportMeasurementsCsv,
  },
  {
    route: csvRoute(
      'exportOrganizationsCsv',
      '/governances/{governanceId}/organizations.csv',
      fr.openapi.organizationsCsv,
      governanceParams,
      fr.openapi.organizationsCsvDescription,
    ),
    run: exportOrganizationsCsv,
  },
  {
    route: csvRoute(
      'exportFundingLinesCsv',
      '/governances/{governanceId}/funding-lines.csv',
      fr.openapi.fundingLinesCsv,
      governanceParams,
    ),
    run: exportFundingLinesCsv,
  },
] satisfies { route: unknown; run: (ctx: UseCaseContext, input: unknown) => Promise<CsvFile> }[];

const governanceDocument = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/export',
  tags: TAGS,
  operationId: 'exportGovernance',
  summary: fr.openapi.exportGovernance,
  description: fr.openapi.exportGovernanceDescription,
  security: REQUIRED_KEY,
  request: { params: z.object({ governanceId: ExportGovernanceInput.shape.governanceId }) },
  responses: {
    200: {
      description: fr.openapi.exportGovernance,
      headers: DISPOSITION_HEADER,
      // The document's schema is the kernel's `GovernanceDocument`, published as JSON Schema
      // with the kernel (`@maille/domain/schemas/*`); described loosely here.
      content: {
        'application/json': {
          schema: z.looseObject({
            format: z.literal('maille.gouvernance'),
            formatVersion: z.number().int(),
            exportedAt: z.string(),
          }),
        },
      },
    },
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

/**
 * Downloads: CSV files for French spreadsheets (actions, milestones, measurements, the actor
 * map) and the JSON export of a whole governance.
 */
export function registerExportRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  for (const { route, run } of CSV_EXPORTS) {
    app.openapi(route, async (c) => {
      const file = await run(useCaseContext(deps, c), c.req.valid('param'));
      return c.body(file.csv, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': attachment(file.filename),
      });
    });
  }

  app.openapi(governanceDocument, async (c) => {
    const document = await exportGovernance(useCaseContext(deps, c), c.req.valid('param'));
    const filename = `gouvernance-${document.governance.id}-${document.exportedAt.slice(0, 10)}.json`;
    // Personal data: kept by no cache on the way.
    c.header('Cache-Control', 'no-store');
    return c.json(document, 200, { 'Content-Disposition': attachment(filename) });
  });
}

/** A `Content-Disposition` for a file name made of ids and dates (ASCII, no quote). */
function attachment(filename: string): string {
  return `attachment; filename="${filename}"`;
}
