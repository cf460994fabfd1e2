import type { Kysely } from 'kysely';

// The demo governances are marked as demonstration data (`demo: true` in their JSON), as
// `seedDemo` now writes them: a database seeded before keeps showing them as such, and
// `maille demo supprimer` finds them. Their ids are the demo dataset's (`DEMO_IDS`).

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against no fixed schema.
type AnyDb = Kysely<any>;

const DEMO_GOVERNANCES = ['gov_larochelle', 'gov_dronnebelle'];

async function mark(db: AnyDb, demo: boolean): Promise<void> {
  const rows: { id: string; data: string }[] = await db
    .selectFrom('governances')
    .select(['id', 'data'])
    .where('id', 'in', DEMO_GOVERNANCES)
    .execute();
  for (const row of rows) {
    const { demo: _, ...governance } = JSON.parse(row.data) as Record<string, unknown>;
    const data = JSON.stringify(demo ? { ...governance, demo: true } : governance);
    await db.updateTable('governances').set({ data }).where('id', '=', row.id).execute();
  }
}

export async function up(db: AnyDb): Promise<void> {
  await mark(db, true);
}

export async function down(db: AnyDb): Promise<void> {
  await mark(db, false);
}
