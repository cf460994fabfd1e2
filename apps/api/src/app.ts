import { OpenAPIHono } from '@hono/zod-openapi';
import {
  frenchErrors,
  MAX_PLACES_FILE_BYTES,
  toFieldIssues,
  ValidationError,
} from '@maille/domain';
import { every } from 'hono/combine';
import { compress } from 'hono/compress';
import { etag, RETAINED_304_HEADERS } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { type Logger, pino } from 'pino';
import { z } from 'zod';
import type { ApiEnv, AppDependencies } from './context.ts';
import { problemResponse, unknownRouteResponse } from './errors/problems.ts';
import { fr } from './messages/fr.ts';
import { traceRequests } from './middleware/access-log.ts';
import { admitCaller, identifyCaller, VerifiedKeys } from './middleware/auth.ts';
import { isMissingJsonBody, limitBody, missingJsonBody } from './middleware/body-rules.ts';
import { allowOrigins } from './middleware/cors.ts';
import { documentIdempotencyKey, honourIdempotencyKey } from './middleware/idempotency.ts';
import { answerWrongMethods, isWriteOperation } from './middleware/methods.ts';
import { protectAnswers } from './middleware/protections.ts';
import { limitRate, RateLimiter, type RateLimits } from './middleware/rate-limit.ts';
import { refreshAfterWrites } from './middleware/refresh-read-models.ts';
import { ReadModelCache } from './read-models/cache.ts';
import { registerActionRoutes } from './routes/actions.ts';
import { registerBodyRoutes } from './routes/bodies.ts';
import { registerCalendarRoutes } from './routes/calendars.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerExportRoutes } from './routes/exports.ts';
import { registerFundingLineRoutes } from './routes/funding-lines.ts';
import { registerGovernanceRoutes } from './routes/governances.ts';
import { registerHistoryRoutes } from './routes/history.ts';
import { registerIndicatorRoutes } from './routes/indicators.ts';
import { registerLinkCodeRoutes } from './routes/link-codes.ts';
import { registerMeasurementRoutes } from './routes/measurements.ts';
import { registerMeetingRoutes } from './routes/meetings.ts';
import { registerMilestoneRoutes } from './routes/milestones.ts';
import { registerOrganizationRoutes } from './routes/organizations.ts';
import { registerPersonRoutes } from './routes/persons.ts';
import { PLACES_IMPORT_PATH, registerPlaceRoutes } from './routes/places.ts';
import { registerReadModelRoutes } from './routes/read-models.ts';
import { registerRoadmapRoutes } from './routes/roadmaps.ts';
import { registerSystemRoutes } from './routes/system.ts';
import { registerTerritoryRoutes } from './routes/territories.ts';
import { registerUpdateRoutes } from './routes/updates.ts';

export type { AppDependencies } from './context.ts';

// The route validators parse with zod's global settings: they speak the kernel's French, as its
// `validate` does (messages written on the kernel's schemas still win).
z.config({ localeError: frenchErrors });

/** Largest body accepted when the caller does not say (1 MiB). */
export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/** Requests per minute when the caller does not say: per API key, and per address without. */
export const DEFAULT_RATE_LIMITS: RateLimits = { perKey: 600, perAddress: 120 };

export interface AppOptions extends AppDependencies {
  bodyLimitBytes?: number | undefined;
  rateLimits?: RateLimits | undefined;
  /** How many reverse proxies are trusted to set `X-Forwarded-For` (0: none, the default). */
  trustProxy?: number | undefined;
  /** Origins allowed to call from a browser (CORS); none by default. */
  corsOrigins?: readonly string[] | undefined;
  /** Where the one JSON line per request goes; nowhere by default (the server gives stdout). */
  logger?: Logger | undefined;
  /**
   * How long a read model (a roadmap's health) may be answered from memory: 0, the default, reads
   * the database every time; the server uses `READ_MODEL_CACHE_MS`. See `ReadModelCache`.
   */
  readModelTtlMs?: number | undefined;
  /**
   * How long a verified API key is trusted without reading the database again: 0, the default,
   * reads it at every request; the server uses `API_KEY_CACHE_MS`. See `VerifiedKeys`.
   */
  keyCacheTtlMs?: number | undefined;
  /** The read models' cache, when the caller builds its own (else one of `readModelTtlMs`). */
  readModels?: ReadModelCache | undefined;
}

/** The read models' routes (see `sendReadModel`). */
const READ_MODEL_PATHS = ['/roadmaps/:roadmapId/health', '/governances/:governanceId/dashboard'];

/**
 * What a 304 keeps of the answer it stands for: besides what HTTP names, its request id, its
 * rate-limit count and, for a browser, its CORS permission.
 */
const KEPT_ON_304 = [
  ...RETAINED_304_HEADERS,
  'x-request-id',
  'ratelimit',
  'ratelimit-policy',
  'access-control-allow-origin',
  'access-control-expose-headers',
];

/**
 * The HTTP API over the kernel: validates with its schemas, calls its use cases as the person of
 * the API key, and maps every error once to a French `application/problem+json`.
 *
 * @example
 * const database = openDatabase();
 * const app = createApp({ store: createStore(database), database, clock, ids: timeOrderedIds() });
 * const response = await app.request('/healthz');
 */
export function createApp(options: AppOptions) {
  const {
    bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES,
    rateLimits = DEFAULT_RATE_LIMITS,
    trustProxy = 0,
    corsOrigins = [],
    logger = pino({ enabled: false }),
    readModelTtlMs = 0,
    keyCacheTtlMs = 0,
    readModels = new ReadModelCache(readModelTtlMs),
    ...dependencies
  } = options;
  const deps = { ...dependencies, readModels };
  const app = new OpenAPIHono<ApiEnv>({
    // A route's own check (path, query, body) fails like the kernel's: one problem format.
    defaultHook: (result, c) => {
      if (result.success) return;
      if (isMissingJsonBody(result, c)) throw missingJsonBody();
      throw new ValidationError(toFieldIssues(result.error as unknown as z.ZodError));
    },
  });

  // Every request, in this order: its log line, its id, the protections of every answer, CORS,
  // compression and conditional reads of what is answered, who asks, how many times.
  app.use(traceRequests(logger));
  app.use(requestId());
  app.use(protectAnswers());
  const cors = allowOrigins(corsOrigins);
  if (cors) app.use(cors);
  app.use(compress());
  // The read models carry a tag of their content: a client holding it gets 304. Other answers
  // keep theirs (a version's `ETag` is for `If-Match`), and append-only records have none.
  for (const path of READ_MODEL_PATHS) app.use(path, etag({ retainedHeaders: KEPT_ON_304 }));
  app.use(identifyCaller(deps, new VerifiedKeys(keyCacheTtlMs)));
  app.use(limitRate(new RateLimiter(rateLimits, options.clock), trustProxy));
  app.use(admitCaller());
  // What only a write needs, once its caller is admitted: its body is read from here on.
  // A national places file is sent whole: its own bound, the kernel's.
  const limitPlacesFile = limitBody(MAX_PLACES_FILE_BYTES);
  const limitOthers = limitBody(bodyLimitBytes);
  const writes = every(
    (c, next) => (c.req.path === PLACES_IMPORT_PATH ? limitPlacesFile : limitOthers)(c, next),
    refreshAfterWrites(readModels),
    honourIdempotencyKey(deps),
  );
  app.use((c, next) => (isWriteOperation(c) ? writes(c, next) : next()));
  app.use(answerWrongMethods(app));

  registerSystemRoutes(app, deps);
  registerRoadmapRoutes(app, deps);
  registerUpdateRoutes(app, deps);
  registerMilestoneRoutes(app, deps);
  registerGovernanceRoutes(app, deps);
  registerHistoryRoutes(app, deps);
  registerActionRoutes(app, deps);
  registerLinkCodeRoutes(app, deps);
  registerReadModelRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerTerritoryRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
  registerPlaceRoutes(app, deps);
  registerPersonRoutes(app, deps);
  registerBodyRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  registerFundingLineRoutes(app, deps);
  registerIndicatorRoutes(app, deps);
  registerMeasurementRoutes(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'cleApi', {
    type: 'http',
    scheme: 'bearer',
    description: 'Une clé d’API « mai_<identifiant>.<secret> », créée avec « maille cle creer ».',
  });
  // Built once, on first request, like `app.doc31` would, plus the headers every POST honours.
  let document: object | undefined;
  const openApiDocument = () => {
    document ??= documentIdempotencyKey(app.getOpenAPI31Document(OPENAPI_CONFIG));
    return document;
  };
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  registerDocsRoutes(app, openApiDocument);

  app.onError((error, c) =>
    problemResponse(c, error, (unexpected, id) =>
      logger.error({ requestId: id, err: unexpected }, 'erreur inattendue'),
    ),
  );
  app.notFound(unknownRouteResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;

const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: fr.openapi.title,
    version: '0.1.0',
    description: fr.openapi.description,
    license: { name: 'MIT', identifier: 'MIT' },
  },
  // Relative: the document is right wherever the API is served (behind a proxy, on any port).
  servers: [{ url: '/', description: fr.openapi.server }],
};
