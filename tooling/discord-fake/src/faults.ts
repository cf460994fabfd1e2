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

export interface LatencyFault extends RouteMatch {
  ms: number;
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
    this.refusingDms.clear();
  }

  delayFor(method: string, path: string): number {
    return this.latencies
      .filter((rule) => matches(rule, method, path))
      .reduce((sum, rule) => sum + rule.ms, 0);
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
