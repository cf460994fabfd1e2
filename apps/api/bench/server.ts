import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const API_FOLDER = fileURLToPath(new URL('..', import.meta.url));

/**
 * Starts the server as `pnpm --filter @maille/api start` does (its V8 settings, read from the
 * script), and resolves with its address once it says where it listens. Its log goes to
 * `<folder>/<name>.log`.
 */
export async function startServer(
  folder: string,
  name: string,
  bundle: string,
  env: Record<string, string>,
): Promise<{ url: string; pid: number; child: ChildProcess; logFile: string }> {
  const logFile = join(folder, `${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, [...nodeOptions(), bundle], {
    cwd: API_FOLDER,
    env: {
      ...process.env,
      ...env,
      PORT: '0',
      // The limiter stays on the path (it counts every request) but never refuses one here.
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  for (;;) {
    const output = readFileSync(logFile, 'utf8');
    const port = /(?:port |localhost:)(\d+)/.exec(output)?.[1];
    if (port && child.pid !== undefined) {
      return { url: `http://127.0.0.1:${port}`, pid: child.pid, child, logFile };
    }
    if (exited !== undefined) throw new Error(`server exited (${exited}): ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The Node options of the `start` script, before the bundle. */
function nodeOptions(): string[] {
  const manifest = JSON.parse(readFileSync(join(API_FOLDER, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const command = manifest.scripts.start.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  if (command[0] !== 'node') throw new Error(`start ne lance pas node : ${manifest.scripts.start}`);
  return command.slice(1, -1);
}
