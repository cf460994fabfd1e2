import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Calendar feeds: a governance's milestones and meetings behind a secret link. Only a SHA-256 of
// the secret is kept, unique so the feed is found by it; a revoked feed keeps its row (who made
// it and when stays readable) with `revoked_at` set.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text, (c) => c.notNull().references('governances.id'))
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('persons.id'))
    .addColumn('revoked_at', text)
    .execute();
  await db.schema
    .createIndex('calendar_feeds_governance')
    .on('calendar_feeds')
    .columns(['governance_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
}
