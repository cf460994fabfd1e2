import { performance } from 'node:perf_hooks';
import type { Timing } from '@maille/bench';

/**
 * `measure` of `@maille/bench` for asynchronous work (every storage call is): `warmup` runs
 * unmeasured, then `runs` measured ones, one after the other; `work` gets the run's number.
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
  samples.sort((a, b) => a - b);
  return {
    runs,
    medianMs: samples[Math.floor(samples.length / 2)] ?? Number.NaN,
    minMs: samples[0] ?? Number.NaN,
    maxMs: samples[samples.length - 1] ?? Number.NaN,
  };
}

/** How long `work` takes, once. */
export async function timeOnce<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}
