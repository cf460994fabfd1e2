import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** Said of a request whose peer is unknown (in-process, without a socket). */
export const UNKNOWN_ADDRESS = 'inconnue';

/**
 * The address of the client. By default the socket's peer, and nothing the client wrote: an
 * `X-Forwarded-For` header is anyone's to forge. With `trustedHops` (TRUST_PROXY) reverse proxies
 * in front, each appending the address it received from, the client is the entry that many places
 * from the right of `X-Forwarded-For` (as Express's `trust proxy` count does).
 *
 * @example
 * // Socket 10.0.0.2 (the proxy), X-Forwarded-For: "6.6.6.6, 203.0.113.7", trustedHops 1
 * clientAddress(c, 1); // '203.0.113.7'
 */
export function clientAddress(c: Context, trustedHops: number): string {
  // In-process (`app.request()` without bindings) there is no socket.
  const peer = c.env?.incoming ? getConnInfo(c).remote.address : undefined;
  return addressFrom(
    peer,
    trustedHops > 0 ? c.req.header('X-Forwarded-For') : undefined,
    trustedHops,
  );
}

/**
 * The client's address from the socket's peer and the `X-Forwarded-For` header, as
 * `clientAddress` explains.
 *
 * @example
 * addressFrom('10.0.0.2', '6.6.6.6, 203.0.113.7', 1); // '203.0.113.7'
 */
export function addressFrom(
  socket: string | undefined,
  forwardedFor: string | undefined,
  trustedHops: number,
): string {
  const peer = socket ?? UNKNOWN_ADDRESS;
  if (trustedHops <= 0) return peer;
  const forwarded = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  // The chain from the nearest hop back: the peer, then X-Forwarded-For read from its end.
  const chain = [peer, ...forwarded.reverse()];
  return chain[Math.min(trustedHops, chain.length - 1)] ?? peer;
}
