import { searchKey } from '@maille/domain';
import { scrubValue } from '@maille/domain/testing';
import type { PersonalDataRepository } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { likePattern, type Tx } from './rows.ts';

/**
 * Where personal data can hide: every table, its key, and its text columns. `data` holds an
 * entity as JSON; ids (`id`, `*_id`) are never rewritten, so history stays consistent.
 */
const TEXT_COLUMNS: Record<
  string,
  { key: string; columns: string[]; versioned?: boolean; named?: 'name' | 'displayName' }
> = {
  territories: { key: 'id', columns: ['data'], versioned: true },
  organizations: { key: 'id', columns: ['data', 'search_key'], versioned: true, named: 'name' },
  persons: { key: 'id', columns: ['data', 'search_key'], versioned: true, named: 'displayName' },
  governances: { key: 'id', columns: ['data'], versioned: true },
  bodies: { key: 'id', columns: ['data'], versioned: true },
  meetings: { key: 'id', columns: ['data'], versioned: true },
  roadmaps: { key: 'id', columns: ['data'], versioned: true },
  roadmap_versions: { key: 'id', columns: ['data'] },
  actions: { key: 'id', columns: ['data'], versioned: true },
  milestones: { key: 'id', columns: ['data'], versioned: true },
  funding_lines: { key: 'id', columns: ['data'], versioned: true },
  updates: { key: 'id', columns: ['data'] },
  indicators: { key: 'id', columns: ['data'], versioned: true },
  measurements: { key: 'id', columns: ['data'] },
  audit_events: { key: 'id', columns: ['data'] },
  deliveries: { key: 'id', columns: ['recipient', 'subject', 'last_error', 'claimed_by'] },
  delivery_events: { key: 'seq', columns: ['detail', 'by'] },
  api_keys: { key: 'id', columns: ['label'] },
};

type Row = Record<string, unknown>;

export function personalDataRepository(db: Tx): PersonalDataRepository {
  // Raw SQL: the tables are walked generically, the same way on both dialects.
  const matching = async (
    table: string,
    columns: string[],
    key: string,
    needles: readonly string[],
  ) => {
    const conditions = columns.flatMap((column) =>
      needles.map((needle) => sql`${sql.ref(column)} like ${likePattern(needle)} escape '\\'`),
    );
    if (conditions.length === 0) return [];
    const result =
      await sql<Row>`select * from ${sql.table(table)} where ${sql.join(conditions, sql` or `)} order by ${sql.ref(key)}`.execute(
        db,
      );
    return result.rows;
  };

  return {
    async collect(needles) {
      const found: Record<string, unknown[]> = {};
      for (const [table, { key }] of Object.entries(TEXT_COLUMNS)) {
        const columns =
          table === 'api_keys'
            ? ['label', 'person_id']
            : [...TEXT_COLUMNS[table]!.columns, ...(table === 'deliveries' ? [] : [])];
        const rows = await matching(table, columns, key, needles);
        if (rows.length === 0) continue;
        found[table] = rows.map((row) =>
          typeof row.data === 'string' ? JSON.parse(row.data) : withoutSecrets(row),
        );
      }
      return found;
    },
    async scrub(needles, replacement) {
      const texts = needles.filter((n) => n.length > 0);
      if (texts.length === 0) return 0;
      // Lets the append-only triggers through, for this transaction only.
      await sql`insert into erasure_lock (holder) values ('erasure')`.execute(db);
      let changed = 0;
      for (const [table, spec] of Object.entries(TEXT_COLUMNS)) {
        for (const row of await matching(table, spec.columns, spec.key, texts)) {
          const next: Row = {};
          for (const column of spec.columns) {
            const value = row[column];
            if (typeof value !== 'string') continue;
            const rewritten =
              column === 'data'
                ? JSON.stringify(scrubValue(JSON.parse(value), texts, replacement))
                : (scrubValue(value, texts, replacement) as string);
            if (rewritten !== value) next[column] = rewritten;
          }
          if (Object.keys(next).length === 0) continue;
          if (spec.named && typeof next.data === 'string') {
            next.search_key = searchKey(String((JSON.parse(next.data) as Row)[spec.named] ?? ''));
          }
          if (spec.versioned) {
            // The entity changed: its JSON and its version column move together.
            const entity = JSON.parse(
              (next.data as string | undefined) ?? (row.data as string),
            ) as Row;
            entity.version = Number(row.version) + 1;
            next.data = JSON.stringify(entity);
            next.version = entity.version;
          }
          await db
            .updateTable(table as 'persons')
            .set(next as never)
            .where(sql.ref(spec.key), '=', row[spec.key])
            .execute();
          changed++;
        }
      }
      await sql`delete from erasure_lock where holder = 'erasure'`.execute(db);
      return changed;
    },
  };
}

function withoutSecrets(row: Row): Row {
  const { secret_hash: _hash, ...rest } = row;
  return rest;
}
