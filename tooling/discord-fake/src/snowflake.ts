import { randomBytes } from 'node:crypto';

/** Discord's epoch (2015-01-01T00:00:00Z): snowflakes count milliseconds from it. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/**
 * Makes Discord-shaped ids: the creation time in the high bits, so that discord.js's
 * `createdTimestamp` of a fake message or interaction is the fake clock's time.
 *
 * @example
 * const next = snowflakes(() => Date.now());
 * next(); // "1300000000000000000"
 */
export function snowflakes(now: () => number): () => string {
  let increment = 0n;
  return () => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
}

/** An opaque token such as an interaction token: only its equality matters. */
export function opaqueToken(): string {
  return randomBytes(24).toString('base64url');
}
