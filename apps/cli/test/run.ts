import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { Database } from '@maille/db';
import { kernelAt } from '@maille/db/testing';
import type { Actor, UseCaseContext } from '@maille/domain/use-cases';
import { type MainOptions, main } from '../src/main.ts';

export const NOW = '2026-11-24T09:00:00.000Z';

/**
 * The kernel's context over a sandbox's database at `NOW`, to check what a command did as the
 * apps would: as the public (who holds a token or a code) unless told.
 */
export function kernelOver(database: Database, actor: Actor = { channel: 'api' }): UseCaseContext {
  return kernelAt(database, NOW, actor);
}

/** The options of `main`; `untilStopped` can read what the command has printed so far. */
export interface RunOptions extends Omit<MainOptions, 'untilStopped'> {
  untilStopped?: (out: () => string) => Promise<string>;
}

/** What one run of `maille` did. */
export interface Run {
  code: number;
  out: string;
  err: string;
}

/**
 * A folder of its own, the user's current folder for the command (INIT_CWD), holding a SQLite
 * database `maille.db` unless the environment names another.
 */
export interface Sandbox {
  folder: string;
  env: Record<string, string>;
  run(...argv: string[]): Promise<Run>;
  /** The same, with other settings or options. */
  runWith(options: RunOptions, ...argv: string[]): Promise<Run>;
  remove(): void;
}

export function sandbox(env: Record<string, string> = {}): Sandbox {
  const folder = mkdtempSync(join(tmpdir(), 'maille-cli-'));
  // `maille start` serves the API: on any free port, silently, and it stops as soon as it
  // has started unless a test says when (`untilStopped`).
  const base = {
    DATABASE_URL: join(folder, 'maille.db'),
    INIT_CWD: folder,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...env,
  };
  const runWith = async (options: RunOptions, ...argv: string[]): Promise<Run> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(
      argv,
      (line) => out.push(line),
      (line) => err.push(line),
      {
        now: () => NOW,
        // `maille start`'s console chat: nothing typed (it ends at once) unless a test says.
        chatInput: Readable.from([]),
        chatOutput: new Writable({
          write(chunk, _encoding, done) {
            out.push(String(chunk).replace(/\n$/, ''));
            done();
          },
        }),
        ...options,
        untilStopped: () =>
          options.untilStopped?.(() => out.join('\n')) ?? Promise.resolve('SIGTERM'),
        env: { ...base, ...options.env },
      },
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return {
    folder,
    env: base,
    run: (...argv) => runWith({}, ...argv),
    runWith,
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** No stack trace nor English error reached the user. */
export function noStackTrace(text: string): boolean {
  return !/\bat .*\.[jt]s:\d+|Error:|TypeError|SqliteError/.test(text);
}
