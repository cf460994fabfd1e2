import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { type ApiEnv, nodeBindings } from './context.ts';

/**
 * Sets a header that every answer to this request carries, whichever route or error answers it;
 * a header of the answer itself (`c.body(…, headers)`) wins over it.
 *
 * Under the Node server it goes straight onto Node's response, which merges it with the answer's
 * headers when they are written. Why not `c.header()`: Hono keeps those in a web `Headers` object,
 * and its conversion back to Node's headers cost more than the rest of a cached read. In-process
 * (`app.request()`, no Node response), it goes through `c.header()`, with the same outcome.
 *
 * @example
 * setAnswerHeader(c, 'X-Request-Id', id);
 */
export function setAnswerHeader(c: Context<ApiEnv>, name: string, value: string): void {
  const { outgoing } = nodeBindings(c);
  if (outgoing && !outgoing.headersSent) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** The headers every answer carries, so that no browser runs, frames or sniffs what the API sends. */
export const PROTECTIONS: Readonly<Record<string, string>> = {
  // An answer is data: nothing in it may load a script, a style or be framed.
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // No Strict-Transport-Security: the API speaks plain HTTP behind whatever terminates TLS, and
  // RFC 6797 (§7.2) forbids that header over a non-secure transport. The TLS proxy sets it.
};
const PROTECTION_ENTRIES = Object.entries(PROTECTIONS);

/**
 * The protections of OWASP's REST security guidance on every answer: a strict CSP, no sniffing, no
 * framing, no referrer, same-origin resources. Headers meant for HTML documents only (opener
 * policy, legacy XSS filters, Flash and IE8 switches) are left to the /docs page, which sets its
 * own.
 */
export function protectAnswer(c: Context<ApiEnv>): void {
  for (const [name, value] of PROTECTION_ENTRIES) setAnswerHeader(c, name, value);
}

/** The longest `X-Request-Id` taken from a client; anything longer gets an id of ours. */
const MAX_REQUEST_ID_LENGTH = 255;
const REQUEST_ID = /^[\w\-=]+$/;

/**
 * Gives each request an id, said in `X-Request-Id`, in the log line and in any problem answer: the
 * client's own `X-Request-Id` when it is a plain token (a proxy's id follows the request through),
 * otherwise a new UUID.
 */
export function identifyRequest(c: Context<ApiEnv>): void {
  const id = requestIdFrom(c.req.header('X-Request-Id'));
  c.set('requestId', id);
  setAnswerHeader(c, 'X-Request-Id', id);
}

/** The id of a request: the client's `X-Request-Id` when it is a plain token, else a new UUID. */
export function requestIdFrom(given: string | undefined): string {
  return given !== undefined && given.length <= MAX_REQUEST_ID_LENGTH && REQUEST_ID.test(given)
    ? given
    : randomUUID();
}
