import { type Kysely, PostgresAdapter, type RawBuilder, sql } from 'kysely';

// The first schema of Maille. Text for JSON and instants on both dialects (see schema.ts);
// foreign keys for the main relations; triggers keep append-only records append-only.

const APPEND_ONLY = ['roadmap_versions', 'updates', 'measurements', 'audit_events'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Text that compares by code point on PostgreSQL as on SQLite, whatever the server's locale: ids,
 * keys and ISO instants then sort — and `limit` keeps — the same rows on both dialects.
 */
function textOf(db: AnyDb): 'text' | RawBuilder<unknown> {
  return isPostgres(db) ? sql`text collate "C"` : 'text';
}

/** id, version, data, created_at, updated_at: the columns of every versioned entity. */
function versioned(db: AnyDb, table: string) {
  const text = textOf(db);
  return db.schema
    .createTable(table)
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull());
}

export async function up(db: AnyDb): Promise<void> {
  const text = textOf(db);
  await versioned(db, 'territories')
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('code', text, (c) => c.notNull())
    .addUniqueConstraint('territories_level_code', ['level', 'code'])
    .execute();
  await versioned(db, 'organizations')
    .addColumn('search_key', text, (c) => c.notNull())
    .execute();
  await versioned(db, 'persons')
    .addColumn('search_key', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('person_chat_accounts')
    .addColumn('platform', text, (c) => c.notNull())
    .addColumn('user_id', text, (c) => c.notNull())
    .addColumn('person_id', text, (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('person_chat_accounts_pk', ['platform', 'user_id'])
    .execute();
  await versioned(db, 'governances').execute();
  const governed = (table: string) =>
    versioned(db, table).addColumn('governance_id', text, (c) =>
      c.notNull().references('governances.id'),
    );
  await governed('bodies').execute();
  await governed('meetings')
    .addColumn('body_id', text, (c) => c.notNull().references('bodies.id'))
    .addColumn('starts_at', text, (c) => c.notNull())
    .execute();
  await governed('roadmaps').execute();
  await governed('actions')
    .addColumn('roadmap_id', text, (c) => c.notNull().references('roadmaps.id'))
    .execute();
  await governed('milestones')
    .addColumn('roadmap_id', text, (c) => c.notNull().references('roadmaps.id'))
    .addColumn('action_id', text, (c) => c.references('actions.id'))
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('due_date', text, (c) => c.notNull())
    .execute();
  await governed('funding_lines')
    .addColumn('action_id', text, (c) => c.notNull().references('actions.id'))
    .execute();
  await governed('indicators')
    .addColumn('code', text, (c) => c.notNull())
    .addUniqueConstraint('indicators_governance_code', ['governance_id', 'code'])
    .execute();

  await db.schema
    .createTable('roadmap_versions')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text, (c) => c.notNull().references('governances.id'))
    .addColumn('roadmap_id', text, (c) => c.notNull().references('roadmaps.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .addUniqueConstraint('roadmap_versions_number', ['roadmap_id', 'number'])
    .execute();
  await db.schema
    .createTable('updates')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text, (c) => c.notNull().references('governances.id'))
    .addColumn('subject_type', text, (c) => c.notNull())
    .addColumn('subject_id', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('measurements')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text, (c) => c.notNull().references('governances.id'))
    .addColumn('indicator_id', text, (c) => c.notNull().references('indicators.id'))
    .addColumn('territory_level', text, (c) => c.notNull())
    .addColumn('territory_code', text, (c) => c.notNull())
    .addColumn('period', text, (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .addUniqueConstraint('measurements_revision', [
      'indicator_id',
      'territory_level',
      'territory_code',
      'period',
      'revision',
    ])
    .execute();
  await db.schema
    .createTable('audit_events')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('governance_id', text)
    .addColumn('entity', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('dedupe_key', text, (c) => c.notNull().unique())
    .addColumn('governance_id', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('recipient', text, (c) => c.notNull())
    .addColumn('subject', text, (c) => c.notNull())
    .addColumn('due_at', text, (c) => c.notNull())
    .addColumn('expires_at', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('claimed_by', text)
    .addColumn('lease_until', text)
    .addColumn('sent_at', text)
    .addColumn('sent_message_id', text)
    .addColumn('last_error', text)
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('delivery_events')
    .addColumn('seq', isPostgres(db) ? 'bigserial' : 'integer', (c) =>
      isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn('delivery_id', text, (c) => c.notNull().references('deliveries.id'))
    .addColumn('at', text, (c) => c.notNull())
    .addColumn('from_status', text, (c) => c.notNull())
    .addColumn('to_status', text, (c) => c.notNull())
    .addColumn('by', text)
    .addColumn('detail', text)
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('person_id', text, (c) => c.references('persons.id'))
    .addColumn('secret_hash', text, (c) => c.notNull())
    .addColumn('label', text, (c) => c.notNull())
    .addColumn('instance_admin', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text)
    .addColumn('last_used_at', text)
    .execute();
  await db.schema
    .createTable('erasure_lock')
    .addColumn('holder', text, (c) => c.primaryKey())
    .execute();

  const indexes: [string, string, string[]][] = [
    ['bodies_governance', 'bodies', ['governance_id']],
    ['meetings_governance', 'meetings', ['governance_id', 'starts_at']],
    ['roadmaps_governance', 'roadmaps', ['governance_id']],
    ['actions_roadmap', 'actions', ['roadmap_id']],
    ['actions_governance', 'actions', ['governance_id']],
    ['milestones_late', 'milestones', ['governance_id', 'status', 'due_date']],
    ['milestones_roadmap', 'milestones', ['roadmap_id']],
    ['milestones_action', 'milestones', ['action_id']],
    ['funding_lines_action', 'funding_lines', ['action_id']],
    ['funding_lines_governance', 'funding_lines', ['governance_id']],
    ['updates_subject', 'updates', ['subject_type', 'subject_id', 'created_at']],
    ['updates_governance', 'updates', ['governance_id', 'created_at']],
    ['measurements_governance', 'measurements', ['governance_id']],
    ['roadmap_versions_governance', 'roadmap_versions', ['governance_id']],
    ['audit_events_entity', 'audit_events', ['entity', 'entity_id']],
    ['audit_events_governance', 'audit_events', ['governance_id', 'at']],
    ['organizations_search', 'organizations', ['search_key']],
    ['persons_search', 'persons', ['search_key']],
    ['person_chat_accounts_person', 'person_chat_accounts', ['person_id']],
    ['deliveries_claim', 'deliveries', ['status', 'due_at']],
    ['deliveries_governance', 'deliveries', ['governance_id']],
    ['delivery_events_delivery', 'delivery_events', ['delivery_id', 'seq']],
    ['api_keys_person', 'api_keys', ['person_id']],
  ];
  for (const [name, table, columns] of indexes) {
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  }

  if (isPostgres(db)) {
    await sql`
      create function maille_append_only() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from erasure_lock) then
          return coalesce(new, old);
        end if;
        raise exception 'Les enregistrements de % ne se modifient ni ne se suppriment.', tg_table_name;
      end
      $$`.execute(db);
    for (const table of APPEND_ONLY) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function maille_append_only()`.execute(db);
    }
  } else {
    for (const table of APPEND_ONLY) {
      for (const event of ['update', 'delete']) {
        await sql
          .raw(`create trigger ${table}_append_only_${event} before ${event} on ${table}
            when not exists (select 1 from erasure_lock)
            begin select raise(abort, 'Les enregistrements de ${table} ne se modifient ni ne se suppriment.'); end`)
          .execute(db);
      }
    }
  }
}

export async function down(db: AnyDb): Promise<void> {
  const tables = [
    'delivery_events',
    'deliveries',
    'api_keys',
    'erasure_lock',
    'audit_events',
    'measurements',
    'updates',
    'roadmap_versions',
    'indicators',
    'funding_lines',
    'milestones',
    'actions',
    'roadmaps',
    'meetings',
    'bodies',
    'governances',
    'person_chat_accounts',
    'persons',
    'organizations',
    'territories',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
  if (isPostgres(db)) await sql`drop function maille_append_only()`.execute(db);
}
