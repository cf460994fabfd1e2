import { type Kysely, PostgresAdapter, sql } from 'kysely';

// `chat_interactions`: the chat interactions handled (a Discord interaction id), each written in
// the transaction of its effect with the reply it got, so that a replayed interaction writes
// nothing and gets the same reply. Kept a day: Discord accepts an answer for 15 minutes.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .createTable('chat_interactions')
    .addColumn('interaction_id', text, (c) => c.primaryKey())
    .addColumn('handled_at', text, (c) => c.notNull())
    .addColumn('reply', text)
    .execute();
  await db.schema
    .createIndex('chat_interactions_handled_at')
    .on('chat_interactions')
    .columns(['handled_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('chat_interactions').execute();
}
