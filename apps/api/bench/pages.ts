import { execFileSync } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { type BenchRow, formatMs, writeBenchSection } from '@maille/bench';
import { openDatabase } from '@maille/db';
import { kernelAt } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import { issueSignInLink, signIn } from '@maille/domain/use-cases';
import { launchChromium } from '@maille/vitest-config/chromium';
import { SESSION_COOKIE } from '@maille/web';
import autocannon from 'autocannon';
import { LARGE_ROADMAP, prepareDatabase } from './large-database.ts';
import { API_FOLDER, ServerProcesses, startOptions } from './server-process.ts';

/*
 * The web workspace's heaviest pages, rendered by the server process `start` runs (the API's
 * bundle serves the pages on the same port), on a SQLite file holding the demo and a 200-action
 * roadmap (1 000 milestones, 400 funding lines) in La Rochelle's governance, signed in as its
 * coordinator: 20 users at once for each page (autocannon, RUNS runs of RUN_S s, the worst p99
 * kept), with the read models' cache the API and the pages share (2 s, the default) and without
 * it, one user at a time; the bytes a browser receives for each page and its stylesheet (gzip, as every browser
 * asks); and the governance page in the machine's Chromium, until its load event.
 */

const USERS = 20;
const RUN_S = 10;
const RUNS = 3;
const NOW = new Date().toISOString();
const LR = DEMO_IDS.laRochelle;
const PAGES = [
  [
    'Page de la gouvernance (ses deux feuilles de route, dont celle de 200 fiches)',
    `/gouvernances/${LR.governance}`,
  ],
  ['Page de la feuille de route de 200 fiches', `/feuilles-de-route/${LARGE_ROADMAP}`],
] as const;

const servers = new ServerProcesses();
const rows: BenchRow[] = [];
try {
  const databaseFile = join(servers.folder, 'maille.db');
  await prepareDatabase(databaseFile, NOW);
  const session = await openSession(databaseFile);
  execFileSync(process.execPath, ['--import', 'tsx', 'build.ts'], { cwd: API_FOLDER });
  const server = await servers.start('api', [...startOptions(), 'dist/server.mjs'], {
    DATABASE_URL: databaseFile,
    PORT: '0',
    LOG_LEVEL: 'info',
  });
  // The same server without the read models' cache: what one page costs to compute and render.
  const uncached = await servers.start('sans-cache', [...startOptions(), 'dist/server.mjs'], {
    DATABASE_URL: databaseFile,
    PORT: '0',
    LOG_LEVEL: 'info',
    READ_MODEL_CACHE_MS: '0',
  });
  const headers = {
    Cookie: `${SESSION_COOKIE}=${session}`,
    'Accept-Encoding': 'gzip, deflate, br',
  };

  for (const [what, path] of PAGES) {
    await load(`${server.url}${path}`, headers, 2); // the JIT and SQLite's page cache settle first
    const runs: autocannon.Result[] = [];
    for (let run = 0; run < RUNS; run += 1)
      runs.push(await load(`${server.url}${path}`, headers, RUN_S));
    const p99 = Math.max(...runs.map((r) => r.latency.p99));
    const refused = runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0);
    const rate = runs.map((r) => r.requests.average).sort((a, b) => a - b)[1] ?? 0;
    rows.push({
      what: `${what}, rendue par le serveur : ${USERS} utilisateurs à la fois (p99, la pire de ${RUNS} mesures de ${RUN_S} s)`,
      result: `${p99} ms (p50 ${runs[1]?.latency.p50} ms, ${Math.round(rate)} pages/s, ${refused} refus)`,
      target: 'p99 < 50 ms',
      met: p99 < 50 && refused === 0,
    });
    await autocannon({ url: `${uncached.url}${path}`, connections: 1, duration: 2, headers });
    const alone = await autocannon({
      url: `${uncached.url}${path}`,
      connections: 1,
      duration: 5,
      headers,
    });
    rows.push({
      what: `— la même calculée et rendue à chaque requête (cache des lectures coupé), un utilisateur à la fois`,
      result: `p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms`,
      target: 'mesuré',
      met: alone.non2xx + alone.errors === 0,
    });
    const page = await transferred(`${server.url}${path}`, headers);
    const stylesheet = await transferred(`${server.url}/maille.css`, headers);
    const total = page + stylesheet;
    rows.push({
      what: `— octets reçus par le navigateur, compressés : la page et sa feuille de style (rien d’autre n’est chargé)`,
      result: `${kib(total)} (page ${kib(page)}, style ${kib(stylesheet)})`,
      target: '< 100 Ko',
      met: total < 100 * 1000,
    });
  }

  const loads = await governanceInChromium(server.url, session);
  const median = loads.sort((a, b) => a - b)[Math.floor(loads.length / 2)] ?? Number.NaN;
  rows.push({
    what: `Page de la gouvernance dans Chromium (${process.platform}), de la navigation à l’événement load : médiane de ${loads.length} chargements après un premier`,
    result: `${formatMs(median)} (le plus lent ${formatMs(Math.max(...loads))})`,
    target: '< 1 s',
    met: Math.max(...loads) < 1000,
  });
  writeBenchSection('web-pages', 'Espace web : pages (@maille/web)', 'pnpm bench', rows);
} finally {
  servers.stop();
}

/** A session of the demo coordinator, as a sign-in link would open it. */
async function openSession(file: string): Promise<string> {
  const database = openDatabase({ url: file });
  try {
    const kernel = kernelAt(database, NOW);
    const { secret } = await issueSignInLink(kernel, { personId: LR.coordinator });
    const opened = await signIn(kernel, { link: secret });
    if (!opened) throw new Error('le lien de connexion du banc d’essai a été refusé');
    return opened.session;
  } finally {
    await database.close();
  }
}

function load(url: string, headers: Record<string, string>, duration: number) {
  return autocannon({ url, connections: USERS, duration, headers });
}

/** The bytes of a response's body as they travel (compressed), not as they are read. */
function transferred(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => resolve(bytes));
    })
      .on('error', reject)
      .end();
  });
}

/** Milliseconds from navigation to the load event, for 5 loads after a first unmeasured one. */
async function governanceInChromium(origin: string, session: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: SESSION_COOKIE, value: session, url: origin }]);
    const page = await context.newPage();
    const loads: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      await page.goto(`${origin}/gouvernances/${LR.governance}`, { waitUntil: 'load' });
      const ms = Number(
        await page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd"),
      );
      if (i > 0) loads.push(ms);
    }
    return loads;
  } finally {
    await browser.close();
  }
}

function kib(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} Ko`;
}
