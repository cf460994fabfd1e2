import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';

/**
 * One computed read model, ready to send: its JSON, an entity tag of its content and, once a
 * client asked for it, its gzip form — compressed once per content, not once per reader (the
 * health of a 200-action roadmap takes longer to gzip than to send).
 */
export class ReadModelAnswer {
  /** A weak tag (`W/"…"`): the same content, compressed or not, matches it. */
  readonly etag: string;
  #gzipped: Uint8Array<ArrayBuffer> | undefined;

  constructor(readonly json: string) {
    this.etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
  }

  get gzipped(): Uint8Array<ArrayBuffer> {
    this.#gzipped ??= new Uint8Array(gzipSync(this.json));
    return this.#gzipped;
  }
}

interface Entry {
  answer: ReadModelAnswer;
  /** The database's change mark read before the answer was computed. */
  mark: string | undefined;
}

/**
 * A short-lived cache of read models (a roadmap's health, a governance's dashboard), kept as the
 * JSON the API answers. They are read far more often than the roadmap changes — a dashboard on a
 * wall, several members opening the same page before a committee — and each costs a dozen
 * queries; the cache answers repeated reads for `ttlMs` without touching the database.
 *
 * Freshness: any change made through this process (a POST, PATCH… that answered) empties it, so
 * whoever writes then reads sees their change. A change made elsewhere — another API instance on
 * the same PostgreSQL, the bot, the `maille` command — shows after `ttlMs` at most. On SQLite, an
 * entry whose database saw no write at all is kept past `ttlMs` without a new read (`changeMark`).
 *
 * Entries are per actor (the person, an administrator, the public; see `readerKey`), since what
 * one may read another may not; a refusal (404, 403…) is never cached.
 *
 * @example
 * const cache = new ReadModelCache(2000, { changeMark: changeMark(database) });
 * const answer = await cache.answer(`sante:${roadmapId}:public`, () => getRoadmapHealth(ctx, input));
 */
export class ReadModelCache {
  readonly #entries: LRUCache<string, Entry> | undefined;
  /** The computations under way, by key, and the generation each started in. */
  readonly #computing = new Map<string, { generation: number; answer: Promise<ReadModelAnswer> }>();
  /** Bumped by each change: a read computed before it must not be stored after it. */
  #generation = 0;
  readonly #changeMark: () => string | undefined;

  /**
   * @param ttlMs how long an entry is fresh; 0 caches nothing.
   * @param options.changeMark what `@maille/db`'s `changeMark` gives: when an entry expires and the
   * mark has not moved since it was computed, nothing was written, and the entry lives on without a
   * new read (SQLite; on PostgreSQL there is no mark, and each expiry reads again).
   */
  constructor(
    readonly ttlMs: number,
    options: {
      maxEntries?: number;
      now?: () => number;
      changeMark?: () => string | undefined;
    } = {},
  ) {
    this.#changeMark = options.changeMark ?? (() => undefined);
    if (ttlMs > 0) {
      this.#entries = new LRUCache({
        max: options.maxEntries ?? 1000,
        ttl: ttlMs,
        // Checked against the clock at every read: a test's clock moves between two reads.
        ttlResolution: 0,
        ...(options.now ? { perf: { now: options.now } } : {}),
      });
    }
  }

  /** The answer of `key`, from the cache while fresh, otherwise computed and stored. */
  async answer(key: string, compute: () => Promise<unknown>): Promise<ReadModelAnswer> {
    const entries = this.#entries;
    if (entries === undefined) return new ReadModelAnswer(JSON.stringify(await compute()));
    const status: LRUCache.Status<string, Entry> = {};
    const cached = entries.get(key, { allowStale: true, status });
    if (cached && status.get === 'hit') return cached.answer;
    if (cached?.mark !== undefined && cached.mark === this.#changeMark()) {
      entries.set(key, cached);
      return cached.answer;
    }
    // The many readers of a dashboard all find it expired at the same moment: one computes it,
    // the others wait for that answer, unless a change landed since it started.
    const running = this.#computing.get(key);
    if (running && running.generation === this.#generation) return running.answer;
    const answer = this.#compute(entries, key, compute);
    this.#computing.set(key, { generation: this.#generation, answer });
    try {
      return await answer;
    } finally {
      if (this.#computing.get(key)?.answer === answer) this.#computing.delete(key);
    }
  }

  async #compute(
    entries: LRUCache<string, Entry>,
    key: string,
    compute: () => Promise<unknown>,
  ): Promise<ReadModelAnswer> {
    const generation = this.#generation;
    // Read before the computation: a write during it moves the mark past this one.
    const mark = this.#changeMark();
    const answer = new ReadModelAnswer(JSON.stringify(await compute()));
    if (generation === this.#generation) entries.set(key, { answer, mark });
    return answer;
  }

  /** Forgets everything: something changed. */
  clear(): void {
    this.#generation += 1;
    this.#entries?.clear();
  }
}

/** Empties the cache once a request that may have changed something has been answered. */
export function clearAfterWrites(cache: ReadModelCache): MiddlewareHandler {
  return async (_c, next) => {
    await next();
    cache.clear();
  };
}
