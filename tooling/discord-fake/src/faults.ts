/** Which requests a fault applies to: a method and/or a path under `/api/v10` (no query). */
export interface RouteMatch {
  method?: string;
  /** An exact path such as `/channels/123/messages`, or a pattern. Absent: every path. */
  path?: string | RegExp;
}

export interface RateLimitFault extends RouteMatch {
  /** Seconds Discord asks to wait (`retry_after`); fractions are allowed to keep tests fast. */
  retryAfter: number;
  /** A global limit (`X-RateLimit-Global`) instead of a per-route bucket. */
  global?: boolean;
  /** How many requests get a 429 before the route answers again (default 1). */
  times?: number;
}

export interface ServerErrorFault extends RouteMatch {
  status?: 500 | 502 | 503 | 504;
  /** How many requests fail (default 1). discord.js retries a 5xx 3 times on its own. */
  times?: number;
}

/** A real bucket: `limit` requests per `windowMs`, announced in `X-RateLimit-*` headers. */
export interface BucketRule extends RouteMatch {
  limit: number;
  windowMs: number;
}

/** Where a request stands in its bucket; `retryAfter` (seconds) when it is over the limit. */
export interface BucketState {
  name: string;
  limit: number;
  remaining: number;
  resetAfter: number;
  retryAfter?: number;
}

export interface LatencyFault extends RouteMatch {
  ms: number;
  /**
   * `after`: the request is carried out at once (a message is created) and only its answer is
   * late — a client killed meanwhile has acted without knowing it. Default `before`.
   */
  phase?: 'before' | 'after';
}

type Counted<T> = T & { left: number };

function matches(rule: RouteMatch, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

/**
 * The faults armed by a test, consumed by the REST server request by request. Each armed fault
 * is a rule; counted rules disarm themselves after `times` requests.
 */
export class Faults {
  private readonly rateLimits: Counted<RateLimitFault>[] = [];
  private readonly serverErrors: Counted<ServerErrorFault>[] = [];
  private readonly latencies: LatencyFault[] = [];
  private readonly buckets: (BucketRule & { used: number; resetAt: number; name: string })[] = [];
  /** Users who closed their direct messages: sending them a message answers 50007. */
  readonly refusingDms = new Set<string>();

  /** Answers 429 with `retry_after` and the `X-RateLimit-*` headers discord.js reads. */
  rateLimit(fault: RateLimitFault): void {
    this.rateLimits.push({ ...fault, left: fault.times ?? 1 });
  }

  /** Answers a 5xx (`{ message, code: 0 }`), which discord.js retries before giving up. */
  serverError(fault: ServerErrorFault = {}): void {
    this.serverErrors.push({ ...fault, left: fault.times ?? 1 });
  }

  /**
   * Limits matching requests to `limit` per `windowMs`, as Discord's buckets do: every answer
   * carries `X-RateLimit-Limit/Remaining/Reset-After/Bucket`, so discord.js queues on its own
   * and should never get the 429 the fake answers past the limit. Until `clear()`.
   */
  bucket(rule: BucketRule): void {
    this.buckets.push({ ...rule, used: 0, resetAt: 0, name: `bucket${this.buckets.length + 1}` });
  }

  /** Delays every matching answer by `ms`, until `clear()`. */
  latency(fault: LatencyFault): void {
    this.latencies.push(fault);
  }

  /** Makes `userId` refuse direct messages from the bot (Discord's 50007, status 403). */
  refuseDms(userId: string): void {
    this.refusingDms.add(userId);
  }

  /** Disarms every fault. */
  clear(): void {
    this.rateLimits.length = 0;
    this.serverErrors.length = 0;
    this.latencies.length = 0;
    this.buckets.length = 0;
    this.refusingDms.clear();
  }

  delayFor(method: string, path: string, phase: 'before' | 'after' = 'before'): number {
    return this.latencies
      .filter((rule) => (rule.phase ?? 'before') === phase && matches(rule, method, path))
      .reduce((sum, rule) => sum + rule.ms, 0);
  }

  /**
   * Counts the request in its bucket. Real time, not the fake's clock: discord.js waits on its
   * own clock for the reset.
   */
  takeBucket(method: string, path: string): BucketState | undefined {
    const rule = this.buckets.find((candidate) => matches(candidate, method, path));
    if (!rule) return undefined;
    const now = Date.now();
    if (now >= rule.resetAt) {
      rule.used = 0;
      rule.resetAt = now + rule.windowMs;
    }
    rule.used += 1;
    const resetAfter = (rule.resetAt - now) / 1000;
    const state = {
      name: rule.name,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - rule.used),
      resetAfter,
    };
    return rule.used > rule.limit ? { ...state, retryAfter: resetAfter } : state;
  }

  takeRateLimit(method: string, path: string): RateLimitFault | undefined {
    return take(this.rateLimits, method, path);
  }

  takeServerError(method: string, path: string): ServerErrorFault | undefined {
    return take(this.serverErrors, method, path);
  }
}

function take<T extends RouteMatch>(rules: Counted<T>[], method: string, path: string) {
  const index = rules.findIndex((rule) => matches(rule, method, path));
  const rule = rules[index];
  if (!rule) return undefined;
  rule.left -= 1;
  if (rule.left <= 0) rules.splice(index, 1);
  return rule;
}
