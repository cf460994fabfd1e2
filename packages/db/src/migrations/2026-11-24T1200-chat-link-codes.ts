import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The chat bot's own storage.
// - `chat_link_codes`: one-time codes a coordinator issues so a person links their chat account
//   (`/lier`). Only a SHA-256 of the code is kept; a code is spent once (`used_at`) and expires.
// - `chat_answers`: the answer given to a reminder's buttons, one per delivery, so a double click
//   (or two clicks on two copies of the message) records one answer.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .createTable('chat_link_codes')
    .addColumn('code_hash', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('persons.id'))
    .addColumn('issued_by', text, (c) => c.references('persons.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('used_at', text)
    .execute();
  await db.schema
    .createIndex('chat_link_codes_person')
    .on('chat_link_codes')
    .columns(['person_id'])
    .execute();
  await db.schema
    .createTable('chat_answers')
    .addColumn('delivery_id', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('persons.id'))
    .addColumn('verb', text, (c) => c.notNull())
    .addColumn('answered_at', text, (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('chat_answers').execute();
  await db.schema.dropTable('chat_link_codes').execute();
}
