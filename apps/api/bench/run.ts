import { type ChildProcess, execFileSync } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BenchRow, writeBenchSection } from '@maille/bench';
import { DEMO_IDS } from '@maille/demo';
import autocannon from 'autocannon';
import { LARGE_ROADMAP, prepareDatabase } from './large-database.ts';
import { API_FOLDER, ServerProcesses, startOptions } from './server-process.ts';

/*
 * The API under load, with autocannon on loopback against the real server process — the bundle
 * `pnpm --filter @maille/api start` runs (`dist/server.mjs`) — on a SQLite file, beside a bare
 * `node:http` server measured in the same run: the ratio of the two says what Maille's layers
 * cost on this machine, whatever its speed. Both servers and the load generator share the
 * machine's 2 cores, as they would on a small territory's one machine.
 *
 * This machine's speed drifts from one minute to the next (a shared host): each read is measured
 * in ROUNDS rounds, each a run of the bare server then a run of the API, and the median of the
 * rounds' ratios is kept. Requests say `Accept-Encoding: gzip, deflate, br`, as every browser
 * does (the API answers in gzip, through Hono's `compress`); the same read without compression is
 * measured too, for information. Every request goes through Hono: the read models' cache keeps
 * their JSON and its gzip form.
 */

const CONNECTIONS = 50;
const ROUND_S = 4;
const ROUNDS = 5;
const NOW = new Date().toISOString();
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };

const servers = new ServerProcesses();
try {
  const databaseFile = join(servers.folder, 'maille.db');
  const token = await prepareDatabase(databaseFile, NOW);
  execFileSync(process.execPath, ['--import', 'tsx', 'build.ts'], { cwd: API_FOLDER });
  const hello = await servers.start('hello', ['--import', 'tsx', 'bench/hello.ts'], {});
  const apiOptions = startOptions();
  const api = await servers.start('api', [...apiOptions, 'dist/server.mjs'], {
    DATABASE_URL: databaseFile,
    PORT: '0',
    // The limiter stays on the path (it counts every request) but never refuses one here.
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    LOG_LEVEL: 'info',
  });
  const auth = { Authorization: `Bearer ${token}` };
  const demoPath = `${api.url}/roadmaps/${DEMO_IDS.laRochelle.roadmap}/health`;
  const largePath = `${api.url}/roadmaps/${LARGE_ROADMAP}/health`;

  /** The median ratio of ROUNDS rounds (bare server, then the API), and the worst p99. */
  async function againstBare(url: string, headers: Record<string, string>) {
    await load(url, headers, 2); // the JIT and SQLite's page cache settle first
    const rounds: { ratio: number; result: autocannon.Result; bare: autocannon.Result }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const bare = await load(`${hello.url}/`, {}, ROUND_S);
      const result = await load(url, headers, ROUND_S);
      rounds.push({ ratio: result.requests.average / bare.requests.average, result, bare });
    }
    rounds.sort((a, b) => a.ratio - b.ratio);
    const median = rounds[Math.floor(rounds.length / 2)] as (typeof rounds)[number];
    return {
      ...median,
      worstP99: Math.max(...rounds.map((round) => round.result.latency.p99)),
      refused: rounds.reduce((sum, round) => sum + round.result.non2xx + round.result.errors, 0),
    };
  }

  // Both roadmaps are adopted and public: read by the public (their public page) and by a
  // coordinator with a key.
  const demoPublic = await againstBare(demoPath, BROWSER);
  const demoKeyed = await againstBare(demoPath, { ...BROWSER, ...auth });
  const largePublic = await againstBare(largePath, BROWSER);
  const largeKeyed = await againstBare(largePath, { ...BROWSER, ...auth });
  const largeIdentity = await againstBare(largePath, auth);
  // Writes empty the read models' cache (their figure is `bench/writes.ts`'s).
  await load(`${api.url}/updates`, auth, 10, {
    method: 'POST',
    body: JSON.stringify({
      subject: { type: 'roadmap', id: DEMO_IDS.laRochelle.roadmap },
      kind: 'information',
      text: 'Point d’étape envoyé par le banc d’essai.',
    }),
  });
  // Reads again once the writes have emptied the caches: the heaviest moment for memory.
  await load(largePath, auth, ROUND_S);
  const peakMiB = peakMemoryMiB(api.child);
  const logLines = await lineCount(servers.logOf('api'));

  const rows: BenchRow[] = [
    ...healthRows('de démonstration (La Rochelle, 6 fiches), sans clé', demoPublic),
    ...healthRows('de démonstration, avec clé', demoKeyed),
    ...healthRows('de 200 fiches (1 000 jalons, 400 financements), sans clé', largePublic),
    ...healthRows('de 200 fiches, avec clé', largeKeyed),
    {
      what: `— la même, avec clé, pour un client qui n’accepte aucune compression (${kib(largeIdentity.result)} par réponse) : débit rapporté à node:http seul`,
      result: `${largeIdentity.ratio.toFixed(2)} (${rps(largeIdentity.result)}, p99 ${largeIdentity.worstP99} ms)`,
      target: 'mesuré',
      met: largeIdentity.refused === 0,
    },
    {
      what: `Mémoire maximale du serveur de l’API pendant toutes ces mesures (VmHWM), lancé comme par \`start\` (node ${apiOptions.join(' ')})`,
      result: `${peakMiB.toFixed(0)} Mio`,
      target: '< 200 Mio',
      met: peakMiB < 200,
    },
    {
      what: 'Journal de l’API pendant ces mesures : une ligne JSON par requête, écrite dans un fichier (comme vers un collecteur, hors du processus qui génère la charge)',
      result: `${logLines.toLocaleString('fr-FR')} lignes`,
      target: 'mesuré',
      met: logLines > 0,
    },
  ];
  writeBenchSection('api', 'API HTTP (@maille/api)', 'pnpm bench', rows);
  for (const row of rows) console.log(`${row.met ? '✔' : '✘'} ${row.what} : ${row.result}`);

  function healthRows(
    which: string,
    measured: Awaited<ReturnType<typeof againstBare>>,
  ): BenchRow[] {
    const { ratio, result, bare } = measured;
    return [
      {
        what: `GET santé d’une feuille de route ${which}, compressée (${kib(result)} par réponse) : débit rapporté à node:http seul (médiane de ${ROUNDS} manches de ${ROUND_S} s, ${CONNECTIONS} connexions)`,
        result: `${ratio.toFixed(2)} (${rps(result)} ; node:http seul : ${rps(bare)})`,
        target: '≥ 0,3',
        met: ratio >= 0.3 && measured.refused === 0,
      },
      {
        what: `— latence p99 à ${CONNECTIONS} connexions (la pire des manches)`,
        result: `${measured.worstP99} ms (médiane ${result.latency.p50} ms)`,
        target: '< 25 ms',
        met: measured.worstP99 < 25,
      },
    ];
  }
} finally {
  servers.stop();
}

/** The lines of a file too large to hold as one string (the API's log reaches gigabytes here). */
async function lineCount(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines += 1;
  }
  return lines;
}

async function load(
  url: string,
  headers: Record<string, string>,
  durationS: number,
  request: { method?: 'POST'; body?: string } = {},
): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: durationS,
    headers: { ...headers, ...(request.body ? { 'Content-Type': 'application/json' } : {}) },
    ...(request.method ? { method: request.method } : {}),
    ...(request.body ? { body: request.body } : {}),
    setupClient: countBodiesWithoutReading,
  });
}

/**
 * autocannon 8 appends every answer's body to a JavaScript string (`req.body += chunk`), for
 * checks this bench does not ask for. For a compressed answer it decodes binary bytes as UTF-8,
 * and that costs the load generator more than the server spends answering (a few KB of
 * compressed JSON from a bare node:http server dropped from 30 000 to 9 000 answers/s here). A browser never
 * does that (it decompresses, then parses). The generator still reads every byte from the socket
 * and counts it (the throughput), and every status; only that string is skipped, for the bare
 * servers and the API alike.
 */
function countBodiesWithoutReading(client: autocannon.Client): void {
  (
    client as unknown as { pipelinedRequests: { addBody(chunk: Buffer): void } }
  ).pipelinedRequests.addBody = () => {};
}

/** The mean size of an answer, headers included, in kibibytes. */
function kib(result: autocannon.Result): string {
  const bytes = result.throughput.total / Math.max(1, result.requests.total);
  return `${(bytes / 1024).toFixed(1).replace('.', ',')} Kio`;
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
