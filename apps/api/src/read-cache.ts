import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';

/**
 * A short-lived cache of read models (a roadmap's health, a governance's dashboard), kept as the
 * JSON text the API answers. They are read far more often than the roadmap changes — a
 * dashboard on a wall, several members opening the same page before a committee — and each costs
 * a dozen queries; the cache answers repeated reads for `ttlMs` without touching the database.
 *
 * Freshness: any change made through this process (a POST, PATCH… that answered) empties it, so
 * whoever writes then reads sees their change. A change made elsewhere — another API instance on
 * the same PostgreSQL, the bot, the `maille` command — shows after `ttlMs` at most.
 *
 * Entries are per actor (the person, an administrator, the public), since what one may read
 * another may not; a refusal (404, 403…) is never cached.
 */
export class ReadModelCache {
  readonly #entries = new Map<string, { json: string; expiresAt: number }>();
  /** Bumped by each change: a read computed before it must not be stored after it. */
  #generation = 0;

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 1000,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** The JSON text of `key`, from the cache while fresh, otherwise computed and stored. */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    if (this.ttlMs <= 0) return JSON.stringify(await compute());
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.json;
    const generation = this.#generation;
    const json = JSON.stringify(await compute());
    if (generation === this.#generation) {
      this.#entries.delete(key);
      // Maps keep insertion order: the first key is the oldest, dropped when full.
      if (this.#entries.size >= this.maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(key, { json, expiresAt: this.now() + this.ttlMs });
    }
    return json;
  }

  /** Forgets everything: something changed. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Empties the cache once a request that may have changed something has been answered. */
export function clearAfterChanges(cache: ReadModelCache): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    if (!SAFE_METHODS.has(c.req.method)) cache.clear();
  };
}

/** The part of a cache key that says who reads: what one may see another may not. */
export function readerKey(actor: ApiEnv['Variables']['actor']): string {
  if (actor.instanceAdmin) return `admin:${actor.personId ?? ''}`;
  return actor.personId ? `person:${actor.personId}` : 'public';
}
