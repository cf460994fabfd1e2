import { randomInt } from 'node:crypto';
import { ID_PREFIXES, type IdGenerator } from '@maille/domain';

// In ASCII order, so that texts of the same length sort as the numbers they write.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_LENGTH = 8;
const RANDOM_LENGTH = 12;

/** `length` letters or digits from the operating system's cryptographic source. */
export function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/**
 * The kernel's ids: `gov_` + the creation time in milliseconds (8 letters or digits, base 62)
 * + 12 letters or digits from the operating system's cryptographic source (about 71 bits).
 *
 * Ids made one after the other sort one after the other: a new row lands at the end of its
 * table's primary-key index instead of on a page taken at random, so that a write rewrites a few
 * pages of the database, not one per row (SQLite writes and checkpoints whole pages). The time
 * an id shows is no secret: each record says when it was made. Secrets (API keys, calendar feeds,
 * sign-in links) are `randomToken`s.
 *
 * @example
 * timeOrderedIds()('auditEvent'); // "aud_0lVv3Ck2fK9…"
 */
export function timeOrderedIds(now: () => number = Date.now): IdGenerator {
  return (kind) =>
    `${ID_PREFIXES[kind]}_${base62(now(), TIME_LENGTH)}${randomToken(RANDOM_LENGTH)}`;
}

function base62(value: number, length: number): string {
  let text = '';
  for (
    let rest = Math.max(0, Math.floor(value));
    text.length < length;
    rest = Math.floor(rest / 62)
  )
    text = ALPHABET[rest % 62] + text;
  return text;
}
