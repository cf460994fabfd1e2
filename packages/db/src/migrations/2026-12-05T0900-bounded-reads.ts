import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Reads bound by what they show, not by the history behind them (issue 14).
// - `updates.progress`: the progress an update gives, out of its JSON, so that the latest one of
//   each action is found through an index instead of reading every update of the governance.
// - `measurements_periods`: the current values of a governance for the periods a dashboard shows.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('updates')
    .addColumn('progress', postgres ? 'double precision' : 'real')
    .execute();
  // Updates are append-only: the erasure lock is the one door their triggers leave open.
  await sql`insert into erasure_lock (holder) values ('migration')`.execute(db);
  await (postgres
    ? sql`update updates set progress = (data::json ->> 'progress')::double precision`
    : sql`update updates set progress = json_extract(data, '$.progress')`
  ).execute(db);
  await sql`delete from erasure_lock where holder = 'migration'`.execute(db);
  await db.schema
    .createIndex('updates_action_progress')
    .on('updates')
    .columns(['subject_id', 'created_at', 'id'])
    .where(sql.ref('subject_type'), '=', 'action')
    .where(sql.ref('progress'), 'is not', null)
    .execute();
  // Every column the search for current values reads, so that older revisions are passed over
  // in the index without reading their rows.
  await db.schema
    .createIndex('measurements_periods')
    .on('measurements')
    .columns([
      'governance_id',
      'period',
      'indicator_id',
      'territory_level',
      'territory_code',
      'revision',
    ])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('measurements_periods').execute();
  await db.schema.dropIndex('updates_action_progress').execute();
  await db.schema.alterTable('updates').dropColumn('progress').execute();
}
