import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { writeBenchSection } from '@maille/bench';

/*
 * The main job at rest, as a person starts it: `pnpm start` at the root (the build, then the API,
 * the bot in the terminal and the dispatcher), its own SQLite file, any free port. Ten seconds
 * after it says how to stop, the memory of every process it runs is read from /proc: VmRSS
 * summed (pages shared between processes, such as Node's own code, count once per process) and
 * PSS (shared pages split between them). Three runs; the median is kept.
 */

const ROOT = new URL('../../../', import.meta.url).pathname;
const RUNS = 3;
const AT_REST_MS = 10_000;
const TARGET_MIB = 200;

interface Usage {
  pid: number;
  command: string;
  rssKiB: number;
  pssKiB: number;
}

/** `pid` and every process below it. */
function tree(pid: number): number[] {
  const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8')
      .split(' ')
      .filter((child) => child !== '')
      .map(Number),
  );
  return [pid, ...children.flatMap(tree)];
}

function usage(pid: number): Usage {
  const field = (text: string, name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
  return {
    pid,
    // The program and what it runs, without its options: `node /usr/bin/pnpm`.
    command: readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '' && !arg.startsWith('-'))
      .slice(0, 2)
      .join(' '),
    rssKiB: field(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS'),
    pssKiB: field(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss'),
  };
}

async function measureOnce(): Promise<Usage[]> {
  const folder = mkdtempSync(join(tmpdir(), 'maille-start-'));
  const child = spawn('pnpm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: join(folder, 'maille.db'), PORT: '0' },
    // The chat's input stays open, as a terminal's does.
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const ended = new Promise((resolve) => child.on('close', resolve));
  try {
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Arrêt : Ctrl+C')) resolve();
      });
      child.on('close', () => reject(new Error(`pnpm start ended early:\n${output}`)));
    });
    await sleep(AT_REST_MS);
    return tree(child.pid as number).map(usage);
  } finally {
    process.kill(-(child.pid as number), 'SIGINT');
    await ended;
    rmSync(folder, { recursive: true, force: true });
  }
}

const mib = (kib: number) => Math.round(kib / 1024);
const runs: Usage[][] = [];
for (let run = 0; run < RUNS; run += 1) runs.push(await measureOnce());
const total = (processes: Usage[], key: 'rssKiB' | 'pssKiB') =>
  processes.reduce((sum, p) => sum + p[key], 0);
runs.sort((a, b) => total(a, 'rssKiB') - total(b, 'rssKiB'));
const median = runs[Math.floor(RUNS / 2)] ?? [];
const rss = mib(total(median, 'rssKiB'));
const each = median.map((p) => `${p.command.replace(ROOT, '')} ${mib(p.rssKiB)} Mio`).join(' ; ');

writeBenchSection('cli-start', 'Le travail principal (pnpm start)', 'pnpm bench', [
  {
    what: `Mémoire de \`pnpm start\` au repos (API, bot dans le terminal, répartiteur des rappels), ${AT_REST_MS / 1000} s après le démarrage : somme des VmRSS de tous ses processus (médiane de ${RUNS} lancements)`,
    result: `${rss} Mio (de ${mib(total(runs[0] ?? [], 'rssKiB'))} à ${mib(total(runs.at(-1) ?? [], 'rssKiB'))} ; ${median.length} processus : ${each} ; PSS ${mib(total(median, 'pssKiB'))} Mio)`,
    target: `< ${TARGET_MIB} Mio`,
    met: rss < TARGET_MIB,
  },
]);
