import { randomInt } from 'node:crypto';
import { ID_PREFIXES, type IdGenerator } from '@maille/domain';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 16;

/** `length` letters or digits from the operating system's cryptographic source. */
export function randomToken(length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/**
 * The kernel's ids, at random: `gov_` + 16 letters or digits (about 95 bits), from the operating
 * system's cryptographic source.
 *
 * @example
 * randomIds()('auditEvent'); // "aud_3fK9…"
 */
export function randomIds(): IdGenerator {
  return (kind) => `${ID_PREFIXES[kind]}_${randomToken(LENGTH)}`;
}
