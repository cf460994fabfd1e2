import { randomInt } from 'node:crypto';
import { ID_PREFIXES, type IdGenerator } from '@maille/domain';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const LENGTH = 16;

/**
 * The kernel's ids, at random: `gov_` + 16 letters or digits (about 95 bits), from the operating
 * system's cryptographic source.
 *
 * @example
 * randomIds()('auditEvent'); // "aud_3fK9…"
 */
export function randomIds(): IdGenerator {
  return (kind) => {
    let body = '';
    for (let i = 0; i < LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
    return `${ID_PREFIXES[kind]}_${body}`;
  };
}
