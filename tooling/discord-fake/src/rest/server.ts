import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { RESTJSONErrorCodes } from 'discord-api-types/v10';
import { DiscordError, notFoundRoute, unauthorized } from '../errors.ts';
import type { BucketState, Faults } from '../faults.ts';
import type { World } from '../world.ts';
import { interactionRoutes } from './interactions.ts';
import { resourceRoutes } from './resources.ts';
import { type Answer, matchRoute } from './route.ts';

export const API_PREFIX = '/api/v10';

export interface RestOptions {
  world: World;
  faults: Faults;
  gatewayUrl: () => string;
  /** Discord forgets an interaction not acknowledged within 3 s (then answers 10062). */
  ackTimeoutMs: number;
}

/**
 * The REST half of the fake: Discord's routes the bot uses, under `/api/v10`, with Discord's
 * error bodies, the faults a test armed (latency, then 429, then 5xx), and a record of every
 * request, answered or not.
 */
export function createRestHandler(options: RestOptions) {
  const { world, faults } = options;
  const routes = [
    ...resourceRoutes(world, faults, options.gatewayUrl),
    ...interactionRoutes(world, options.ackTimeoutMs),
  ];

  /** What the armed faults make of this request: a 429 or a 5xx, and rate-limit headers. */
  function faultAnswer(method: string, path: string, pattern: string) {
    const limited = faults.takeRateLimit(method, path);
    if (limited) {
      const headers = limited.global
        ? { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }
        : bucketHeaders({
            name: `${method} ${pattern}`,
            limit: 1,
            remaining: 0,
            resetAfter: limited.retryAfter,
          });
      return tooManyRequests(headers, limited.retryAfter, Boolean(limited.global));
    }
    const bucket = faults.takeBucket(method, path);
    const headers = bucket ? bucketHeaders(bucket) : {};
    if (bucket?.retryAfter !== undefined) return tooManyRequests(headers, bucket.retryAfter, false);
    const failing = faults.takeServerError(method, path);
    if (!failing) return { headers };
    const status = failing.status ?? 500;
    return {
      headers,
      result: { status, body: { message: `${status}: Internal Server Error`, code: 0 } },
    };
  }

  async function answer(req: IncomingMessage, method: string, url: URL) {
    const path = url.pathname.startsWith(API_PREFIX)
      ? url.pathname.slice(API_PREFIX.length)
      : url.pathname;
    const found = url.pathname.startsWith(API_PREFIX)
      ? matchRoute(routes, method, path)
      : undefined;
    let body: unknown = null;
    let headers: Record<string, string> = {};
    let result: Answer;
    try {
      body = await readBody(req);
      const delay = faults.delayFor(method, path);
      if (delay > 0) await sleep(delay);
      const fault = faultAnswer(method, path, found?.route.pattern ?? path);
      headers = fault.headers;
      if (fault.result) {
        result = fault.result;
      } else if (!found) {
        throw notFoundRoute();
      } else {
        if (found.route.auth && req.headers.authorization !== `Bot ${world.token}`) {
          throw unauthorized();
        }
        result = found.route.handler({
          method,
          path,
          query: url.searchParams,
          params: found.params,
          body,
        });
      }
    } catch (error) {
      if (!(error instanceof DiscordError)) throw error;
      result = { status: error.status, body: error.body() };
    }
    world.requests.push({
      method,
      path,
      ...(found ? { route: `${found.route.method} ${found.route.pattern}` } : {}),
      query: url.search,
      status: result.status,
      body,
      at: world.now(),
    });
    world.touch();
    // Done and recorded, the answer still on its way: what a client killed now leaves behind.
    const lateBy = faults.delayFor(method, path, 'after');
    if (lateBy > 0) await sleep(lateBy);
    return { result, headers };
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    answer(req, (req.method ?? 'GET').toUpperCase(), url)
      .then(({ result, headers }) => {
        if (result.body === undefined) res.writeHead(result.status, headers).end();
        else {
          res
            .writeHead(result.status, { ...headers, 'content-type': 'application/json' })
            .end(JSON.stringify(result.body));
        }
      })
      .catch((error: unknown) => {
        // A bug of the fake, not a Discord answer: say so loudly rather than imitate Discord.
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: `Fake Discord bug: ${String(error)}`, code: 0 }));
      });
  };
}

/** A 429 as Discord sends it; Discord rounds Retry-After up to whole seconds, the fake keeps
 * fractions so that tests stay fast. */
function tooManyRequests(headers: Record<string, string>, retryAfter: number, global: boolean) {
  return {
    headers: { ...headers, 'retry-after': String(retryAfter) },
    result: {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
    } satisfies Answer,
  };
}

/** The `X-RateLimit-*` headers of a per-route bucket, the ones discord.js reads. */
function bucketHeaders(state: BucketState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': (Date.now() / 1000 + state.resetAfter).toFixed(3),
    'x-ratelimit-reset-after': state.resetAfter.toFixed(3),
    'x-ratelimit-bucket': Buffer.from(state.name).toString('hex').slice(0, 32),
    'x-ratelimit-scope': 'user',
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return null;
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  try {
    if (type.startsWith('multipart/form-data')) {
      // Attachments are not stored: only the JSON part of the message counts.
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const json = form.get('payload_json');
      return typeof json === 'string' ? JSON.parse(json) : null;
    }
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new DiscordError(
      400,
      RESTJSONErrorCodes.RequestBodyContainsInvalidJSON,
      'The request body contains invalid JSON.',
    );
  }
}
