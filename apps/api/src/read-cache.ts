import { createHash } from 'node:crypto';
import { brotliCompress, brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { routePattern } from './access-log.ts';
import { setBounded } from './bounded-map.ts';
import { type ApiEnv, nodeBindings } from './context.ts';

/** The compressions a read model is sent in, the one preferred first. */
export type Coding = 'br' | 'gzip';

/**
 * Brotli at quality 6 at once, a fifth smaller than gzip in a few milliseconds for a 200-action
 * roadmap; then at 11, another fifth smaller but over a hundred milliseconds, made off the main
 * thread and sent from then on. An answer lives as long as its content does (see
 * `ReadModelCache.answer`), so the slow form is made once per change, not once per lifetime.
 */
const BROTLI_QUICK = 6;
const BROTLI_BEST = 11;

/**
 * One computed read model, ready to send: its JSON as UTF-8 bytes, its compressed forms (each made
 * on the first request that accepts it, then kept with the entry) and an entity tag of its content.
 */
export class ReadModelAnswer {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #gzipped: Uint8Array<ArrayBuffer> | undefined;
  #brotli: Uint8Array<ArrayBuffer> | undefined;
  /** A weak tag (`W/"…"`): the same content under either encoding matches it. */
  readonly etag: string;
  /** Until when, on the cache's clock (`performance.now()` by default), the cache keeps it. */
  expiresAt: number | undefined;

  constructor(json: string) {
    this.#bytes = Buffer.from(json, 'utf8');
    this.etag = `W/"${createHash('sha256').update(this.#bytes).digest('base64url').slice(0, 22)}"`;
  }

  /** Whether `json` is this very content (a read model computed again, unchanged). */
  holds(json: string): boolean {
    return Buffer.from(json, 'utf8').equals(this.#bytes);
  }

  /** The JSON, as UTF-8 bytes. */
  get bytes(): Uint8Array<ArrayBuffer> {
    return this.#bytes;
  }

  /** The JSON compressed with `coding`, once (a large roadmap's shrinks ten to twelvefold). */
  compressed(coding: Coding): Uint8Array<ArrayBuffer> {
    if (coding === 'gzip') {
      this.#gzipped ??= gzipSync(this.#bytes);
      return this.#gzipped;
    }
    if (this.#brotli === undefined) {
      this.#brotli = brotliCompressSync(this.#bytes, brotliOptions(BROTLI_QUICK, this.#bytes));
      brotliCompress(this.#bytes, brotliOptions(BROTLI_BEST, this.#bytes), (error, best) => {
        // Failing to do better is no failure: the quick form stays.
        if (!error) this.#brotli = new Uint8Array(best.buffer, best.byteOffset, best.byteLength);
      });
    }
    return this.#brotli;
  }
}

function brotliOptions(quality: number, bytes: Uint8Array) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: quality,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  };
}

/**
 * A short-lived cache of read models (a roadmap's health, a governance's dashboard), kept as the
 * bytes the API answers. They are read far more often than the roadmap changes — a dashboard on
 * a wall, several members opening the same page before a committee — and each costs a dozen
 * queries; the cache answers repeated reads for `ttlMs` without touching the database.
 *
 * Freshness: any change made through this process (a POST, PATCH… that answered) empties it, so
 * whoever writes then reads sees their change. A change made elsewhere — another API instance on
 * the same PostgreSQL, the bot, the `maille` command — shows after `ttlMs` at most. On SQLite, an
 * entry whose database saw no write at all is kept past `ttlMs` without a new read (`changeMark`).
 *
 * Entries are per actor (the person, an administrator, the public), since what one may read
 * another may not; a refusal (404, 403…) is never cached.
 */
export class ReadModelCache {
  /** The answers by key, with the change mark read before each was computed. */
  readonly #entries = new Map<string, { answer: ReadModelAnswer; mark: string | undefined }>();
  /** Answers the server's edge may send again as they are, by request (see `replayOf`). */
  readonly #replays = new Map<string, Replay>();
  /** The computations under way, by key, and the generation each started in. */
  readonly #computing = new Map<string, { generation: number; answer: Promise<ReadModelAnswer> }>();
  /** Bumped by each change: a read computed before it must not be stored after it. */
  #generation = 0;

  readonly maxEntries: number;
  readonly now: () => number;
  readonly changeMark: () => string | undefined;

  /**
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
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? (() => performance.now());
    this.changeMark = options.changeMark ?? (() => undefined);
  }

  /**
   * The answer of `key`, from the cache while fresh, otherwise computed and stored. Computed again
   * to the same content, the previous answer lives on, with its compressed forms.
   */
  async answer(key: string, compute: () => Promise<unknown>): Promise<ReadModelAnswer> {
    if (this.ttlMs <= 0) return new ReadModelAnswer(JSON.stringify(await compute()));
    const cached = this.#entries.get(key);
    if (cached && (cached.answer.expiresAt ?? 0) > this.now()) return cached.answer;
    if (cached?.mark !== undefined && cached.mark === this.changeMark()) {
      cached.answer.expiresAt = this.now() + this.ttlMs;
      return cached.answer;
    }
    // The many readers of a dashboard all find it expired at the same moment: one computes it,
    // the others wait for that answer, unless a change landed since it started.
    const running = this.#computing.get(key);
    if (running && running.generation === this.#generation) return running.answer;
    const generation = this.#generation;
    const answer = this.#compute(key, compute, cached?.answer);
    this.#computing.set(key, { generation, answer });
    try {
      return await answer;
    } finally {
      if (this.#computing.get(key)?.answer === answer) this.#computing.delete(key);
    }
  }

  async #compute(
    key: string,
    compute: () => Promise<unknown>,
    previous: ReadModelAnswer | undefined,
  ): Promise<ReadModelAnswer> {
    const generation = this.#generation;
    // Read before the computation: a write during it moves the mark past this one.
    const mark = this.changeMark();
    const json = JSON.stringify(await compute());
    const answer = previous?.holds(json) ? previous : new ReadModelAnswer(json);
    if (generation === this.#generation) {
      answer.expiresAt = this.now() + this.ttlMs;
      setBounded(this.#entries, key, { answer, mark }, this.maxEntries);
    }
    return answer;
  }

  /**
   * Notes that `request` (its URL and `Authorization`, see `requestSignature`) was answered with
   * the cached `replay.answer`: the same request may be answered again from it, without going
   * through the app, as long as the answer stays in the cache.
   */
  offerReplay(request: string, replay: Replay): void {
    if (replay.answer.expiresAt === undefined) return;
    setBounded(this.#replays, request, replay, this.maxEntries);
  }

  /** What the app answered to this very request lately, while it is still fresh. */
  replayOf(request: string): Replay | undefined {
    const replay = this.#replays.get(request);
    if (replay === undefined) return undefined;
    if ((replay.answer.expiresAt ?? 0) > this.now()) return replay;
    this.#replays.delete(request);
    return undefined;
  }

  /** Forgets everything: something changed. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
    this.#replays.clear();
  }
}

/** A read the server's edge may answer again: the answer, and what its log line says. */
export interface Replay {
  answer: ReadModelAnswer;
  /** The pattern of the route that computed it (`/roadmaps/:roadmapId/health`). */
  route: string;
  /** The API key it was read with, if any: a replay counts against the same limit. */
  keyId: string | undefined;
}

/**
 * What identifies a request for a replay: its target as sent (path and query) and its
 * `Authorization` header, byte for byte — the same key reading the same thing.
 */
export function requestSignature(url: string, authorization: string | undefined): string {
  return `${url}\n${authorization ?? ''}`;
}

/** What to answer with a read model: its status, its headers and its body. */
export interface Representation {
  status: 200 | 304;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | null;
}

/**
 * How to send a read model: `304 Not Modified` when the client already holds this content
 * (`If-None-Match`), compressed with Brotli or gzip when it accepts one (every browser accepts
 * both), as is otherwise.
 */
export function representation(
  answer: ReadModelAnswer,
  ifNoneMatch: string | undefined,
  acceptEncoding: string | undefined,
): Representation {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ETag: answer.etag,
    Vary: 'Accept-Encoding',
  };
  if (matchesEtag(ifNoneMatch, answer.etag)) return { status: 304, headers, body: null };
  const coding = preferredCoding(acceptEncoding);
  if (coding === undefined) return { status: 200, headers, body: answer.bytes };
  headers['Content-Encoding'] = coding;
  return { status: 200, headers, body: answer.compressed(coding) };
}

/**
 * Sends a read model (see `representation`). Under the Node server, a cached answer to a GET is
 * also offered to the server's edge, which answers the same request again from memory.
 */
export function sendReadModel(
  c: Context<ApiEnv>,
  answer: ReadModelAnswer,
  cache: ReadModelCache,
): Response {
  const url = nodeBindings(c).incoming?.url;
  if (url !== undefined && c.req.method === 'GET') {
    cache.offerReplay(requestSignature(url, c.req.header('Authorization')), {
      answer,
      route: routePattern(c) ?? c.req.path,
      keyId: c.get('keyId'),
    });
  }
  const { headers, body } = representation(
    answer,
    c.req.header('If-None-Match'),
    c.req.header('Accept-Encoding'),
  );
  return body === null ? c.body(null, 304, headers) : c.body(body, 200, headers);
}

/**
 * The compression to answer with, from `Accept-Encoding` (RFC 9110 §12.5.3): the one the client
 * rates highest, named or through `*`, Brotli first on a tie; none when it accepts neither.
 *
 * @example
 * preferredCoding('gzip, deflate, br, zstd'); // 'br'
 * preferredCoding('br;q=0.5, gzip'); // 'gzip'
 * preferredCoding('identity'); // undefined
 */
export function preferredCoding(header: string | undefined): Coding | undefined {
  if (header === undefined) return undefined;
  // A client sends the same header with every request: read once, remembered.
  if (CODINGS_READ.has(header)) return CODINGS_READ.get(header);
  const coding = readCoding(header);
  if (CODINGS_READ.size >= 100) CODINGS_READ.clear();
  CODINGS_READ.set(header, coding);
  return coding;
}

const CODINGS_READ = new Map<string, Coding | undefined>();

function readCoding(header: string): Coding | undefined {
  const quality = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim());
    const weight = parameters.find((parameter) => /^q=/i.test(parameter));
    quality.set(coding.toLowerCase(), weight === undefined ? 1 : Number(weight.slice(2)) || 0);
  }
  const wildcard = quality.get('*') ?? 0;
  const br = quality.get('br') ?? wildcard;
  const gzip = quality.get('gzip') ?? quality.get('x-gzip') ?? wildcard;
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === opaque);
}

/** Empties the cache once a request that may have changed something has been answered. */
export function clearAfterChanges(cache: ReadModelCache): MiddlewareHandler<ApiEnv> {
  return async (_c, next) => {
    await next();
    cache.clear();
  };
}

/** The part of a cache key that says who reads: what one may see another may not. */
export function readerKey(actor: ApiEnv['Variables']['actor']): string {
  if (actor.instanceAdmin) return `admin:${actor.personId ?? ''}`;
  return actor.personId ? `person:${actor.personId}` : 'public';
}
