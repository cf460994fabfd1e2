import type { DemoRepository, RemovedRows } from '@maille/domain/use-cases';
import { type Kysely, sql } from 'kysely';
import { forgetChatData } from './chat-link-codes.ts';
import { likePattern, type Tx } from './rows.ts';
import { forgetSignIns } from './sign-ins.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tables are walked generically, as erasure does.
type AnyTx = Kysely<any>;

/** What belongs to a governance, children before what they name (the schema's foreign keys). */
const GOVERNED = [
  'calendar_feeds',
  'funding_lines',
  'milestones',
  'updates',
  'measurements',
  'roadmap_versions',
  'actions',
  'indicators',
  'meetings',
  'roadmaps',
  'bodies',
  'audit_events',
] as const;

/** The tables whose JSON keeps the persons and organizations it names (a feed has no JSON). */
const REFERRING = [
  'persons',
  'organizations',
  'governances',
  ...GOVERNED.filter((table) => table !== 'calendar_feeds'),
] as const;

/** Named as the kernel names its lists (`fundingLines`), like the in-memory store counts them. */
function camelCase(table: string): string {
  return table.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}

export function demoRepository(tx: Tx): DemoRepository {
  const db = tx as unknown as AnyTx;
  const removed: RemovedRows = {};
  const count = (table: string, rows: bigint | number | undefined) => {
    const n = Number(rows ?? 0);
    if (n > 0) removed[camelCase(table)] = (removed[camelCase(table)] ?? 0) + n;
  };
  const remove = async (table: string, column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    const result = await db.deleteFrom(table).where(column, 'in', values).executeTakeFirst();
    count(table, result.numDeletedRows);
  };
  /** Whether a row other than `id`'s own, in `tables`, holds one of `needles` in its JSON. */
  const named = async (
    id: string,
    needles: readonly string[],
    tables: readonly string[],
    besides: readonly string[] = [],
  ) => {
    for (const table of tables) {
      const conditions = needles.map((n) => sql`data like ${likePattern(n)} escape '\\'`);
      let query = db
        .selectFrom(table)
        .select(sql<number>`1`.as('one'))
        .where('id', 'not in', [id, ...besides])
        .where(sql<boolean>`(${sql.join(conditions, sql` or `)})`);
      // The trail of changes to the directory alone holds no one: only a governance's does.
      if (table === 'audit_events') query = query.where('governance_id', 'is not', null);
      if (await query.limit(1).executeTakeFirst()) return true;
    }
    return false;
  };

  return {
    async remove(plan) {
      // Lets the append-only triggers through, for this transaction only (as erasure does).
      await sql`insert into erasure_lock (holder) values ('demo')`.execute(db);
      const governances = [...plan.governanceIds];
      if (governances.length > 0) {
        const deliveries = await db
          .selectFrom('deliveries')
          .select('id')
          .where('governance_id', 'in', governances)
          .execute();
        await remove(
          'delivery_events',
          'delivery_id',
          deliveries.map((d: { id: string }) => d.id),
        );
        await remove('deliveries', 'governance_id', governances);
        for (const table of GOVERNED) await remove(table, 'governance_id', governances);
        await remove('governances', 'id', governances);
      }

      const gone: string[] = [];
      for (const id of plan.personIds) {
        const exists = await db
          .selectFrom('persons')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!exists || (await named(id, [`"${id}"`], REFERRING))) continue;
        // Their own agenda link goes with them; a link they made to a real governance keeps them.
        const feeds = await db
          .selectFrom('calendar_feeds')
          .select('id')
          .where('created_by', '=', id)
          .where((eb) => eb.or([eb('person_id', 'is', null), eb('person_id', '<>', id)]))
          .executeTakeFirst();
        const deliveries = await db
          .selectFrom('deliveries')
          .select('id')
          .where(sql<boolean>`recipient like ${likePattern(id)} escape '\\'`)
          .executeTakeFirst();
        if (feeds || deliveries) continue;
        // Who issued a code or a link to someone else is forgotten with the issuer.
        for (const table of ['chat_link_codes', 'sign_in_links'])
          await db
            .updateTable(table)
            .set({ issued_by: null })
            .where('issued_by', '=', id)
            .execute();
        await remove('calendar_feeds', 'person_id', [id]);
        await remove('api_keys', 'person_id', [id]);
        for (const table of [
          'chat_link_codes',
          'chat_answers',
          'sign_in_links',
          'sessions',
          'visits',
        ]) {
          const result = await db
            .selectFrom(table)
            .select(sql<number>`count(*)`.as('n'))
            .where('person_id', '=', id)
            .executeTakeFirst();
          count(table, result?.n);
        }
        await forgetChatData(db, id);
        await forgetSignIns(db, id);
        await db.deleteFrom('person_chat_accounts').where('person_id', '=', id).execute();
        await remove('persons', 'id', [id]);
        gone.push(id);
      }
      for (const id of plan.organizationIds) {
        const exists = await db
          .selectFrom('organizations')
          .select('id')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!exists || (await named(id, [`"${id}"`], REFERRING))) continue;
        await db
          .deleteFrom('organization_national_ids')
          .where('organization_id', '=', id)
          .execute();
        await remove('organizations', 'id', [id]);
        gone.push(id);
      }

      // A territory is named by its code; one kept keeps the territories it names (its parents).
      const rows: { id: string; code: string }[] =
        plan.territoryIds.length === 0
          ? []
          : await db
              .selectFrom('territories')
              .select(['id', 'code'])
              .where('id', 'in', [...plan.territoryIds])
              .execute();
      const leaving = new Map(rows.map((r) => [r.id, r.code]));
      let changed = true;
      while (changed) {
        changed = false;
        for (const [id, code] of leaving) {
          const needles = [`"code":"${code}"`, `"inseeCode":"${code}"`];
          const kept =
            (await named(id, needles, ['governances', 'organizations', 'measurements'])) ||
            (await named(id, needles, ['territories'], [...leaving.keys()]));
          if (kept) {
            leaving.delete(id);
            changed = true;
          }
        }
      }
      const territories = [...leaving.keys()];
      if (territories.length > 0) {
        await db.deleteFrom('territory_parents').where('territory_id', 'in', territories).execute();
        await db
          .deleteFrom('territory_postal_codes')
          .where('territory_id', 'in', territories)
          .execute();
        await remove('territories', 'id', territories);
        gone.push(...territories);
      }
      if (gone.length > 0) {
        const result = await db
          .deleteFrom('audit_events')
          .where('governance_id', 'is', null)
          .where('entity_id', 'in', gone)
          .executeTakeFirst();
        count('audit_events', result.numDeletedRows);
      }
      await sql`delete from erasure_lock where holder = 'demo'`.execute(db);
      return removed;
    },
  };
}
