import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// What a person sees at the root of the repository: `pnpm start` and `pnpm maille …`, through
// pnpm itself, with only Maille's French on the terminal.
const ROOT = new URL('../../../', import.meta.url).pathname;

let folder: string;
/** The process groups started by a test: a failed test must not leave `pnpm start` running. */
const groups: number[] = [];
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'maille-pnpm-'));
});
afterEach(() => {
  for (const pid of groups.splice(0)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone: the test's run ended.
    }
  }
  rmSync(folder, { recursive: true, force: true });
});

interface Finished {
  code: number | null;
  output: string;
}

/** Runs `pnpm …` at the root in a process group of its own, as a terminal runs a command. */
function pnpm(args: string[], whenPrinted?: { text: string; act: (pid: number) => void }) {
  const child = spawn('pnpm', args, {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: join(folder, 'maille.db'), PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  groups.push(child.pid as number);
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (whenPrinted && output.includes(whenPrinted.text)) {
      const { act } = whenPrinted;
      whenPrinted = undefined;
      act(child.pid as number);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise<Finished>((resolve) => {
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('pnpm start', () => {
  it('stops on Ctrl+C with exit code 0 and no word from pnpm', async () => {
    const run = await pnpm(['start'], {
      text: 'Arrêt : Ctrl+C',
      // Ctrl+C signals the whole foreground group: pnpm and Maille both receive it.
      act: (pid) => process.kill(-pid, 'SIGINT'),
    });
    expect(run.output).toContain('Arrêt demandé (SIGINT)');
    expect(run.output.trim().split('\n').at(-1)).toBe('Maille est arrêtée.');
    expect(run.output).not.toMatch(/ELIFECYCLE|Command failed/);
    expect(run.code).toBe(0);
  }, 120_000);
});

describe('pnpm maille', () => {
  it('fails with Maille’s exit code and French message only', async () => {
    const run = await pnpm(['maille', 'export', 'gov_inconnue']);
    expect(run.code).toBe(4);
    expect(run.output.trim()).toBe(
      `Erreur : La base ${join(folder, 'maille.db')} n’existe pas : vérifiez DATABASE_URL, ou lancez d’abord « maille migrate up » pour la créer.`,
    );
  }, 60_000);
});
