import { type BenchRow, formatMs, timeOnce } from '@maille/bench';
import type { Delivery } from '@maille/domain';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { applyPragmas, createStore, type DialectName } from '../src/index.ts';
import { openTestDatabase } from '../test/dialects.ts';
import { label } from './milestones.ts';

/**
 * The outbox at national scale: 100 000 deliveries inserted by dedupe key, inserted again (a
 * second planning run: nothing new), then claimed by one dispatcher in batches of 100, each claim
 * its own transaction. On SQLite the same work is also done with better-sqlite3's prepared
 * statements and nothing else, in the same run: the ratio says what kysely, the row mapping and
 * the kernel's schemas cost.
 */

const DELIVERIES = 100_000;
const BATCH = 100;
const AT = '2026-01-01T07:00:00.000Z';
const NOW = '2026-01-20T07:00:00.000Z';
const LEASE = '2026-01-20T07:05:00.000Z';
const CLAIMANT = 'bot-bench';

/** Deliveries of 1 250 governances, due over the first two weeks of January. */
export function planDeliveries(suffix = ''): Delivery[] {
  return Array.from({ length: DELIVERIES }, (_, i) => {
    const governanceId = `gov_b${String(i % 1250).padStart(6, '0')}`;
    const personId = `per_b${String(i % 20_000).padStart(6, '0')}`;
    const milestoneId = `mil_b${String(i).padStart(7, '0')}`;
    const due = Date.parse(AT) + (i % 20_160) * 60_000;
    return {
      id: `dlv_b${String(i).padStart(7, '0')}${suffix}`,
      dedupeKey: `milestone:${milestoneId}:J-3:${personId}`,
      governanceId,
      kind: 'milestone_reminder',
      recipient: { type: 'person', personId },
      subject: { type: 'milestone', id: milestoneId },
      dueAt: new Date(due).toISOString(),
      expiresAt: new Date(due + 3 * 86_400_000).toISOString(),
      status: 'pending',
      attempts: 0,
      createdAt: AT,
      updatedAt: AT,
      version: 1,
    };
  });
}

interface OutboxTimes {
  insertMs: number;
  againMs: number;
  claimMs: number;
  totalMs: number;
}

function check(inserted: number, again: number, claimed: number): void {
  if (inserted !== DELIVERIES || again !== 0 || claimed !== DELIVERIES) {
    throw new Error(`outbox benchmark: ${inserted} inserted, ${again} again, ${claimed} claimed`);
  }
}

/** The outbox through `@maille/db`: the kernel's ports in store transactions. */
async function throughRepositories(dialect: DialectName): Promise<OutboxTimes> {
  const first = planDeliveries();
  const second = planDeliveries('r');
  const test = await openTestDatabase(dialect);
  try {
    const store = createStore(test.database);
    const insert = await timeOnce(() =>
      store.transaction((repos) => repos.deliveries.insertIfAbsent(first)),
    );
    const again = await timeOnce(() =>
      store.transaction((repos) => repos.deliveries.insertIfAbsent(second)),
    );
    // What PostgreSQL's autovacuum does within a minute of such an insert: without statistics
    // the planner takes 100 000 due rows for a hundred and sorts them all at every claim.
    if (dialect === 'postgres') await sql`analyze deliveries`.execute(test.database.db);
    const claim = await timeOnce(async () => {
      let claimed = 0;
      for (;;) {
        const batch = await store.transaction((repos) =>
          repos.deliveries.claimDue({
            now: NOW,
            leaseUntil: LEASE,
            limit: BATCH,
            claimant: CLAIMANT,
          }),
        );
        if (batch.length === 0) return claimed;
        claimed += batch.length;
      }
    });
    check(insert.value, again.value, claim.value);
    return {
      insertMs: insert.ms,
      againMs: again.ms,
      claimMs: claim.ms,
      totalMs: insert.ms + again.ms + claim.ms,
    };
  } finally {
    await test.drop();
  }
}

const COLUMNS = [
  'id',
  'dedupe_key',
  'governance_id',
  'kind',
  'recipient',
  'subject',
  'due_at',
  'expires_at',
  'status',
  'attempts',
  'claimed_by',
  'lease_until',
  'sent_at',
  'sent_message_id',
  'last_error',
  'created_at',
  'updated_at',
  'version',
] as const;

/**
 * The same work with better-sqlite3 alone, on a file of the same schema: one prepared insert per
 * delivery in one transaction; per batch `BEGIN IMMEDIATE`, the candidates, `UPDATE … RETURNING`,
 * the events, `COMMIT` — the statements the repository sends.
 */
async function rawSqlite(): Promise<OutboxTimes> {
  const first = planDeliveries();
  const second = planDeliveries('r');
  const test = await openTestDatabase('sqlite');
  const file = test.database.file as string;
  await test.database.close();
  const db = new SqliteDatabase(file);
  applyPragmas(db);
  try {
    const insertOne = db.prepare(
      `insert into deliveries (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) on conflict (dedupe_key) do nothing`,
    );
    const insertAll = db.transaction((list: Delivery[]) => {
      let n = 0;
      for (const d of list) {
        n += insertOne.run(
          d.id,
          d.dedupeKey,
          d.governanceId,
          d.kind,
          JSON.stringify(d.recipient),
          JSON.stringify(d.subject),
          d.dueAt,
          d.expiresAt,
          d.status,
          d.attempts,
          d.claimedBy ?? null,
          d.leaseUntil ?? null,
          d.sentAt ?? null,
          d.sentMessageId ?? null,
          d.lastError ?? null,
          d.createdAt,
          d.updatedAt,
          d.version,
        ).changes;
      }
      return n;
    });
    const insert = await timeOnce(() => insertAll.immediate(first));
    const again = await timeOnce(() => insertAll.immediate(second));

    const begin = db.prepare('begin immediate');
    const commit = db.prepare('commit');
    // The repository's two candidate queries, one per status, merged oldest first.
    const pending = db.prepare(
      `select id, status, claimed_by, due_at from deliveries where status = 'pending' and due_at <= ?
         and (lease_until is null or lease_until <= ?) order by due_at, id limit ?`,
    );
    const abandoned = db.prepare(
      `select id, status, claimed_by, due_at from deliveries where status = 'claimed' and lease_until <= ?
         and due_at <= ? order by lease_until, id limit ?`,
    );
    type Candidate = { id: string; status: string; claimed_by: string | null; due_at: string };
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const choose = (): Candidate[] =>
      [
        ...(pending.all(NOW, NOW, BATCH) as Candidate[]),
        ...(abandoned.all(NOW, NOW, BATCH) as Candidate[]),
      ]
        .sort((a, b) => byText(a.due_at, b.due_at) || byText(a.id, b.id))
        .slice(0, BATCH);
    const updates = new Map<number, SqliteDatabase.Statement>();
    const updateFor = (n: number) => {
      let statement = updates.get(n);
      if (!statement) {
        statement = db.prepare(
          `update deliveries set status = 'claimed', claimed_by = ?, lease_until = ?, attempts = attempts + 1,
             updated_at = ?, version = version + 1 where id in (${Array(n).fill('?').join(', ')}) returning *`,
        );
        updates.set(n, statement);
      }
      return statement;
    };
    const events = new Map<number, SqliteDatabase.Statement>();
    const eventsFor = (n: number) => {
      let statement = events.get(n);
      if (!statement) {
        statement = db.prepare(
          `insert into delivery_events (delivery_id, at, from_status, to_status, by, detail) values ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`,
        );
        events.set(n, statement);
      }
      return statement;
    };
    const claim = await timeOnce(() => {
      let claimed = 0;
      for (;;) {
        begin.run();
        const chosen = choose();
        if (chosen.length === 0) {
          commit.run();
          return claimed;
        }
        const rows = updateFor(chosen.length).all(CLAIMANT, LEASE, NOW, ...chosen.map((c) => c.id));
        eventsFor(chosen.length).run(
          ...chosen.flatMap((c) => [
            c.id,
            NOW,
            c.status,
            'claimed',
            CLAIMANT,
            c.status === 'claimed' ? `Bail expiré de ${c.claimed_by ?? 'inconnu'} repris.` : null,
          ]),
        );
        commit.run();
        claimed += rows.length;
      }
    });
    check(insert.value, again.value, claim.value);
    return {
      insertMs: insert.ms,
      againMs: again.ms,
      claimMs: claim.ms,
      totalMs: insert.ms + again.ms + claim.ms,
    };
  } finally {
    db.close();
    await test.drop();
  }
}

const detail = (t: OutboxTimes) =>
  `${formatMs(t.totalMs)} (insertion ${formatMs(t.insertMs)}, à nouveau ${formatMs(t.againMs)}, réservation ${formatMs(t.claimMs)})`;

export async function benchDeliveries(dialect: DialectName): Promise<BenchRow[]> {
  const what = `100 000 envois insérés deux fois par clé, puis réservés par lots de 100 (${label(dialect)})`;
  const kysely = await throughRepositories(dialect);
  console.log(`${label(dialect)} : ${detail(kysely)}`);
  if (dialect === 'postgres') {
    return [{ what, result: detail(kysely), target: 'mesuré', met: true }];
  }
  const raw = await rawSqlite();
  console.log(`better-sqlite3 seul : ${detail(raw)}`);
  const ratio = raw.totalMs / kysely.totalMs;
  return [
    { what, result: detail(kysely), target: 'mesuré', met: true },
    {
      what: '— les mêmes opérations en better-sqlite3 seul (instructions préparées)',
      result: detail(raw),
      target: 'référence',
      met: true,
    },
    {
      what: '— rapport better-sqlite3 seul / @maille/db sur SQLite',
      result: ratio.toFixed(2),
      target: '≥ 0,5',
      met: ratio >= 0.5,
    },
  ];
}
