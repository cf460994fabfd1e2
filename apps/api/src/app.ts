import { OpenAPIHono } from '@hono/zod-openapi';
import { toFieldIssues, ValidationError } from '@maille/domain';
import { every } from 'hono/combine';
import { type Logger, pino } from 'pino';
import { z } from 'zod';
import { traceRequests } from './access-log.ts';
import { authenticate, VerifiedKeys } from './auth.ts';
import { limitBody, requireJsonBody } from './body-rules.ts';
import { clientAddress } from './client-address.ts';
import type { ApiEnv, AppDependencies } from './context.ts';
import { allowOrigins } from './cors.ts';
import { documentIdempotencyKey, honourIdempotencyKey } from './idempotency.ts';
import { fr } from './messages/fr.ts';
import { methodsByPath } from './methods.ts';
import { methodNotAllowedResponse, problemResponse, unknownRouteResponse } from './problems.ts';
import { RateLimiter, type RateLimits, tooManyRequests } from './rate-limit.ts';
import { clearAfterChanges, ReadModelCache } from './read-cache.ts';
import { protectAnswer, setAnswerHeader } from './response-headers.ts';
import { registerActionRoutes } from './routes/actions.ts';
import { registerBodyRoutes } from './routes/bodies.ts';
import { registerCalendarRoutes } from './routes/calendars.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerExportRoutes } from './routes/exports.ts';
import { registerFundingLineRoutes } from './routes/funding-lines.ts';
import { registerGovernanceRoutes } from './routes/governances.ts';
import { registerIndicatorRoutes } from './routes/indicators.ts';
import { registerLinkCodeRoutes } from './routes/link-codes.ts';
import { registerMeasurementRoutes } from './routes/measurements.ts';
import { registerMeetingRoutes } from './routes/meetings.ts';
import { registerMilestoneRoutes } from './routes/milestones.ts';
import { registerOrganizationRoutes } from './routes/organizations.ts';
import { registerPersonRoutes } from './routes/persons.ts';
import { registerReadModelRoutes } from './routes/read-models.ts';
import { registerRoadmapRoutes } from './routes/roadmaps.ts';
import { registerSystemRoutes } from './routes/system.ts';
import { registerTerritoryRoutes } from './routes/territories.ts';
import { registerUpdateRoutes } from './routes/updates.ts';

export type { AppDependencies } from './context.ts';

// The route validators parse with zod's global settings, unlike the kernel's `validate`, which
// passes the French locale per call: the API speaks French, so zod's own messages do too. The
// kernel's messages, written on its schemas, still win.
z.config(z.locales.fr());

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
  /** The read models' cache, when the server's edge shares it (else one of `readModelTtlMs`). */
  readModels?: ReadModelCache | undefined;
  /** The rate limiter, when the server's edge shares it (else one of `rateLimits`). */
  limiter?: RateLimiter | undefined;
}

/** Methods that read: they carry no body and change nothing. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The HTTP API over the kernel: validates with its schemas, calls its use cases as the person of
 * the API key, and maps every error once to a French `application/problem+json`.
 *
 * @example
 * const database = openDatabase();
 * const app = createApp({ store: createStore(database), database, clock, ids: randomIds() });
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
    limiter = new RateLimiter(rateLimits, options.clock),
    ...dependencies
  } = options;
  const deps = { ...dependencies, readModels };
  const app = new OpenAPIHono<ApiEnv>({
    // A route's own check (path, query, body) fails like the kernel's: one problem format.
    defaultHook: (result) => {
      if (!result.success) {
        throw new ValidationError(toFieldIssues(result.error as unknown as z.ZodError));
      }
    },
  });

  // Each middleware of Hono's chain costs an await per request: what every request goes through
  // is gathered in three (tracing, CORS when configured, admission), each step a plain function.
  app.use(traceRequests(logger));
  const cors = allowOrigins(corsOrigins);
  if (cors) app.use(cors);
  const verifiedKeys = new VerifiedKeys(keyCacheTtlMs);
  app.use(async (c, next) => {
    protectAnswer(c);
    const caller = await authenticate(c.req.header('Authorization'), deps, verifiedKeys);
    c.set('actor', caller.actor);
    if (caller.keyId !== undefined) c.set('keyId', caller.keyId);
    // Counted before a bad key is refused: a client trying keys is limited like the public.
    const decision = limiter.count(caller.keyId, () => clientAddress(c, trustProxy));
    setAnswerHeader(c, 'RateLimit-Policy', decision.headers['RateLimit-Policy']);
    setAnswerHeader(c, 'RateLimit', decision.headers.RateLimit);
    if (!decision.allowed) throw tooManyRequests(decision);
    if (caller.refusal) throw caller.refusal;
    return next();
  });
  // What only a request that may change something needs. A read skips it in one step: looking for
  // a body would make the Node adapter build a whole web Request, the costliest step of a read.
  const changes = every(
    limitBody(bodyLimitBytes),
    requireJsonBody(),
    clearAfterChanges(readModels),
    honourIdempotencyKey(deps),
  );
  app.use((c, next) => (READ_METHODS.has(c.req.method) ? next() : changes(c, next)));

  registerSystemRoutes(app, deps);
  registerRoadmapRoutes(app, deps);
  registerUpdateRoutes(app, deps);
  registerMilestoneRoutes(app, deps);
  registerGovernanceRoutes(app, deps);
  registerActionRoutes(app, deps);
  registerLinkCodeRoutes(app, deps);
  registerReadModelRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerTerritoryRoutes(app, deps);
  registerOrganizationRoutes(app, deps);
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
  // Built on the first unknown request, once every route is registered.
  let allowedMethods: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    allowedMethods ??= methodsByPath(app.routes);
    const allowed = allowedMethods(c.req.path);
    return allowed.length > 0 ? methodNotAllowedResponse(c, allowed) : unknownRouteResponse(c);
  });
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
