import { type Kysely, PostgresAdapter, sql } from 'kysely';

// When each person last used the web workspace, so that its home page can say what changed since
// their previous visit: the current visit (start, last seen) and when the one before ended.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .createTable('visits')
    .addColumn('person_id', text, (c) => c.primaryKey().references('persons.id'))
    .addColumn('started_at', text, (c) => c.notNull())
    .addColumn('seen_at', text, (c) => c.notNull())
    .addColumn('previous_seen_at', text)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('visits').execute();
}
