import { z } from 'zod';

/**
 * API keys: `mai_<id>.<secret>`. The id finds the key, the secret proves it; storage keeps only a
 * hash of the secret, so a copy of the database gives no working key. A key acts for one person
 * (the API then applies that person's roles), or for the instance's administration.
 */

/** A key as stored and listed: never its secret nor the hash of it. */
export interface ApiKey {
  id: string;
  personId?: string;
  label: string;
  instanceAdmin: boolean;
  createdAt: string;
  revokedAt?: string;
  lastUsedAt?: string;
}

/** Who a valid key speaks for. */
export interface ApiKeyIdentity {
  keyId: string;
  personId?: string;
  instanceAdmin: boolean;
}

/** A token as the API receives it: the id (12 letters or digits) and the secret (43 base64url). */
export const API_KEY_TOKEN = /^mai_([0-9A-Za-z]{12})\.([A-Za-z0-9_-]{43})$/;

/**
 * A key's id as people paste it: the id itself, `mai_<id>`, or a whole token `mai_<id>.<secret>`.
 * The secret is dropped here, so no message, result or error, can print it back.
 */
export const ApiKeyId = z
  .string()
  .max(200)
  .transform((typed) => typed.trim().replace(/^mai_/, '').split('.')[0] ?? '')
  .pipe(
    z
      .string()
      .regex(
        /^[0-9A-Za-z]{12}$/,
        'Identifiant de clé invalide : 12 lettres ou chiffres attendus, avec ou sans « mai_ ».',
      ),
  );

/**
 * How precisely a key's last use is recorded. Writing it on every request would add a write to
 * every read of the API (on SQLite, writes take turns); once a minute is what someone auditing
 * their keys needs.
 */
export const LAST_USE_PRECISION_MS = 60_000;
