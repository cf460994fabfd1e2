import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchRow, writeBenchSection } from '@maille/bench';
import { createApiKey, createStore, migrateToLatest, openDatabase, seedDemo } from '@maille/db';
import { DEMO_IDS } from '@maille/domain/demo';
import { buildLargeRoadmap } from '@maille/domain/testing';
import autocannon from 'autocannon';

/*
 * The API under load, with autocannon on loopback against the real server process (`src/server`)
 * on a SQLite file, beside a bare `node:http` server measured in the same run: the ratio of the
 * two says what Maille's layers cost on this machine, whatever its speed. Both servers and the
 * load generator share the machine's 2 cores, as they would on a small territory's one machine.
 */

const API_FOLDER = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 50;
const DURATION_S = 10;
const NOW = new Date().toISOString();
const LARGE_ROADMAP = 'rdm_lrcharge';
const CAPPED_HEAP_MIB = 128;

const folder = mkdtempSync(join(tmpdir(), 'maille-api-bench-'));
const children: ChildProcess[] = [];
try {
  const databaseFile = join(folder, 'maille.db');
  const token = await prepareDatabase(databaseFile);
  const hello = await startServer(['--import', 'tsx', 'bench/hello.ts'], {});
  const apiEnv = {
    DATABASE_URL: databaseFile,
    PORT: '0',
    // The limiter stays on the path (it counts every request) but never refuses one here.
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    LOG_LEVEL: 'info',
  };
  const api = await startServer(['--import', 'tsx', 'src/server.ts'], apiEnv);
  const auth = { Authorization: `Bearer ${token}` };

  const baseline = await load(`${hello.url}/`, {});
  const demoPath = `${api.url}/roadmaps/${DEMO_IDS.laRochelle.roadmap}/health`;
  const largePath = `${api.url}/roadmaps/${LARGE_ROADMAP}/health`;
  // Both roadmaps are adopted and public: read by the public (their public page) and by a
  // coordinator with a key (each request then checks the key in the database).
  const demoPublic = await load(demoPath, {});
  const demoHealth = await load(demoPath, auth);
  const largePublic = await load(largePath, {});
  const largeHealth = await load(largePath, auth);
  const posts = await load(`${api.url}/updates`, auth, {
    method: 'POST',
    body: JSON.stringify({
      subject: { type: 'roadmap', id: DEMO_IDS.laRochelle.roadmap },
      kind: 'information',
      text: 'Point d’étape envoyé par le banc d’essai.',
    }),
  });
  const peakMiB = peakMemoryMiB(api.child);
  api.child.kill('SIGKILL');
  // V8 grows its heap lazily while garbage is cheap to leave: the same load on a server whose
  // old generation is capped shows how much of that peak is live data and how much is slack.
  const capped = await startServer(
    [`--max-old-space-size=${CAPPED_HEAP_MIB}`, '--import', 'tsx', 'src/server.ts'],
    apiEnv,
  );
  const cappedLoad = await load(`${capped.url}/roadmaps/${LARGE_ROADMAP}/health`, {});
  const cappedPeakMiB = peakMemoryMiB(capped.child);

  const ratio = (result: autocannon.Result) => result.requests.average / baseline.requests.average;
  const rows: BenchRow[] = [
    {
      what: `Référence : node:http seul, « bonjour » en JSON (${CONNECTIONS} connexions, ${DURATION_S} s)`,
      result: `${rps(baseline)} (p99 ${baseline.latency.p99} ms)`,
      target: 'référence',
      met: baseline.non2xx === 0,
    },
    ...healthRows('de démonstration (La Rochelle, 6 fiches), sans clé', demoPublic),
    ...healthRows('de démonstration, avec clé', demoHealth),
    ...healthRows('de 200 fiches (1 000 jalons, 400 financements), sans clé', largePublic),
    ...healthRows('de 200 fiches, avec clé', largeHealth),
    {
      what: `POST /updates : un point d’étape publié par requête (${CONNECTIONS} connexions)`,
      result: `${rps(posts)} (p99 ${posts.latency.p99} ms, ${posts.non2xx} refus)`,
      target: 'mesuré',
      met: posts.non2xx === 0 && posts.errors === 0,
    },
    {
      what: 'Mémoire maximale du serveur de l’API pendant ces mesures (VmHWM), réglages de Node par défaut',
      result: `${peakMiB.toFixed(0)} Mio`,
      target: '< 200 Mio',
      met: peakMiB < 200,
    },
    {
      what: `— le même serveur avec --max-old-space-size=${CAPPED_HEAP_MIB}, sous la charge la plus lourde (santé de 200 fiches, sans clé)`,
      result: `${cappedPeakMiB.toFixed(0)} Mio (${rps(cappedLoad)})`,
      target: '< 200 Mio',
      met: cappedPeakMiB < 200 && cappedLoad.non2xx === 0,
    },
  ];
  writeBenchSection('api', 'API HTTP (@maille/api)', 'pnpm bench', rows);
  for (const row of rows) console.log(`${row.met ? '✔' : '✘'} ${row.what} : ${row.result}`);

  function healthRows(which: string, result: autocannon.Result): BenchRow[] {
    return [
      {
        what: `GET santé d’une feuille de route ${which} : débit rapporté à node:http seul`,
        result: `${ratio(result).toFixed(2)} (${rps(result)})`,
        target: '≥ 0,4',
        met: ratio(result) >= 0.4 && result.non2xx === 0,
      },
      {
        what: `— latence p99 à ${CONNECTIONS} connexions`,
        result: `${result.latency.p99} ms (médiane ${result.latency.p50} ms)`,
        target: '< 25 ms',
        met: result.latency.p99 < 25,
      },
    ];
  }
} finally {
  for (const child of children) child.kill('SIGKILL');
  rmSync(folder, { recursive: true, force: true });
}

/** Migrates and seeds the demo, adds a 200-action roadmap, and returns a coordinator's key. */
async function prepareDatabase(file: string): Promise<string> {
  const database = openDatabase({ url: file });
  try {
    const { error } = await migrateToLatest(database);
    if (error) throw error;
    await seedDemo(database, NOW);
    const ids = DEMO_IDS.laRochelle;
    const large = buildLargeRoadmap({
      governanceId: ids.governance,
      roadmapId: LARGE_ROADMAP,
      organizationIds: ['org_lrcdalr', 'org_lrville'],
      personIds: ['per_lrmoreau', 'per_lrgiraud', 'per_lrgautier', 'per_lrmarchand'],
      from: `${NOW.slice(0, 4)}-01-01`,
    });
    await createStore(database).transaction(async (repos) => {
      await repos.roadmaps.insert(large.roadmap);
      for (const action of large.actions) await repos.actions.insert(action);
      for (const milestone of large.milestones) await repos.milestones.insert(milestone);
      for (const line of large.fundingLines) await repos.fundingLines.insert(line);
      for (const update of large.updates) await repos.updates.insert(update);
    });
    const { token } = await createApiKey(database, {
      personId: ids.coordinator,
      label: 'Banc d’essai',
      instanceAdmin: false,
      now: NOW,
    });
    return token;
  } finally {
    await database.close();
  }
}

/** Starts a server process and resolves with its address once it says where it listens. */
function startServer(
  args: string[],
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    cwd: API_FOLDER,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const port = /(?:port |localhost:)(\d+)/.exec(output)?.[1];
      if (port) {
        // From now on the output is the request log: read and dropped, as a log collector would.
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, url: `http://127.0.0.1:${port}` });
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
}

async function load(
  url: string,
  headers: Record<string, string>,
  request: { method?: 'POST'; body?: string } = {},
): Promise<autocannon.Result> {
  const options = {
    url,
    connections: CONNECTIONS,
    headers: { ...headers, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
    ...(request.method ? { method: request.method } : {}),
    ...(request.body ? { body: request.body } : {}),
  };
  // A short warm-up first: the JIT and SQLite's page cache settle before the measured run.
  await autocannon({ ...options, duration: 2 });
  return autocannon({ ...options, duration: DURATION_S });
}

function rps(result: autocannon.Result): string {
  return `${Math.round(result.requests.average).toLocaleString('fr-FR')} requêtes/s`;
}

/** The resident memory high-water mark of a process, from Linux's /proc. */
function peakMemoryMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return kib / 1024;
}
