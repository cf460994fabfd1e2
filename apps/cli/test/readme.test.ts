import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Sandbox, sandbox } from './run.ts';

// The README's shell examples, pasted as a reader would, in its order and in one terminal, against
// a started instance (its own SQLite file, a free port).
const ROOT = new URL('../../../', import.meta.url).pathname;
const BLOCKS = [...readFileSync(join(ROOT, 'README.md'), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)]
  .map((match) => match[1] ?? '')
  // Not here, for reasons a reader shares: installing (this test runs in an installed clone),
  // Discord's token, and a PostgreSQL server reached with the README's example credentials.
  .filter((block) => !/npm install -g|DISCORD_TOKEN=|postgres:\/\//.test(block));
// A restore replaces the database: Maille must be stopped first, as the README says.
const RESTORE = BLOCKS.filter((block) => block.includes('maille restore'));
const WHILE_RUNNING = BLOCKS.filter((block) => !RESTORE.includes(block));

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

/**
 * Runs `blocks` in one bash, stopping at the first command that fails: a `pnpm maille` that exits
 * with an error, or a `curl` answered outside 2xx. Relative paths are the sandbox's; `pnpm` runs at
 * the root of the repository, as the README's commands do.
 */
function paste(blocks: string[], url = ''): Promise<{ code: number | null; output: string }> {
  const script = [
    'set -euo pipefail -x',
    `pnpm() { (cd '${ROOT}' && command pnpm "$@"); }`,
    'curl() { command curl --fail-with-body --silent --show-error "$@"; }',
    ...blocks.map((block) => block.replaceAll('http://localhost:3000', url)),
  ].join('\n');
  const child = spawn('bash', ['-c', script], {
    cwd: box.folder,
    env: { ...process.env, ...box.env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('the README’s shell examples', () => {
  it('all work when pasted on a fresh clone', async () => {
    expect(WHILE_RUNNING.join('\n')).toContain('http://localhost:3000/updates');
    expect(WHILE_RUNNING.join('\n')).toContain('pnpm maille cle creer');
    expect(RESTORE).toHaveLength(1);

    let pasted = { code: null as number | null, output: '' };
    const started = await box.runWith(
      {
        // The person stays in the chat while the examples run in another terminal.
        chatInput: new PassThrough(),
        untilStopped: async (printed) => {
          const url = /à l’écoute sur (http:\/\/\S+)/.exec(printed())?.[1] ?? '';
          pasted = await paste(WHILE_RUNNING, url);
          return 'SIGINT';
        },
      },
      'start',
    );
    expect(started.code).toBe(0);
    expect(pasted.output).toContain('"priority":"haute"');
    expect(pasted.code, pasted.output).toBe(0);

    const restored = await paste(RESTORE);
    expect(restored.output).toContain('Base restaurée depuis');
    expect(restored.code, restored.output).toBe(0);
  }, 180_000);
});
