import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Signing in to the web workspace without a password.
// - `sign_in_links`: one-time links made for a person; only a SHA-256 of the secret is kept, a
//   link is spent once (`used_at`) and expires.
// - `sessions`: what a browser holds in its cookie after a sign-in, by the SHA-256 of its secret;
//   closed at sign-out (`closed_at`) or when it expires.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .createTable('sign_in_links')
    .addColumn('secret_hash', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('persons.id'))
    .addColumn('issued_by', text, (c) => c.references('persons.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('used_at', text)
    .execute();
  await db.schema
    .createIndex('sign_in_links_person')
    .on('sign_in_links')
    .columns(['person_id'])
    .execute();
  await db.schema
    .createTable('sessions')
    .addColumn('secret_hash', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.notNull().references('persons.id'))
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('closed_at', text)
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').columns(['person_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('sign_in_links').execute();
}
