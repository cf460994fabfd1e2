import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A tiny benchmark harness: run a function several times, keep the median, and write the results
 * into `docs/benchmarks.md` with the command and the machine. Benchmarks are never unit tests:
 * timing on a shared 2-core machine varies, so figures are reported, not asserted.
 */

export interface Timing {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/** Runs `work` `warmup` times unmeasured, then `runs` times measured. */
export function measure(work: () => unknown, { runs = 10, warmup = 2 } = {}): Timing {
  for (let i = 0; i < warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * `measure` for asynchronous work (every storage call is): `warmup` runs unmeasured, then `runs`
 * measured ones, one after the other; `work` gets the run's number.
 */
export async function measureAsync(
  work: (run: number) => Promise<unknown>,
  { runs = 10, warmup = 2 } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work(warmup + i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/** How long `work` takes, once. */
export async function timeOnce<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function summarize(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  return {
    runs: samples.length,
    medianMs: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
    minMs: samples[0] ?? Number.NaN,
    maxMs: samples[samples.length - 1] ?? Number.NaN,
  };
}

/** One line of a results table. */
export interface BenchRow {
  what: string;
  /** The measured figure, formatted with its unit (`312 ms`, `0.42 ms`). */
  result: string;
  /** The target from the issue, formatted (`< 1 s`). */
  target: string;
  met: boolean;
}

/** Formats milliseconds for a table: `0.042 ms`, `12.3 ms`, `1.24 s`. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function machineDescription(): string {
  const cpu = cpus();
  const model = cpu[0]?.model.trim() ?? 'processeur inconnu';
  const memoryGiB = Math.round(totalmem() / 1024 ** 3);
  return `${cpu.length} cœurs (${model}), ${memoryGiB} Gio, Node ${process.version}, ${process.platform}/${process.arch}`;
}

function repositoryRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found above the current folder');
    dir = parent;
  }
  return dir;
}

/**
 * Writes (or replaces) one section of `docs/benchmarks.md`, between markers named after
 * `section`, so each package owns its part of the file and reruns do not pile up.
 */
export function writeBenchSection(
  section: string,
  title: string,
  command: string,
  rows: BenchRow[],
): void {
  const file = join(repositoryRoot(process.cwd()), 'docs', 'benchmarks.md');
  const start = `<!-- bench:${section}:start -->`;
  const end = `<!-- bench:${section}:end -->`;
  const body = [
    start,
    `## ${title}`,
    '',
    `Commande : \`${command}\` — mesuré le ${new Date().toISOString().slice(0, 10)} sur ${machineDescription()}.`,
    '',
    '| Mesure | Résultat | Cible | Atteinte |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.result} | ${r.target} | ${r.met ? 'oui' : 'non'} |`),
    end,
  ].join('\n');
  const header = '# Mesures de performance\n\nChaque section est réécrite par `pnpm bench`.\n';
  const current = existsSync(file) ? readFileSync(file, 'utf8') : header;
  const startAt = current.indexOf(start);
  const endAt = current.indexOf(end);
  const next =
    startAt >= 0 && endAt > startAt
      ? current.slice(0, startAt) + body + current.slice(endAt + end.length)
      : `${current.trimEnd()}\n\n${body}\n`;
  writeFileSync(file, next);
  for (const row of rows)
    console.log(`${row.met ? '✔' : '✘'} ${row.what} : ${row.result} (cible ${row.target})`);
}
