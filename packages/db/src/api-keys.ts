import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  ConflictError,
  idOf,
  Label,
  NotFoundError,
  ValidationError,
  validate,
} from '@maille/domain';
import { z } from 'zod';
import type { Database } from './connection.ts';
import { randomToken } from './random-ids.ts';

/**
 * API keys: `mai_<id>.<secret>`. The id finds the key, the secret proves it; only a SHA-256 of
 * the secret is stored, so a copy of the database gives no working key. A key acts for one
 * person (the API then applies that person's roles), or for the instance's administration.
 */

const ID_LENGTH = 12;
const SECRET_BYTES = 32;
const TOKEN = /^mai_([0-9A-Za-z]{12})\.([A-Za-z0-9_-]{43})$/;

/** What a key may be created with; checked before anything is written. */
export const NewApiKey = z.object({
  personId: idOf('person').optional(),
  label: Label,
  instanceAdmin: z.boolean(),
});
export type NewApiKey = z.infer<typeof NewApiKey>;

/** A key as listed: never its secret nor the hash of it. */
export interface ApiKeyInfo {
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

/**
 * Creates a key and returns its token, the only time the secret is seen. A key is bound to a
 * person who must exist and not be erased; only an instance administrator's key may have none.
 *
 * @example
 * const { id, token } = await createApiKey(database, {
 *   personId: 'per_lrmoreau',
 *   label: 'Tableau de bord',
 *   instanceAdmin: false,
 *   now: new Date().toISOString(),
 * });
 */
export async function createApiKey(
  database: Database,
  input: { personId?: string | undefined; label: string; instanceAdmin: boolean; now: string },
): Promise<{ id: string; token: string }> {
  const { personId, label, instanceAdmin } = validate(NewApiKey, {
    ...(input.personId === undefined ? {} : { personId: input.personId }),
    label: input.label,
    instanceAdmin: input.instanceAdmin,
  });
  if (!personId && !instanceAdmin) {
    throw new ValidationError([
      {
        path: ['personId'],
        message:
          'Une clé agit pour une personne : indiquez laquelle (seule une clé d’administration de l’instance peut s’en passer).',
      },
    ]);
  }
  if (personId) {
    const person = await database.db
      .selectFrom('persons')
      .select('data')
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person) throw new NotFoundError('Personne', personId);
    if (isErased(person.data)) {
      throw new ConflictError('Cette personne a été effacée : elle ne peut plus recevoir de clé.');
    }
  }
  const id = randomToken(ID_LENGTH);
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  await database.db
    .insertInto('api_keys')
    .values({
      id,
      person_id: personId ?? null,
      secret_hash: hashSecret(secret),
      label,
      instance_admin: instanceAdmin ? 1 : 0,
      created_at: input.now,
      revoked_at: null,
      last_used_at: null,
    })
    .execute();
  return { id, token: `mai_${id}.${secret}` };
}

/**
 * How precisely a key's last use is recorded. Writing it on every request would add a write to
 * every read of the API (on SQLite, writes take turns); once a minute is what someone auditing
 * their keys needs.
 */
export const LAST_USE_PRECISION_MS = 60_000;

/**
 * The identity behind a token, or `undefined` for a malformed, unknown or revoked token, or a
 * key whose person has since been erased. Records when the key was last used, to the minute
 * (`LAST_USE_PRECISION_MS`).
 *
 * @example
 * const identity = await verifyApiKey(database, bearerToken, new Date().toISOString());
 * if (!identity) return c.json({ erreur: 'Clé d’API invalide.' }, 401);
 */
export async function verifyApiKey(
  database: Database,
  token: string,
  now: string,
): Promise<ApiKeyIdentity | undefined> {
  const match = TOKEN.exec(token.trim());
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await database.db
    .selectFrom('api_keys')
    .leftJoin('persons', 'persons.id', 'api_keys.person_id')
    .select([
      'api_keys.secret_hash',
      'api_keys.person_id',
      'api_keys.instance_admin',
      'api_keys.revoked_at',
      'api_keys.last_used_at',
      'persons.data as person_data',
    ])
    .where('api_keys.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  // Compared in constant time: how long a refusal takes says nothing about the stored hash.
  const expected = Buffer.from(row.secret_hash, 'hex');
  const actual = Buffer.from(hashSecret(secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  if (row.revoked_at !== null) return undefined;
  if (row.person_id !== null && (row.person_data === null || isErased(row.person_data))) {
    return undefined;
  }
  const lastUse = row.last_used_at === null ? undefined : Date.parse(row.last_used_at);
  if (lastUse === undefined || Date.parse(now) - lastUse >= LAST_USE_PRECISION_MS) {
    await database.db
      .updateTable('api_keys')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .execute();
  }
  return {
    keyId: id,
    ...(row.person_id !== null ? { personId: row.person_id } : {}),
    instanceAdmin: row.instance_admin === 1,
  };
}

/**
 * Revokes a key at once and for good: the API refuses it from then on. Accepts the id with or
 * without its `mai_` prefix.
 */
export async function revokeApiKey(database: Database, id: string, now: string): Promise<void> {
  const keyId = id.trim().replace(/^mai_/, '');
  const row = await database.db
    .selectFrom('api_keys')
    .select('revoked_at')
    .where('id', '=', keyId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Clé d’API', id);
  if (row.revoked_at !== null) throw new ConflictError('Cette clé est déjà révoquée.');
  await database.db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Every key, oldest first, without secrets. */
export async function listApiKeys(database: Database): Promise<ApiKeyInfo[]> {
  const rows = await database.db
    .selectFrom('api_keys')
    .select([
      'id',
      'person_id',
      'label',
      'instance_admin',
      'created_at',
      'revoked_at',
      'last_used_at',
    ])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    ...(row.person_id !== null ? { personId: row.person_id } : {}),
    label: row.label,
    instanceAdmin: row.instance_admin === 1,
    createdAt: row.created_at,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
    ...(row.last_used_at !== null ? { lastUsedAt: row.last_used_at } : {}),
  }));
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function isErased(data: string): boolean {
  return Boolean((JSON.parse(data) as { erasedAt?: unknown }).erasedAt);
}
