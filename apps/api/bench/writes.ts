import { type ChildProcess, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BenchRow, writeBenchSection } from '@maille/bench';
import { type DialectName, seedDemo } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { createApiKey } from '@maille/domain/use-cases';
import autocannon from 'autocannon';
import { API_FOLDER, startServer } from './server.ts';

/*
 * The write users wait on: `POST /updates` (a progress note on the demo roadmap, signed with a
 * coordinator's API key) at 50 connections, against the server process `start` runs, on a SQLite
 * file and on this machine's PostgreSQL (TEST_DATABASE_URL for another).
 *
 * The machine is shared and its speed drifts: each figure is the median of RUNS runs, and the
 * server's CPU time per request (from /proc) is given beside it, steadier than the rate.
 *
 * `tsx bench/writes.ts [bundle…]` measures other builds of the server instead of a fresh
 * `dist/server.mjs` (e.g. one built before a change): their runs alternate, so each comparison is
 * made in the same minutes.
 */

const CONNECTIONS = 50;
const RUN_S = 10;
const RUNS = 3;
const NOW = new Date().toISOString();
const BODY = JSON.stringify({
  subject: { type: 'roadmap', id: DEMO_IDS.laRochelle.roadmap },
  kind: 'information',
  text: 'Point d’étape envoyé par le banc d’essai.',
});
/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_S = 100;

interface Run {
  rate: number;
  p50: number;
  p99: number;
  max: number;
  cpuMsPerRequest: number;
  refused: number;
}

const bundles = process.argv.slice(2).map((path) => resolve(path));
// Builds given on the command line are compared, not recorded in docs/benchmarks.md.
const compared = bundles.length > 0;
if (!compared) {
  execFileSync(process.execPath, ['--import', 'tsx', 'build.ts'], { cwd: API_FOLDER });
  bundles.push(join(API_FOLDER, 'dist', 'server.mjs'));
}

const folder = mkdtempSync(join(tmpdir(), 'maille-writes-bench-'));
const children: ChildProcess[] = [];
const databases: TestDatabase[] = [];
const rows: BenchRow[] = [];
try {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const servers = [];
    for (const [index, bundle] of bundles.entries()) {
      const name = `${dialect}-${index}`;
      const database = await prepareDatabase(dialect);
      const { child, ...started } = await startServer(folder, name, bundle, database.env);
      children.push(child);
      servers.push({ ...started, bundle, token: database.token, runs: [] as Run[] });
    }
    // The JIT, SQLite's page cache and PostgreSQL's pool settle first.
    for (const server of servers) await postUpdates(server.url, server.token, 2);
    for (let run = 0; run < RUNS; run += 1) {
      for (const server of servers) server.runs.push(await measuredRun(server));
    }
    for (const server of servers) {
      const label = compared ? ` [${server.bundle}]` : '';
      rows.push(...writeRows(dialect, server.runs, label));
    }
  }
  if (compared) {
    for (const row of rows) console.log(`${row.what} : ${row.result}`);
  } else {
    writeBenchSection('api-writes', 'API HTTP : écritures (@maille/api)', 'pnpm bench', rows);
  }
} finally {
  for (const child of children) child.kill('SIGKILL');
  for (const test of databases) await test.drop();
  rmSync(folder, { recursive: true, force: true });
}

/** A migrated database with the demo, and a coordinator's key; what the server needs to open it. */
async function prepareDatabase(dialect: DialectName) {
  const test = await openTestDatabase(dialect);
  databases.push(test);
  await seedDemo(test.database, NOW);
  const { token } = await createApiKey(kernelAt(test.database, NOW), {
    personId: DEMO_IDS.laRochelle.coordinator,
    label: 'Banc d’essai des écritures',
    instanceAdmin: false,
  });
  const env: Record<string, string> = { DATABASE_URL: test.url };
  if (test.schema !== undefined) env.DATABASE_SCHEMA = test.schema;
  return { token, env };
}

async function measuredRun(server: { url: string; pid: number; token: string }): Promise<Run> {
  const cpuBefore = cpuTicks(server.pid);
  const result = await postUpdates(server.url, server.token, RUN_S);
  const cpuMs = ((cpuTicks(server.pid) - cpuBefore) * 1000) / TICKS_PER_S;
  return {
    rate: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    cpuMsPerRequest: cpuMs / Math.max(1, result.requests.total),
    refused: result.non2xx + result.errors,
  };
}

function postUpdates(url: string, token: string, durationS: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/updates`,
    connections: CONNECTIONS,
    duration: durationS,
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: BODY,
  });
}

/** The user and system time a process has used so far, in clock ticks. */
function cpuTicks(pid: number): number {
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function writeRows(dialect: DialectName, runs: Run[], label: string): BenchRow[] {
  const median = (pick: (run: Run) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  const rate = median((run) => run.rate);
  const p99 = median((run) => run.p99);
  const refused = runs.reduce((sum, run) => sum + run.refused, 0);
  const name = dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const sqlite = dialect === 'sqlite';
  return [
    {
      what: `POST /updates sur ${name}${label} : un point d’étape par requête, clé d’API (${CONNECTIONS} connexions, médiane de ${RUNS} mesures de ${RUN_S} s)`,
      result: `${Math.round(rate).toLocaleString('fr-FR')} requêtes/s (p50 ${median((run) => run.p50)} ms, p99 ${p99} ms, max ${median((run) => run.max)} ms, ${refused} refus)`,
      target: sqlite ? '≥ 2 000 requêtes/s, p99 < 50 ms' : 'mesuré',
      met: refused === 0 && (!sqlite || (rate >= 2000 && p99 < 50)),
    },
    {
      what: `— temps processeur du serveur par requête (${name}${label})`,
      result: `${median((run) => run.cpuMsPerRequest).toFixed(3)} ms`,
      target: 'mesuré',
      met: true,
    },
  ];
}
