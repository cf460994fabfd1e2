import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

// The API's Idempotency-Key records (see idempotency.ts). In the database rather than in memory:
// several API instances share one PostgreSQL, and a retry may reach another one.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

// Byte-wise comparison on PostgreSQL as on SQLite (see the initial migration): a key differing
// only in case or accents is another key on both dialects.
function textOf(db: AnyDb): 'text' | RawBuilder<unknown> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
}

export async function up(db: AnyDb): Promise<void> {
  const text = textOf(db);
  await db.schema
    .createTable('idempotency_keys')
    // Who sent it: the API key's id (never its secret).
    .addColumn('owner', text, (c) => c.notNull())
    .addColumn('method', text, (c) => c.notNull())
    .addColumn('path', text, (c) => c.notNull())
    .addColumn('idempotency_key', text, (c) => c.notNull())
    .addColumn('fingerprint', text, (c) => c.notNull())
    // 'running' while a request holds the claim, 'done' once its response is stored.
    .addColumn('state', text, (c) => c.notNull())
    .addColumn('claim_token', text)
    .addColumn('locked_until', text)
    // Set in the same transaction as the request's effect: proof that it happened.
    .addColumn('effect_at', text)
    .addColumn('response_status', 'integer')
    .addColumn('response_headers', text)
    .addColumn('response_body', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['owner', 'method', 'path', 'idempotency_key'])
    .execute();
  await db.schema
    .createIndex('idempotency_keys_expiry')
    .on('idempotency_keys')
    .column('expires_at')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
