import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

/** French number formatting uses narrow and no-break spaces; compare with plain ones. */
const plain = (texts: string[]) => texts.map((t) => t.replace(/[\u00a0\u202f]/g, ' '));

function fakeClock() {
  let t = 0;
  const now = () => t;
  return Object.assign(now, { advance: (ms: number) => (t += ms) });
}

describe('the progress display', () => {
  it('rewrites one terminal line, at most every 100 ms, and ends it', () => {
    const chunks: string[] = [];
    const clock = fakeClock();
    const progress = createProgress({ tty: true, write: (c) => chunks.push(c) }, 'Import', {
      now: clock,
    });
    progress.status('Lecture…');
    progress.update(0, 2000);
    progress.update(10, 2000); // too soon: not drawn
    clock.advance(150);
    progress.update(1234, 2000);
    progress.update(2000, 2000);
    progress.finish();
    expect(plain(chunks)).toEqual([
      '\r\x1b[2KLecture…',
      '\r\x1b[2KImport : 0 % (0 / 2 000)',
      '\r\x1b[2KImport : 62 % (1 234 / 2 000)',
      '\r\x1b[2KImport : 100 % (2 000 / 2 000)',
      '\n',
    ]);
  });

  it('prints a plain line every two seconds in a log, and nothing for a short task', () => {
    const lines: string[] = [];
    const clock = fakeClock();
    const progress = createProgress({ tty: false, line: (l) => lines.push(l) }, 'Export', {
      now: clock,
    });
    progress.status('Lecture…'); // a log keeps only counts
    progress.update(100, 1000);
    clock.advance(2100);
    progress.update(400, 1000);
    clock.advance(500);
    progress.update(600, 1000);
    progress.update(1000, 1000);
    progress.finish();
    expect(plain(lines)).toEqual(['Export : 40 % (400 / 1 000)', 'Export : 100 % (1 000 / 1 000)']);

    const quiet: string[] = [];
    const short = createProgress({ tty: false, line: (l) => quiet.push(l) }, 'Export', {
      now: fakeClock(),
    });
    short.update(1000, 1000);
    short.finish();
    expect(quiet).toEqual([]);
  });
});
