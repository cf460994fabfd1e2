import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Env } from './env.ts';

/**
 * The repository's root, found from this file's place (apps/cli/src). The default database lives
 * under it, so `pnpm start`, `pnpm maille …` and the command run from any folder all use the same
 * file.
 */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** `./data/maille.db` at the repository's root. */
export const DEFAULT_DATABASE_FILE = resolve(REPOSITORY_ROOT, 'data', 'maille.db');

/**
 * A path typed by the user, resolved from the folder they typed the command in: pnpm runs the
 * command from the package's folder but passes the original one as `INIT_CWD`.
 */
export function userPath(env: Env, path: string): string {
  return isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path);
}

/** The database the command works on: `DATABASE_URL`, or the default SQLite file. */
export function databaseUrl(env: Env): string {
  const url = env.DATABASE_URL;
  if (!url) return DEFAULT_DATABASE_FILE;
  if (/^postgres(ql)?:\/\//.test(url) || url === ':memory:') return url;
  return userPath(env, url.replace(/^file:/, ''));
}
