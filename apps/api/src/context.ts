import type { Database } from '@maille/db';
import type { IdGenerator } from '@maille/domain';
import type { Actor, Clock, Store, UseCaseContext } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import type { ApiProblem } from './errors/problems.ts';
import type { ReadModelCache } from './read-models/cache.ts';

/** What the API is built from: the storage, the clock and the id generator. */
export interface AppDependencies {
  store: Store;
  database: Database;
  clock: Clock;
  ids: IdGenerator;
}

/** What routes are built from: the app's dependencies and the cache of read models. */
export interface RouteDependencies extends AppDependencies {
  readModels: ReadModelCache;
}

/** The variables every request carries from the middlewares to the handlers. */
export interface ApiEnv {
  Variables: {
    /** The request's id (Hono's `requestId`), in its log line and any problem answer. */
    requestId: string;
    actor: Actor;
    /** The id of the valid API key of the request (never its secret), for limits and logs. */
    keyId?: string;
    /** Why the request's key is refused: answered 401 once the request has been counted. */
    keyRefusal?: ApiProblem;
    /** The store of a request holding an Idempotency-Key claim: it marks the claim with the effect. */
    store?: Store;
  };
}

/** The kernel's context for this request: the acting person comes from the API key. */
export function useCaseContext(deps: AppDependencies, c: Context<ApiEnv>): UseCaseContext {
  return {
    store: c.get('store') ?? deps.store,
    clock: deps.clock,
    ids: deps.ids,
    actor: c.get('actor'),
  };
}
