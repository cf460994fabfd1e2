import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnv } from './context.ts';
import { fr } from './messages/fr.ts';
import { ApiProblem } from './problems.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Refuses a body over `maxSize` bytes (413), whether announced by Content-Length or streamed. */
export function limitBody(maxSize: number): MiddlewareHandler<ApiEnv> {
  const tooLarge = () => {
    throw new ApiProblem('trop-volumineux', fr.problems.tooLarge.detail(maxSize));
  };
  const streamed = bodyLimit({ maxSize, onError: tooLarge });
  return (c, next) => {
    // Node's parser never delivers more than a Content-Length announces: the header is enough.
    // Only a streamed (chunked) body is counted as it comes, by Hono's limiter, which needs the
    // web Request's stream; building it for every POST would cost the API a fair part of its
    // writes and memory.
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) {
      return streamed(c, next);
    }
    return Number(length) > maxSize ? tooLarge() : next();
  };
}

/**
 * The API reads JSON only: a body of another type is refused (415) instead of being validated as
 * an empty object. A POST without a body (completing a milestone) stays allowed.
 */
export function requireJsonBody(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (hasBody(c.req.raw) && !JSON_TYPE.test(c.req.header('Content-Type') ?? '')) {
      throw new ApiProblem('type-de-contenu', fr.problems.unsupportedMediaType.detail, {
        'Accept-Post': 'application/json',
      });
    }
    return next();
  };
}

function hasBody(request: Request): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return false;
  const length = request.headers.get('Content-Length');
  if (length !== null) return length.trim() !== '0';
  return request.headers.has('Transfer-Encoding') || request.body !== null;
}
