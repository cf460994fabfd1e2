import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/**
 * One computed read model, ready to send: its text (the API's JSON, or a page's HTML), an entity
 * tag of its content and, once a client asked for it, its gzip form — compressed once per content,
 * not once per reader (the health of a 200-action roadmap takes longer to gzip than to send).
 */
export class ReadModelAnswer {
  /** A weak tag (`W/"…"`): the same content, compressed or not, matches it. */
  readonly etag: string;
  #gzipped: Uint8Array<ArrayBuffer> | undefined;

  constructor(readonly body: string) {
    this.etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  }

  get gzipped(): Uint8Array<ArrayBuffer> {
    this.#gzipped ??= new Uint8Array(gzipSync(this.body));
    return this.#gzipped;
  }
}

interface Entry {
  answer: ReadModelAnswer;
  /** The database's change mark read before the answer was computed. */
  mark: string | undefined;
  /** The count of changes made through this process when the computation started. */
  generation: number;
  /** When the computation started (ms, the cache's clock). */
  startedAt: number;
}

type Compute = () => Promise<unknown>;

/**
 * A short-lived cache of read models (a roadmap's health, a governance's dashboard, the web
 * workspace's pages), kept as the text answered: the API's JSON, a page's HTML. They are read far more often than the roadmap changes — a dashboard on a
 * wall, several members opening the same page before a committee — and each costs a dozen
 * queries; the cache answers repeated reads for `ttlMs` without touching the database.
 *
 * Freshness: whoever changes something through this process (a POST, PATCH… that answered) reads
 * their change at once. The other readers are not made to wait on a recomputation at each write
 * of a busy hour: they get the answer as it was while one recomputation runs in the background
 * (lru-cache's stale-while-revalidate `fetch`), then the new one — at most one recomputation per
 * `refreshMs`, so that a burst of writes does not keep the database busy recomputing. A change made elsewhere —
 * another API instance on the same PostgreSQL, the bot, the `maille` command — shows after
 * `ttlMs` at most. On SQLite, an entry whose database saw no write at all is kept past `ttlMs`
 * without a new read (`changeMark`).
 *
 * Entries are per reader (the person, an administrator, the public; see `readerKey`), since what
 * one may read another may not; a refusal (404, 403…) is never cached.
 *
 * @example
 * const cache = new ReadModelCache(2000, { changeMark: changeMark(database) });
 * const answer = await cache.answer('public', `sante:${roadmapId}`, () => getRoadmapHealth(ctx, input));
 */
export class ReadModelCache {
  readonly #entries: LRUCache<string, Entry, Compute> | undefined;
  /** Bumped by each change made through this process. */
  #generation = 0;
  /** The generation of each reader's latest change: what their next read must not predate. */
  readonly #changedBy: LRUCache<string, number>;
  readonly #changeMark: () => string | undefined;
  readonly #now: () => number;
  readonly #refreshMs: number;

  /**
   * @param ttlMs how long an entry is fresh; 0 caches nothing.
   * @param options.changeMark what `@maille/db`'s `changeMark` gives: when an entry expires and the
   * mark has not moved since it was computed, nothing was written, and the entry lives on without a
   * new read (SQLite; on PostgreSQL there is no mark, and each expiry reads again).
   * @param options.refreshMs how old an answer must be before another's change recomputes it
   * (250 ms): the delay a reader may see someone else's change with.
   */
  constructor(
    readonly ttlMs: number,
    options: {
      maxEntries?: number;
      now?: () => number;
      changeMark?: () => string | undefined;
      refreshMs?: number;
    } = {},
  ) {
    this.#changeMark = options.changeMark ?? (() => undefined);
    this.#now = options.now ?? (() => performance.now());
    this.#refreshMs = options.refreshMs ?? 250;
    this.#changedBy = new LRUCache({ max: options.maxEntries ?? 1000 });
    if (ttlMs > 0) {
      this.#entries = new LRUCache<string, Entry, Compute>({
        max: options.maxEntries ?? 1000,
        ttl: ttlMs,
        // Checked against the clock at every read: a test's clock moves between two reads.
        ttlResolution: 0,
        ...(options.now ? { perf: { now: options.now } } : {}),
        // A reader who changed something drops their entry while it computes: its first readers
        // still get the answer it computed (not stored).
        ignoreFetchAbort: true,
        fetchMethod: async (_key, _previous, { context }) => {
          const generation = this.#generation;
          const startedAt = this.#now();
          // Read before the computation: a write during it moves the mark past this one.
          const mark = this.#changeMark();
          const answer = new ReadModelAnswer(asText(await context()));
          return { answer, mark, generation, startedAt };
        },
      });
    }
  }

  /**
   * The answer of `key` for `reader`: from the cache while fresh; the previous answer while one
   * recomputation runs, after a change made by someone else; otherwise computed (once for the
   * readers who ask together) and stored.
   */
  async answer(reader: string, key: string, compute: Compute): Promise<ReadModelAnswer> {
    const entries = this.#entries;
    if (entries === undefined) return new ReadModelAnswer(asText(await compute()));
    const entryKey = `${reader}\u0000${key}`;
    const cached = entries.peek(entryKey, { allowStale: true });
    const expired = cached !== undefined && entries.getRemainingTTL(entryKey) <= 0;
    if (cached && expired && cached.mark !== undefined && cached.mark === this.#changeMark()) {
      entries.set(entryKey, cached);
      return cached.answer;
    }
    const ownChange = this.#changedBy.get(reader);
    if (ownChange !== undefined && (cached?.generation ?? -1) < ownChange) {
      // Their own change: computed after it, not by a computation that started before.
      entries.delete(entryKey);
    }
    const changed =
      cached !== undefined &&
      cached.generation < this.#generation &&
      this.#now() - cached.startedAt >= this.#refreshMs;
    const entry = await entries.fetch(entryKey, {
      context: compute,
      forceRefresh: changed,
      // Only a change made elsewhere in this process is served late; an expired entry is not.
      allowStale: changed && !expired,
    });
    if (entry === undefined) throw new Error('read model computed to nothing');
    return entry.answer;
  }

  /** Something changed, written by `writer` (a `readerKey`). */
  changed(writer: string): void {
    this.#generation += 1;
    this.#changedBy.set(writer, this.#generation);
  }
}

/** A page's HTML is kept as it is; a read model of the API as its JSON. */
function asText(computed: unknown): string {
  return typeof computed === 'string' ? computed : JSON.stringify(computed);
}
