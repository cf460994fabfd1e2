import { scrubValue, searchKey } from '@maille/domain';
import type { PersonalDataRepository } from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { likePattern, type Tx } from './rows.ts';

/**
 * Where personal data can hide: every table, its key, and its text columns. `data` holds an
 * entity as JSON; ids (`id`, `*_id`) are never rewritten, so history stays consistent. `find`
 * lists columns only searched (a person's id), never rewritten.
 */
const TEXT_COLUMNS: Record<
  string,
  {
    key: string;
    columns: string[];
    find?: string[];
    versioned?: boolean;
    named?: 'name' | 'displayName';
    /** Rows that erasure removes through the kernel (chat links): collected, never rewritten. */
    collectOnly?: boolean;
  }
> = {
  territories: { key: 'id', columns: ['data'], versioned: true },
  organizations: { key: 'id', columns: ['data', 'search_key'], versioned: true, named: 'name' },
  persons: { key: 'id', columns: ['data', 'search_key'], versioned: true, named: 'displayName' },
  person_chat_accounts: {
    key: 'user_id',
    columns: ['user_id'],
    find: ['person_id'],
    collectOnly: true,
  },
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
  api_keys: { key: 'id', columns: ['label'], find: ['person_id'] },
  calendar_feeds: { key: 'id', columns: ['label'], find: ['created_by', 'person_id'] },
  // Sign-ins: when links were issued and sessions opened, never their secrets (see
  // `withoutSecrets`); erasing the person deletes them.
  sign_in_links: { key: 'created_at', columns: [], find: ['person_id'], collectOnly: true },
  sessions: { key: 'created_at', columns: [], find: ['person_id'], collectOnly: true },
  visits: { key: 'person_id', columns: [], find: ['person_id'], collectOnly: true },
};

type Row = Record<string, unknown>;

/**
 * A LIKE pattern that finds `needle` whatever its case, alike on both dialects: lower-cased on
 * both sides, and each non-ASCII character left to `_` (SQLite's `lower` only knows ASCII). It
 * may find a little more than the needle; the exact, case-insensitive match is made in JavaScript.
 */
function loosePattern(needle: string): string {
  return likePattern(needle.toLowerCase()).replace(/[\u0080-\u{10ffff}]/gu, '_');
}

export function personalDataRepository(db: Tx): PersonalDataRepository {
  // Raw SQL: the tables are walked generically, the same way on both dialects.
  const matching = async (
    table: string,
    columns: string[],
    key: string,
    needles: readonly string[],
  ) => {
    const conditions = columns.flatMap((column) =>
      needles.map(
        (needle) => sql`lower(${sql.ref(column)}) like ${loosePattern(needle)} escape '\\'`,
      ),
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
      const texts = needles.filter((n) => n.length > 0);
      if (texts.length === 0) return found;
      for (const [table, spec] of Object.entries(TEXT_COLUMNS)) {
        const columns = [...spec.columns, ...(spec.find ?? [])];
        const rows = (await matching(table, columns, spec.key, texts)).filter((row) =>
          columns.some((column) => {
            const value = row[column];
            return typeof value === 'string' && scrubValue(value, texts, '') !== value;
          }),
        );
        if (rows.length === 0) continue;
        // Named as the kernel names its lists (`fundingLines`), like the in-memory store does.
        found[camelCase(table)] = rows.map((row) =>
          typeof row.data === 'string' ? JSON.parse(row.data) : withoutSecrets(row),
        );
      }
      return found;
    },
    async scrub(needles, replacement) {
      const texts = needles.filter((n) => n.length > 0);
      if (texts.length === 0) return {};
      // Lets the append-only triggers through, for this transaction only.
      await sql`insert into erasure_lock (holder) values ('erasure')`.execute(db);
      const changed: Record<string, number> = {};
      for (const [table, spec] of Object.entries(TEXT_COLUMNS)) {
        if (spec.collectOnly) continue;
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
          if (spec.named) {
            // The search key follows the name, whatever the scrub made of the key itself.
            const entity = JSON.parse((next.data ?? row.data) as string) as Row;
            const key = searchKey(String(entity[spec.named] ?? ''));
            if (key !== row.search_key) next.search_key = key;
            else delete next.search_key;
          }
          if (Object.keys(next).length === 0) continue;
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
          changed[camelCase(table)] = (changed[camelCase(table)] ?? 0) + 1;
        }
      }
      // The responses kept for Idempotency-Key are only copies made for a replay, and may quote
      // her (the answer to her creation, to a body naming her): every one goes, rather than be
      // searched. A claim still running holds no response and is left to finish.
      await db.deleteFrom('idempotency_keys').where('state', '=', 'done').execute();
      await sql`delete from erasure_lock where holder = 'erasure'`.execute(db);
      return changed;
    },
  };
}

function camelCase(table: string): string {
  return table.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function withoutSecrets(row: Row): Row {
  // A person's live agenda token is theirs alone: an export, which their coordination may ask
  // for, shows the feed without it.
  const { secret_hash: _hash, token_hash: _tokenHash, token: _token, ...rest } = row;
  return rest;
}
