import { searchKey } from '@maille/domain';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The official territory directory (issue 16): some 37 000 territories, read by perimeter, postal
// code and name rather than whole.
// - `territories.search_key`: the name for searches, as organizations and persons have it.
// - `territory_parents`: each territory's parents, so that a governance's communes are found
//   through an index (the communes whose parents hold its EPCI or département).
// - `territory_postal_codes`: the communes a postal code serves, to find a place's INSEE code.

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

interface StoredTerritory {
  name: string;
  parents?: { level: string; code: string }[];
  postalCodes?: string[];
}

export async function up(db: AnyDb): Promise<void> {
  // Code-point order on PostgreSQL, as every text key of the initial schema.
  const text = db.getExecutor().adapter instanceof PostgresAdapter ? sql`text collate "C"` : 'text';
  await db.schema
    .alterTable('territories')
    .addColumn('search_key', text, (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('territory_parents')
    .addColumn('territory_id', text, (c) => c.notNull().references('territories.id'))
    .addColumn('level', text, (c) => c.notNull())
    .addColumn('code', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('territory_parents_pk', ['territory_id', 'level', 'code'])
    .execute();
  await db.schema
    .createIndex('territory_parents_parent')
    .on('territory_parents')
    .columns(['level', 'code', 'territory_id'])
    .execute();
  await db.schema
    .createTable('territory_postal_codes')
    .addColumn('territory_id', text, (c) => c.notNull().references('territories.id'))
    .addColumn('postal_code', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('territory_postal_codes_pk', ['territory_id', 'postal_code'])
    .execute();
  await db.schema
    .createIndex('territory_postal_codes_code')
    .on('territory_postal_codes')
    .columns(['postal_code', 'territory_id'])
    .execute();
  await db.schema
    .createIndex('territories_search')
    .on('territories')
    .columns(['search_key'])
    .execute();
  const rows: { id: string; data: string }[] = await db
    .selectFrom('territories')
    .select(['id', 'data'])
    .execute();
  for (const row of rows) {
    const territory = JSON.parse(row.data) as StoredTerritory;
    await db
      .updateTable('territories')
      .set({ search_key: searchKey(territory.name) })
      .where('id', '=', row.id)
      .execute();
    for (const parent of territory.parents ?? [])
      await db
        .insertInto('territory_parents')
        .values({ territory_id: row.id, level: parent.level, code: parent.code })
        .onConflict((oc) => oc.doNothing())
        .execute();
    for (const code of territory.postalCodes ?? [])
      await db
        .insertInto('territory_postal_codes')
        .values({ territory_id: row.id, postal_code: code })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('territory_postal_codes').execute();
  await db.schema.dropTable('territory_parents').execute();
  await db.schema.dropIndex('territories_search').execute();
  await db.schema.alterTable('territories').dropColumn('search_key').execute();
}
