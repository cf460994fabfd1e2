import { API_KEY_TOKEN, type ApiKey, type ApiKeyRepository } from '@maille/domain/use-cases';
import type { Selectable } from 'kysely';
import { randomToken } from '../ids.ts';
import type { ApiKeyTable } from '../schema.ts';
import type { Tx } from './rows.ts';
import { hashSecret, matchesHash, randomSecret } from './secrets.ts';

/** API keys (`mai_<id>.<secret>`): the id finds the key, the hash of the secret proves it. */
export function apiKeyRepository(db: Tx): ApiKeyRepository {
  const select = () =>
    db
      .selectFrom('api_keys')
      .select([
        'id',
        'person_id',
        'label',
        'instance_admin',
        'created_at',
        'revoked_at',
        'last_used_at',
      ]);
  return {
    async create(fields) {
      const key: ApiKey = { id: randomToken(12), ...fields };
      const secret = randomSecret();
      await db
        .insertInto('api_keys')
        .values({
          id: key.id,
          person_id: key.personId ?? null,
          secret_hash: hashSecret(secret),
          label: key.label,
          instance_admin: key.instanceAdmin ? 1 : 0,
          created_at: key.createdAt,
          revoked_at: null,
          last_used_at: null,
        })
        .execute();
      return { key, token: `mai_${key.id}.${secret}` };
    },
    async findByToken(token) {
      const [, id, secret] = API_KEY_TOKEN.exec(token) ?? [];
      if (id === undefined || secret === undefined) return undefined;
      const row = await select().select('secret_hash').where('id', '=', id).executeTakeFirst();
      return row && matchesHash(secret, row.secret_hash) ? apiKeyOf(row) : undefined;
    },
    async get(id) {
      const row = await select().where('id', '=', id).executeTakeFirst();
      return row && apiKeyOf(row);
    },
    async list({ personId }) {
      let query = select().orderBy('created_at').orderBy('id');
      if (personId !== undefined) query = query.where('person_id', '=', personId);
      return (await query.execute()).map(apiKeyOf);
    },
    async update(key) {
      await db
        .updateTable('api_keys')
        .set({ revoked_at: key.revokedAt ?? null, last_used_at: key.lastUsedAt ?? null })
        .where('id', '=', key.id)
        .execute();
    },
  };
}

function apiKeyOf(row: Omit<Selectable<ApiKeyTable>, 'secret_hash'>): ApiKey {
  return {
    id: row.id,
    ...(row.person_id !== null ? { personId: row.person_id } : {}),
    label: row.label,
    instanceAdmin: row.instance_admin === 1,
    createdAt: row.created_at,
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
    ...(row.last_used_at !== null ? { lastUsedAt: row.last_used_at } : {}),
  };
}
