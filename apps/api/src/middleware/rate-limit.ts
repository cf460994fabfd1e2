import type { Clock } from '@maille/domain/use-cases';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../context.ts';
import { ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import { clientAddress } from './client-address.ts';

/** The limits: requests per window, with and without an API key. */
export interface RateLimits {
  perKey: number;
  perAddress: number;
  /** The window, in seconds (60). */
  windowSeconds?: number;
}

/** Past this many counters, the ones of finished windows are dropped (once per window). */
const SWEEP_ABOVE = 10_000;

interface Counter {
  windowStart: number;
  used: number;
}

export interface Admission {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts again (at least 1). */
  resetSeconds: number;
}

/**
 * A fixed-window counter kept in memory: each subject may make `limit` requests per window. Each
 * process counts on its own: several instances behind a load balancer each allow the full limit.
 */
export class FixedWindowLimiter {
  readonly #counters = new Map<string, Counter>();
  readonly #windowMs: number;
  #sweptWindow = Number.NaN;

  constructor(windowSeconds: number) {
    this.#windowMs = windowSeconds * 1000;
  }

  /** Counts one request of `subject` at `nowMs`, and says whether it may go through. */
  take(subject: string, limit: number, nowMs: number): Admission {
    const windowStart = nowMs - (nowMs % this.#windowMs);
    let counter = this.#counters.get(subject);
    if (!counter || counter.windowStart !== windowStart) {
      // At most once per window, so that many subjects cost no more than one pass each minute.
      if (this.#counters.size >= SWEEP_ABOVE && this.#sweptWindow !== windowStart) {
        this.#sweptWindow = windowStart;
        this.#sweep(windowStart);
      }
      counter = { windowStart, used: 0 };
      this.#counters.set(subject, counter);
    }
    counter.used += 1;
    return {
      allowed: counter.used <= limit,
      limit,
      remaining: Math.max(0, limit - counter.used),
      resetSeconds: Math.max(1, Math.ceil((windowStart + this.#windowMs - nowMs) / 1000)),
    };
  }

  get size(): number {
    return this.#counters.size;
  }

  #sweep(currentWindow: number): void {
    for (const [subject, counter] of this.#counters) {
      if (counter.windowStart !== currentWindow) this.#counters.delete(subject);
    }
  }
}

/** The policy names of the `RateLimit-Policy` / `RateLimit` headers. */
export const POLICY = { key: 'par-cle', address: 'par-adresse' } as const;

/** What counting one request decided, and the headers that say so. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  /** `RateLimit-Policy` and `RateLimit`, for every answer. */
  headers: { 'RateLimit-Policy': string; RateLimit: string };
  /** Seconds until the window ends, for `Retry-After`. */
  resetSeconds: number;
}

/**
 * Limits each API key (each client address for requests without a valid key) to a number of
 * requests per window, and says so on every answer with the headers of the IETF draft "RateLimit
 * header fields for HTTP": `RateLimit-Policy: "par-cle";q=600;w=60` and
 * `RateLimit: "par-cle";r=599;t=42`. Over the limit: 429 with `Retry-After` (seconds), see
 * `tooManyRequests`.
 *
 * @example
 * const limiter = new RateLimiter({ perKey: 600, perAddress: 120 }, clock);
 * const decision = limiter.count(keyId, () => clientAddress(c, 0));
 */
export class RateLimiter {
  readonly #windowSeconds: number;
  readonly #limiter: FixedWindowLimiter;
  readonly #byKey: { name: string; limit: number; header: string };
  readonly #byAddress: { name: string; limit: number; header: string };

  constructor(
    limits: RateLimits,
    readonly clock: Clock,
  ) {
    this.#windowSeconds = limits.windowSeconds ?? 60;
    this.#limiter = new FixedWindowLimiter(this.#windowSeconds);
    const policy = (name: string, limit: number) => ({
      name,
      limit,
      header: `"${name}";q=${limit};w=${this.#windowSeconds}`,
    });
    this.#byKey = policy(POLICY.key, limits.perKey);
    this.#byAddress = policy(POLICY.address, limits.perAddress);
  }

  /** Counts one request: against its valid key, otherwise against its client's address. */
  count(keyId: string | undefined, address: () => string): RateDecision {
    const [applied, subject] =
      keyId === undefined
        ? [this.#byAddress, `adresse:${address()}`]
        : [this.#byKey, `cle:${keyId}`];
    const admission = this.#limiter.take(subject, applied.limit, Date.parse(this.clock()));
    return {
      allowed: admission.allowed,
      limit: applied.limit,
      headers: {
        'RateLimit-Policy': applied.header,
        RateLimit: `"${applied.name}";r=${admission.remaining};t=${admission.resetSeconds}`,
      },
      resetSeconds: admission.resetSeconds,
    };
  }
}

/** The 429 problem of a refused request, with its `Retry-After`. */
function tooManyRequests(decision: RateDecision): ApiProblem {
  return new ApiProblem('trop-de-requetes', fr.problems.tooManyRequests.detail(decision.limit), {
    ...decision.headers,
    'Retry-After': String(decision.resetSeconds),
  });
}

/**
 * Counts every request — against its valid key (`keyId`, set by `identifyCaller`), otherwise
 * against its client's address — says so in `RateLimit-Policy` and `RateLimit`, and answers 429
 * past the limit.
 *
 * @example
 * app.use(limitRate(new RateLimiter({ perKey: 600, perAddress: 120 }, clock), 0));
 */
export function limitRate(limiter: RateLimiter, trustProxy: number): MiddlewareHandler<ApiEnv> {
  return (c, next) => {
    const decision = limiter.count(c.get('keyId'), () => clientAddress(c, trustProxy));
    if (!decision.allowed) throw tooManyRequests(decision);
    c.header('RateLimit-Policy', decision.headers['RateLimit-Policy']);
    c.header('RateLimit', decision.headers.RateLimit);
    return next();
  };
}
