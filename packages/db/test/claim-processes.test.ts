import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Delivery } from '@maille/domain';
import { describe, it } from 'vitest';
import { createStore, type DialectName } from '../src/index.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

// Two dispatchers in two processes (not two connections of one process) claim from the same
// database while deliveries fall due, drop batches and report late: every delivery must be sent
// exactly once, and a delivery changes hands only once its holder's lease has run out.

const SECONDS = 10;
const LEASE_MS = 400;
const DELIVERIES = 3000;
const PACKAGE = fileURLToPath(new URL('..', import.meta.url));

type Line =
  | { type: 'claimed'; ids: string[]; at: number }
  | { type: 'sent' | 'refused'; id: string; at: number }
  | { type: 'crashed'; ids: string[] }
  | { type: 'gave-up' }
  | { type: 'done'; batches: number };

/** Runs one worker to its end; its JSON lines, or a rejection with what it wrote on stderr. */
function runWorker(test: TestDatabase, name: string): Promise<Line[]> {
  const args = [
    '--import',
    'tsx',
    'test/fixtures/claim-worker.ts',
    test.url,
    test.schema ?? '-',
    name,
    String(SECONDS),
    String(LEASE_MS),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: PACKAGE });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${name} exited with ${code}: ${err}`));
      else
        resolve(
          out
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Line),
        );
    });
  });
}

/** Deliveries falling due one after the other over the first eight seconds of the run. */
function plan(startMs: number): Delivery[] {
  const created = new Date(startMs - 60_000).toISOString();
  return Array.from({ length: DELIVERIES }, (_, i) => {
    const id = `dlv_${String(i + 1).padStart(6, '0')}`;
    const due = startMs + Math.floor((i * 8000) / DELIVERIES);
    return {
      id,
      dedupeKey: `governance:gov_process1:digest:${id}`,
      governanceId: 'gov_process1',
      kind: 'community_digest',
      recipient: { type: 'channel', governanceId: 'gov_process1' },
      subject: { type: 'governance', id: 'gov_process1' },
      dueAt: new Date(due).toISOString(),
      expiresAt: new Date(due + 86_400_000).toISOString(),
      status: 'pending',
      attempts: 0,
      createdAt: created,
      updatedAt: created,
      version: 1,
    };
  });
}

interface EventRow {
  delivery_id: string;
  at: string;
  from_status: string;
  to_status: string;
  by: string | null;
}

describe('two dispatcher processes on one database', () => {
  it.concurrent.for(DIALECTS)(
    'send every delivery exactly once on %s, taking over only expired leases',
    { timeout: 150_000 },
    async (dialect: DialectName, { expect }) => {
      const test = await openTestDatabase(dialect);
      try {
        // Time for the workers to start before the first delivery falls due.
        const start = Date.now() + 1500;
        const inserted = await createStore(test.database).transaction((repos) =>
          repos.deliveries.insertIfAbsent(plan(start)),
        );
        expect(inserted).toBe(DELIVERIES);

        const [first, second] = await Promise.all([
          runWorker(test, `${dialect}-1`),
          runWorker(test, `${dialect}-2`),
        ]);
        const lines = [...first, ...second];
        expect(lines.filter((l) => l.type === 'gave-up')).toEqual([]);
        // Both took part, both misbehaved, and the misbehaviour was caught.
        for (const worker of [first, second]) {
          expect(worker.filter((l) => l.type === 'claimed').length).toBeGreaterThan(5);
          expect(worker.some((l) => l.type === 'crashed')).toBe(true);
          expect(worker.some((l) => l.type === 'refused')).toBe(true);
        }

        // What the workers say: each delivery reported sent once, by one of them.
        const sent = lines.flatMap((l) => (l.type === 'sent' ? [l.id] : []));
        expect(sent).toHaveLength(DELIVERIES);
        expect(new Set(sent).size).toBe(DELIVERIES);

        // What the database says.
        const { db } = test.database;
        const rows = await db
          .selectFrom('deliveries')
          .select(['id', 'status', 'sent_at', 'sent_message_id', 'claimed_by'])
          .execute();
        expect(rows).toHaveLength(DELIVERIES);
        expect(rows.filter((r) => r.status !== 'sent' || r.sent_at === null)).toEqual([]);
        expect(rows.filter((r) => r.claimed_by !== null)).toEqual([]);

        const events = (await db
          .selectFrom('delivery_events')
          .select(['delivery_id', 'at', 'from_status', 'to_status', 'by'])
          .orderBy('seq')
          .execute()) as EventRow[];
        const byDelivery = new Map<string, EventRow[]>();
        for (const e of events)
          byDelivery.set(e.delivery_id, [...(byDelivery.get(e.delivery_id) ?? []), e]);
        expect(byDelivery.size).toBe(DELIVERIES);

        let takeovers = 0;
        for (const row of rows) {
          const trail = byDelivery.get(row.id) ?? [];
          const sentEvents = trail.filter((e) => e.to_status === 'sent');
          expect(sentEvents).toHaveLength(1);
          // The last event is the sending, by whoever held the delivery then.
          const last = trail[trail.length - 1];
          const lastClaim = trail.filter((e) => e.to_status === 'claimed').pop();
          expect(last?.to_status).toBe('sent');
          expect(last?.by).toBe(lastClaim?.by);
          expect(row.sent_message_id).toBe(`${last?.by}-${row.id}`);
          // A claim never starts while the previous one's lease is running.
          const claims = trail.filter((e) => e.to_status === 'claimed');
          for (let i = 1; i < claims.length; i++) {
            const previous = claims[i - 1] as EventRow;
            const current = claims[i] as EventRow;
            expect(current.from_status).toBe('claimed');
            expect(Date.parse(current.at) - Date.parse(previous.at)).toBeGreaterThanOrEqual(
              LEASE_MS,
            );
            takeovers++;
          }
        }
        expect(takeovers).toBeGreaterThan(0);
      } finally {
        await test.drop();
      }
    },
  );
});
