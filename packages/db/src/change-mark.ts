import type { Database } from './connection.ts';

/**
 * A mark that differs as soon as anything was written to the database since it was read, or
 * `undefined` where no such mark is cheap (PostgreSQL): then a reader must read again.
 *
 * On SQLite it joins two counters: `data_version`, which moves when another connection (the bot,
 * the `maille` command, another process) commits, and `total_changes()`, which moves with every
 * row this very connection writes (the API and the bot share it under `maille start`). A rolled
 * back write moves it too: a needless new read, never a stale one.
 *
 * @example
 * const mark = changeMark(database);
 * const before = mark();
 * // … later: unchanged, what was read from the database still holds
 * if (before !== undefined && mark() === before) reuse();
 */
export function changeMark(database: Database): () => string | undefined {
  const sqlite = database.sqlite;
  if (sqlite === undefined) return () => undefined;
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  const totalChanges = sqlite.prepare('select total_changes()').pluck();
  return () => `${dataVersion.get()}:${totalChanges.get()}`;
}
