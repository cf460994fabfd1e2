/**
 * A progress display for long work (importing or exporting a large governance, a backup), on
 * stderr so that stdout stays clean for data. On a terminal, one line rewritten in place; in a
 * log or a pipe, a plain line now and then.
 */

import { formatCount, formatRatio } from './french.ts';

/** Where progress goes: a terminal that can rewrite its line, or a sink of whole lines. */
export type ProgressOutput =
  | { tty: true; write(chunk: string): void }
  | { tty: false; line(text: string): void };

export interface Progress {
  /** What is being done before counting starts ("Lecture…"); shown on a terminal only. */
  status(text: string): void;
  /** `done` of `total` units are through. Cheap to call often: drawing is throttled. */
  update(done: number, total: number): void;
  /** The work is over: the last state is shown, and the terminal line is ended. Once. */
  finish(): void;
}

export interface ProgressOptions {
  /** Milliseconds, monotonic; injected by tests. */
  now?: () => number;
  /** Least time between two redraws on a terminal. */
  ttyEveryMs?: number;
  /** Least time between two plain lines; the first one waits this long too. */
  linesEveryMs?: number;
}

/** "Import : 42 % (1 234 / 2 940)". */
export function progressText(label: string, done: number, total: number): string {
  const ratio = total > 0 ? Math.min(1, done / total) : 1;
  return `${label} : ${formatRatio(ratio)} (${formatCount(done)} / ${formatCount(total)})`;
}

/**
 * @example
 * const progress = createProgress({ tty: true, write: (s) => process.stderr.write(s) }, 'Import');
 * progress.update(500, 2000);
 * progress.finish();
 */
export function createProgress(
  output: ProgressOutput,
  label: string,
  { now = () => performance.now(), ttyEveryMs = 100, linesEveryMs = 2000 }: ProgressOptions = {},
): Progress {
  const started = now();
  let last: { done: number; total: number } | undefined;
  let shownAt = output.tty ? Number.NEGATIVE_INFINITY : started;
  let shown: string | undefined;
  let finished = false;

  const show = () => {
    if (!last) return;
    const text = progressText(label, last.done, last.total);
    if (text === shown) return;
    shown = text;
    shownAt = now();
    if (output.tty) output.write(`\r\x1b[2K${text}`);
    else output.line(text);
  };

  return {
    status(text) {
      if (!output.tty) return;
      shown = text;
      shownAt = Number.NEGATIVE_INFINITY;
      output.write(`\r\x1b[2K${text}`);
    },
    update(done, total) {
      last = { done, total };
      if (now() - shownAt >= (output.tty ? ttyEveryMs : linesEveryMs)) show();
    },
    finish() {
      if (finished) return;
      finished = true;
      // A short task that printed nothing in a log stays silent; a terminal shows where it ended.
      if (output.tty) {
        show();
        if (shown !== undefined) output.write('\n');
      } else if (shown !== undefined) {
        show();
      }
    },
  };
}
