import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The API package's folder, where `start` runs. */
export const API_FOLDER = fileURLToPath(new URL('..', import.meta.url));

/**
 * The Node options `pnpm --filter @maille/api start` gives the server (its V8 settings), read
 * from the script itself, so that a bench measures the server as it runs.
 */
export function startOptions(): string[] {
  const manifest = JSON.parse(readFileSync(join(API_FOLDER, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const command = manifest.scripts.start.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  if (command[0] !== 'node') throw new Error(`start ne lance pas node : ${manifest.scripts.start}`);
  return command.slice(1, -1);
}

/** A bench's server processes and their logs, in a temporary folder; `stop` ends them all. */
export class ServerProcesses {
  readonly folder = mkdtempSync(join(tmpdir(), 'maille-api-bench-'));
  readonly #children: ChildProcess[] = [];

  /**
   * Starts `node args…` and resolves with its address once it says where it listens. Its output
   * (for the API, one log line per request) goes to `<name>.log`, as to a log collector: read by
   * the bench, which also generates the load, it would slow the client down.
   */
  async start(
    name: string,
    args: string[],
    env: Record<string, string>,
  ): Promise<{ child: ChildProcess; pid: number; url: string }> {
    const logFile = this.logOf(name);
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, args, {
      cwd: API_FOLDER,
      env: { ...process.env, ...env },
      stdio: ['ignore', log, 'inherit'],
    });
    closeSync(log);
    this.#children.push(child);
    let exited: number | null | undefined;
    child.once('exit', (code) => {
      exited = code;
    });
    for (;;) {
      const output = readFileSync(logFile, 'utf8');
      const port = /(?:port |localhost:)(\d+)/.exec(output)?.[1];
      if (port && child.pid !== undefined)
        return { child, pid: child.pid, url: `http://127.0.0.1:${port}` };
      if (exited !== undefined) throw new Error(`server exited (${exited}): ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  logOf(name: string): string {
    return join(this.folder, `${name}.log`);
  }

  stop(): void {
    for (const child of this.#children) child.kill('SIGKILL');
    rmSync(this.folder, { recursive: true, force: true });
  }
}
