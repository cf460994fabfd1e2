import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The secrets of the credentials (API keys, calendar feeds, chat link codes): made from the
 * operating system's cryptographic source and kept only as a SHA-256, so a copy of the database
 * gives no working credential. Here rather than in the kernel, which imports no `node:*`.
 */

/** 256 random bits as 43 characters of base64url. */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The hex SHA-256 of a secret: what is stored. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether `secret` hashes to `storedHash`, in constant time: a refusal's delay says nothing. */
export function matchesHash(secret: string, storedHash: string): boolean {
  const expected = Buffer.from(storedHash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
