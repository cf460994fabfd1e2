import { type Kysely, PostgresAdapter, sql } from 'kysely';

// A person's own calendar feed (issue 17, point 6), in the table of the governances' feeds:
// - `calendar_feeds`: a feed shows a governance (`governance_id`) or a person (`person_id`), one
//   of them; a person's live feed keeps its `token` so they can see their link again (a revoked
//   one forgets it); at most one live feed per person.
// - `milestones.owner_id`, `actions.owner_id`: out of their JSON, so the milestones a person
//   carries are found through an index in every governance.
// - `meetings_body`: the meetings of the bodies where a person sits, from a date.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

const SCOPE = sql`(governance_id is null) <> (person_id is null)`;

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = postgres ? sql`text collate "C"` : 'text';
  if (postgres) {
    await sql`alter table calendar_feeds alter column governance_id drop not null`.execute(db);
    await db.schema
      .alterTable('calendar_feeds')
      .addColumn('person_id', text, (c) => c.references('persons.id'))
      .execute();
    await db.schema.alterTable('calendar_feeds').addColumn('token', text).execute();
    await db.schema
      .alterTable('calendar_feeds')
      .addCheckConstraint('calendar_feeds_scope', SCOPE)
      .execute();
  } else {
    // SQLite cannot drop a NOT NULL: the table is made again, its rows copied.
    await db.schema
      .createTable('calendar_feeds_new')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('governance_id', text, (c) => c.references('governances.id'))
      .addColumn('person_id', text, (c) => c.references('persons.id'))
      .addColumn('label', text, (c) => c.notNull())
      .addColumn('token_hash', text, (c) => c.notNull().unique())
      .addColumn('token', text)
      .addColumn('created_at', text, (c) => c.notNull())
      .addColumn('created_by', text, (c) => c.references('persons.id'))
      .addColumn('revoked_at', text)
      .addCheckConstraint('calendar_feeds_scope', SCOPE)
      .execute();
    await sql`insert into calendar_feeds_new (id, governance_id, label, token_hash, created_at, created_by, revoked_at)
      select id, governance_id, label, token_hash, created_at, created_by, revoked_at from calendar_feeds`.execute(
      db,
    );
    await db.schema.dropTable('calendar_feeds').execute();
    await db.schema.alterTable('calendar_feeds_new').renameTo('calendar_feeds').execute();
    await db.schema
      .createIndex('calendar_feeds_governance')
      .on('calendar_feeds')
      .columns(['governance_id'])
      .execute();
  }
  // Two renewals at once cannot leave a person with two live links.
  await db.schema
    .createIndex('calendar_feeds_person_live')
    .on('calendar_feeds')
    .column('person_id')
    .unique()
    .where(sql.ref('person_id'), 'is not', null)
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();

  for (const table of ['milestones', 'actions']) {
    await db.schema.alterTable(table).addColumn('owner_id', text).execute();
    await (postgres
      ? sql`update ${sql.table(table)} set owner_id = data::json ->> 'ownerId'`
      : sql`update ${sql.table(table)} set owner_id = json_extract(data, '$.ownerId')`
    ).execute(db);
  }
  await db.schema
    .createIndex('milestones_owner')
    .on('milestones')
    .columns(['owner_id', 'due_date'])
    .execute();
  await db.schema.createIndex('actions_owner').on('actions').column('owner_id').execute();
  await db.schema
    .createIndex('meetings_body')
    .on('meetings')
    .columns(['body_id', 'starts_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const text = postgres ? sql`text collate "C"` : 'text';
  await db.schema.dropIndex('meetings_body').execute();
  await db.schema.dropIndex('actions_owner').execute();
  await db.schema.dropIndex('milestones_owner').execute();
  await db.schema.alterTable('actions').dropColumn('owner_id').execute();
  await db.schema.alterTable('milestones').dropColumn('owner_id').execute();
  await db.schema.dropIndex('calendar_feeds_person_live').execute();
  // Personal feeds have no place in the older table.
  await db.deleteFrom('calendar_feeds').where('person_id', 'is not', null).execute();
  if (postgres) {
    await db.schema.alterTable('calendar_feeds').dropConstraint('calendar_feeds_scope').execute();
    await db.schema.alterTable('calendar_feeds').dropColumn('token').execute();
    await db.schema.alterTable('calendar_feeds').dropColumn('person_id').execute();
    await sql`alter table calendar_feeds alter column governance_id set not null`.execute(db);
    return;
  }
  // SQLite drops no column that a reference or a check names: the older table is made again.
  await db.schema
    .createTable('calendar_feeds_old')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text, (c) => c.notNull().references('governances.id'))
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('token_hash', text, (c) => c.notNull().unique())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('persons.id'))
    .addColumn('revoked_at', text)
    .execute();
  await sql`insert into calendar_feeds_old (id, governance_id, label, token_hash, created_at, created_by, revoked_at)
    select id, governance_id, label, token_hash, created_at, created_by, revoked_at from calendar_feeds`.execute(
    db,
  );
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.alterTable('calendar_feeds_old').renameTo('calendar_feeds').execute();
  await db.schema
    .createIndex('calendar_feeds_governance')
    .on('calendar_feeds')
    .columns(['governance_id'])
    .execute();
}
