import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from './connection.ts';

/**
 * Backup and restore of the SQLite file. PostgreSQL has its own tools (`pg_dump`, `pg_restore`):
 * see the README.
 */

/** Why a backup or a restore was refused; `message` is French and meant for people. */
export class BackupError extends Error {
  constructor(
    message: string,
    /**
     * `invalid-file`: the file is not a sound SQLite database; `in-use`: the target database is
     * open by a program; `unsupported`: not a SQLite database (PostgreSQL, in memory).
     */
    readonly reason: 'invalid-file' | 'in-use' | 'unsupported',
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** How far a backup has gone, in database pages. */
export interface BackupProgress {
  totalPages: number;
  remainingPages: number;
}

// Pages copied per step (4 MiB with SQLite's default page size): the event loop breathes between
// steps, so a progress display stays alive.
const PAGES_PER_STEP = 1024;

/**
 * Copies the open SQLite database to `destination` while other connections and processes keep
 * writing: SQLite's online backup. The copy is then made self-contained (no `-wal` beside it),
 * opened read-only and checked with `PRAGMA integrity_check`; if it is not sound it is deleted.
 * The file appears under its name only once checked.
 *
 * @example
 * await backupSqlite(database, '/srv/sauvegardes/maille-2026-11-24.db');
 */
export async function backupSqlite(
  database: Database,
  destination: string,
  onProgress: (progress: BackupProgress) => void = () => {},
): Promise<{ file: string; pages: number }> {
  const source = database.sqlite;
  if (database.dialect !== 'sqlite' || !source || database.file === ':memory:') {
    throw new BackupError(
      'Cette sauvegarde ne concerne que SQLite. Pour PostgreSQL, utilisez pg_dump (voir le README).',
      'unsupported',
    );
  }
  const file = resolve(destination);
  if (database.file && file === resolve(database.file)) {
    throw new BackupError('La sauvegarde ne peut pas remplacer la base elle-même.', 'invalid-file');
  }
  if (!existsSync(dirname(file))) {
    throw new BackupError(`Le dossier ${dirname(file)} n’existe pas.`, 'invalid-file');
  }
  const partial = sideFile(file, 'sauvegarde');
  try {
    let previous = Number.POSITIVE_INFINITY;
    let restarted = false;
    const result = await source.backup(partial, {
      progress(progress) {
        onProgress(progress);
        // Another connection wrote meanwhile and SQLite started over: copy the rest in one step,
        // or a steady stream of writes would restart the copy for ever.
        if (progress.remainingPages > previous) restarted = true;
        previous = progress.remainingPages;
        return restarted ? progress.totalPages : PAGES_PER_STEP;
      },
    });
    onProgress({ totalPages: result.totalPages, remainingPages: 0 });
    makeSelfContained(partial);
    const problem = integrityProblem(partial);
    if (problem) {
      throw new BackupError(
        `La copie ne passe pas le contrôle d’intégrité (${problem}) : elle a été supprimée.`,
        'invalid-file',
      );
    }
    renameSync(partial, file);
    return { file, pages: result.totalPages };
  } finally {
    removeWithJournals(partial);
  }
}

/**
 * Replaces the SQLite database `targetFile` by the backup `backupFile`. The backup is copied beside
 * the target, checked with `PRAGMA integrity_check`, then renamed over the target in one step; the
 * database it replaces is kept beside it (`….avant-restauration-…`). Refused while a program has
 * the target open (stop the API and the bot first), and for a file that is not a sound SQLite
 * database — the target is then left untouched.
 *
 * @example
 * const { previous } = await restoreSqlite('maille-2026-11-24.db', './data/maille.db');
 */
export async function restoreSqlite(
  backupFile: string,
  targetFile: string,
  now: Date = new Date(),
): Promise<{ file: string; previous?: string }> {
  const backup = resolve(backupFile);
  const target = resolve(targetFile);
  if (backup === target) {
    throw new BackupError(
      'La sauvegarde et la base à remplacer sont le même fichier.',
      'invalid-file',
    );
  }
  if (!existsSync(backup)) throw new BackupError(`Fichier introuvable : ${backup}`, 'invalid-file');
  if (existsSync(`${backup}-wal`)) {
    throw new BackupError(
      `${backup} a un journal ${basename(backup)}-wal à côté : c’est une base en cours d’utilisation, pas une sauvegarde faite par « maille backup ».`,
      'invalid-file',
    );
  }
  const incoming = sideFile(target, 'restauration');
  try {
    try {
      copyFileSync(backup, incoming);
    } catch (error) {
      throw new BackupError(`Impossible de lire ${backup} : ${reasonOf(error)}.`, 'invalid-file');
    }
    makeSelfContained(incoming, backup);
    const problem = integrityProblem(incoming);
    if (problem) {
      throw new BackupError(
        `${backup} ne passe pas le contrôle d’intégrité (${problem}) : rien n’a été restauré.`,
        'invalid-file',
      );
    }
    let previous: string | undefined;
    if (existsSync(target)) {
      takeOver(target);
      previous = `${target}.avant-restauration-${now.toISOString().replace(/[-:]|\.\d+/g, '')}`;
      copyFileSync(target, previous);
    }
    renameSync(incoming, target);
    for (const stale of [`${target}-wal`, `${target}-shm`]) rmSync(stale, { force: true });
    return { file: target, ...(previous ? { previous } : {}) };
  } finally {
    removeWithJournals(incoming);
  }
}

/** A hidden temporary name beside `file`, on the same file system so a rename is atomic. */
function sideFile(file: string, purpose: string): string {
  return join(dirname(file), `.${basename(file)}.${purpose}-${randomBytes(4).toString('hex')}`);
}

function removeWithJournals(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    rmSync(path, { force: true });
  }
}

/**
 * Switches a copy from WAL to a rollback journal, so the one file holds everything and opens
 * read-only anywhere. Also the first test that the file is SQLite at all.
 */
function makeSelfContained(file: string, shownAs = file): void {
  let connection: SqliteDatabase.Database | undefined;
  try {
    connection = new SqliteDatabase(file, { fileMustExist: true });
    connection.pragma('journal_mode = DELETE');
  } catch (error) {
    throw new BackupError(
      `${shownAs} n’est pas une base SQLite lisible (${reasonOf(error)}).`,
      'invalid-file',
    );
  } finally {
    connection?.close();
  }
}

/** `undefined` when `PRAGMA integrity_check` says "ok" on a read-only connection, else why not. */
function integrityProblem(file: string): string | undefined {
  let connection: SqliteDatabase.Database | undefined;
  try {
    connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const rows = connection.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((row) => row.integrity_check);
    if (messages.length === 1 && messages[0] === 'ok') return undefined;
    return messages.slice(0, 3).join(' ; ');
  } catch (error) {
    return reasonOf(error);
  } finally {
    connection?.close();
  }
}

/**
 * Makes sure no connection has `target` open, then folds its WAL into the file. Leaving WAL needs
 * every other connection closed, so the switch fails at once (no busy wait) while a program — this
 * one included — holds the database.
 */
function takeOver(target: string): void {
  let connection: SqliteDatabase.Database | undefined;
  try {
    connection = new SqliteDatabase(target, { fileMustExist: true });
    connection.pragma('busy_timeout = 0');
    const mode = connection.pragma('journal_mode = DELETE', { simple: true });
    // A database already out of WAL: an exclusive lock is the test instead.
    connection.exec('begin exclusive; rollback;');
    if (mode !== 'delete') throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
      throw new BackupError(
        `La base ${target} est ouverte par un programme (le serveur, le bot, une autre commande maille) : arrêtez-le, puis recommencez la restauration.`,
        'in-use',
      );
    }
    throw new BackupError(
      `La base à remplacer ${target} est illisible (${reasonOf(error)}) : déplacez-la vous-même, puis recommencez.`,
      'invalid-file',
    );
  } finally {
    connection?.close();
  }
}

/** SQLite's and Node's reasons in French where they are common, else as they are. */
function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'ce n’est pas un fichier SQLite';
    case 'SQLITE_CORRUPT':
      return 'le fichier est endommagé';
    case 'SQLITE_CANTOPEN':
    case 'ENOENT':
      return 'fichier introuvable ou inaccessible';
    case 'EACCES':
    case 'EPERM':
      return 'accès refusé';
    case 'EISDIR':
      return 'c’est un dossier';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
