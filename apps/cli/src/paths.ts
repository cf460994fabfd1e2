import { isAbsolute, resolve } from 'node:path';
import { DEFAULT_SQLITE_FILE, isPostgresUrl } from '@maille/db';
import type { Env } from './env.ts';

/** The default database: `data/maille.db` at the repository's root, shared by every app. */
export const DEFAULT_DATABASE_FILE = DEFAULT_SQLITE_FILE;

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
  if (isPostgresUrl(url) || url === ':memory:') return url;
  return userPath(env, url.replace(/^file:/, ''));
}
