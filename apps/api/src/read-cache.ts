import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from './context.ts';

/**
 * One computed read model, ready to send: its JSON as UTF-8 bytes, its gzip form (made on the
 * first request that accepts it, then kept with the entry) and an entity tag of its content.
 */
export class ReadModelAnswer {
  readonly #bytes: Uint8Array<ArrayBuffer>;
  #gzipped: Uint8Array<ArrayBuffer> | undefined;
  /** A weak tag (`W/"…"`): the same content under either encoding matches it. */
  readonly etag: string;

  constructor(json: string) {
    this.#bytes = Buffer.from(json, 'utf8');
    this.etag = `W/"${createHash('sha256').update(this.#bytes).digest('base64url').slice(0, 27)}"`;
  }

  /** The JSON, as UTF-8 bytes. */
  get bytes(): Uint8Array<ArrayBuffer> {
    return this.#bytes;
  }

  /** The JSON, gzipped once (JSON of a large roadmap shrinks about tenfold). */
  get gzipped(): Uint8Array<ArrayBuffer> {
    this.#gzipped ??= gzipSync(this.#bytes);
    return this.#gzipped;
  }
}

/**
 * A short-lived cache of read models (a roadmap's health, a governance's dashboard), kept as the
 * bytes the API answers. They are read far more often than the roadmap changes — a dashboard on
 * a wall, several members opening the same page before a committee — and each costs a dozen
 * queries; the cache answers repeated reads for `ttlMs` without touching the database.
 *
 * Freshness: any change made through this process (a POST, PATCH… that answered) empties it, so
 * whoever writes then reads sees their change. A change made elsewhere — another API instance on
 * the same PostgreSQL, the bot, the `maille` command — shows after `ttlMs` at most.
 *
 * Entries are per actor (the person, an administrator, the public), since what one may read
 * another may not; a refusal (404, 403…) is never cached.
 */
export class ReadModelCache {
  readonly #entries = new Map<string, { answer: ReadModelAnswer; expiresAt: number }>();
  /** Bumped by each change: a read computed before it must not be stored after it. */
  #generation = 0;

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 1000,
    readonly now: () => number = () => performance.now(),
  ) {}

  /** The answer of `key`, from the cache while fresh, otherwise computed and stored. */
  async answer(key: string, compute: () => Promise<unknown>): Promise<ReadModelAnswer> {
    if (this.ttlMs <= 0) return new ReadModelAnswer(JSON.stringify(await compute()));
    const cached = this.#entries.get(key);
    if (cached && cached.expiresAt > this.now()) return cached.answer;
    const generation = this.#generation;
    const answer = new ReadModelAnswer(JSON.stringify(await compute()));
    if (generation === this.#generation) {
      this.#entries.delete(key);
      // Maps keep insertion order: the first key is the oldest, dropped when full.
      if (this.#entries.size >= this.maxEntries) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      this.#entries.set(key, { answer, expiresAt: this.now() + this.ttlMs });
    }
    return answer;
  }

  /** Forgets everything: something changed. */
  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

/**
 * Sends a read model: `304 Not Modified` when the client already holds this content
 * (`If-None-Match`), gzipped when it accepts gzip (every browser does), as is otherwise.
 */
export function sendReadModel(c: Context<ApiEnv>, answer: ReadModelAnswer): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ETag: answer.etag,
    Vary: 'Accept-Encoding',
  };
  if (matchesEtag(c.req.header('If-None-Match'), answer.etag)) {
    return c.body(null, 304, headers);
  }
  if (acceptsGzip(c.req.header('Accept-Encoding'))) {
    headers['Content-Encoding'] = 'gzip';
    return c.body(answer.gzipped, 200, headers);
  }
  return c.body(answer.bytes, 200, headers);
}

/**
 * Whether an `Accept-Encoding` value takes gzip (RFC 9110 §12.5.3): named, or through `*`, with
 * a quality above zero.
 *
 * @example
 * acceptsGzip('gzip, deflate, br'); // true
 * acceptsGzip('gzip;q=0, br'); // false
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  let viaWildcard = false;
  for (const entry of header.split(',')) {
    const [coding = '', ...parameters] = entry.split(';').map((part) => part.trim());
    const name = coding.toLowerCase();
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    const quality = parameters.find((parameter) => /^q=/i.test(parameter));
    const accepted = quality === undefined || Number(quality.slice(2)) > 0;
    if (name !== '*') return accepted;
    viaWildcard = accepted;
  }
  return viaWildcard;
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
