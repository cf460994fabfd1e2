import type { Kysely } from 'kysely';

// A governance's history read one page at a time, newest first (issue 17): the order (`at`, `id`)
// is in the index, so a page costs its rows whatever the length of the history.
// - `audit_events_page`: the whole history of a governance, or one kind of record (`entity`
//   is then checked in the index, without reading the rows it passes over);
// - `audit_events_entity_page`: one record's history. It covers what `audit_events_entity`
//   served, which goes.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('audit_events_page')
    .on('audit_events')
    .columns(['governance_id', 'at', 'id', 'entity'])
    .execute();
  await db.schema
    .createIndex('audit_events_entity_page')
    .on('audit_events')
    .columns(['entity', 'entity_id', 'at', 'id'])
    .execute();
  await db.schema.dropIndex('audit_events_entity').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex('audit_events_entity')
    .on('audit_events')
    .columns(['entity', 'entity_id'])
    .execute();
  await db.schema.dropIndex('audit_events_entity_page').execute();
  await db.schema.dropIndex('audit_events_page').execute();
}
