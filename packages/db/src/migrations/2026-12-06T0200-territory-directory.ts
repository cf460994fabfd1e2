import { searchKey } from '@maille/domain';
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// The official territory directory (issue 16): some 37 000 territories, read by perimeter, postal
// code and name rather than whole.
// - `territories.search_key`: the name for searches, as organizations and persons have it.
// - `territory_parents`: each territory's parents, so that a governance's communes are found
//   through an index (the communes whose parents hold its EPCI or département).
// - `territory_postal_codes`: the communes a postal code serves, to find a place's INSEE code.
// - `organizations.commune_code`: the commune a place is in, so that a perimeter's places are
//   found through an index (computed indicators, the territorial diagnosis).
// - `organization_national_ids`: the national ids a place was published under, each to one place,
//   so that importing a file again finds what it imported before.
// - `places_imports`: the report of each import of a national places file.

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
  await db.schema.alterTable('organizations').addColumn('commune_code', text).execute();
  await db.schema
    .createIndex('organizations_commune')
    .on('organizations')
    .columns(['commune_code'])
    .execute();
  await db.schema
    .createTable('organization_national_ids')
    .addColumn('national_id', text, (c) => c.primaryKey())
    .addColumn('organization_id', text, (c) => c.notNull().references('organizations.id'))
    .execute();
  await db.schema
    .createIndex('organization_national_ids_organization')
    .on('organization_national_ids')
    .columns(['organization_id'])
    .execute();
  await db.schema
    .createTable('places_imports')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('imported_at', text, (c) => c.notNull())
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('data', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('places_imports_latest')
    .on('places_imports')
    .columns(['imported_at', 'id'])
    .execute();
  const organizations: { id: string; data: string }[] = await db
    .selectFrom('organizations')
    .select(['id', 'data'])
    .execute();
  for (const row of organizations) {
    const organization = JSON.parse(row.data) as StoredOrganization;
    await db
      .updateTable('organizations')
      .set({ commune_code: communeOf(organization) ?? null })
      .where('id', '=', row.id)
      .execute();
  }
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

interface StoredOrganization {
  address?: { inseeCode?: string };
  territory?: { level: string; code: string };
}

/** The commune an organization is in: its address's INSEE code, or its territory if a commune. */
function communeOf(organization: StoredOrganization): string | undefined {
  return (
    organization.address?.inseeCode ??
    (organization.territory?.level === 'commune' ? organization.territory.code : undefined)
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('places_imports').execute();
  await db.schema.dropTable('organization_national_ids').execute();
  await db.schema.dropIndex('organizations_commune').execute();
  await db.schema.alterTable('organizations').dropColumn('commune_code').execute();
  await db.schema.dropTable('territory_postal_codes').execute();
  await db.schema.dropTable('territory_parents').execute();
  await db.schema.dropIndex('territories_search').execute();
  await db.schema.alterTable('territories').dropColumn('search_key').execute();
}
