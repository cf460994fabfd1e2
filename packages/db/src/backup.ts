import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { Database } from './connection.ts';
import { MIGRATIONS } from './migrations/index.ts';

/**
 * Backup and restore of the SQLite file. PostgreSQL has its own tools (`pg_dump`, `pg_restore`):
 * see the README.
 */

/** Why a backup or a restore was refused; `message` is French and meant for people. */
export class BackupError extends Error {
  constructor(
    message: string,
    /**
     * `invalid-file`: the file is not a sound SQLite database of Maille (or is the database
     * itself); `file-system`: a file or folder, named in the message, cannot be read or written
     * (missing folder, a folder where a file is expected, no permission, disk full); `in-use`:
     * the target database is open by a program; `unsupported`: not a SQLite database
     * (PostgreSQL, in memory).
     */
    readonly reason: 'invalid-file' | 'file-system' | 'in-use' | 'unsupported',
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
  if (database.file && isOwnFile(file, database.file)) {
    throw new BackupError(
      `La sauvegarde ne peut pas remplacer la base elle-même ni ses journaux (${basename(database.file)}-wal, -shm, -journal) : choisissez un autre fichier.`,
      'invalid-file',
    );
  }
  checkFolder(file, `Le dossier ${dirname(file)} n’existe pas.`);
  if (isDirectory(file)) {
    throw new BackupError(
      `${file} est un dossier : donnez le nom du fichier de sauvegarde.`,
      'file-system',
    );
  }
  const cannotWrite = (error: unknown) =>
    new BackupError(
      `Impossible d’écrire la sauvegarde ${file} : ${reasonOf(error)}.`,
      'file-system',
    );
  const partial = sideFile(file, 'sauvegarde');
  try {
    // Created here first: a folder that refuses it is the destination's fault, named as such.
    try {
      closeSync(openSync(partial, 'wx'));
    } catch (error) {
      throw cannotWrite(error);
    }
    let previous = Number.POSITIVE_INFINITY;
    let restarted = false;
    let result: { totalPages: number };
    try {
      result = await source.backup(partial, {
        progress(progress) {
          onProgress(progress);
          // Another connection wrote meanwhile and SQLite started over: copy the rest in one
          // step, or a steady stream of writes would restart the copy for ever.
          if (progress.remainingPages > previous) restarted = true;
          previous = progress.remainingPages;
          return restarted ? progress.totalPages : PAGES_PER_STEP;
        },
      });
    } catch (error) {
      if (isWriteFailure(error)) throw cannotWrite(error);
      throw error;
    }
    onProgress({ totalPages: result.totalPages, remainingPages: 0 });
    makeSelfContained(partial, file);
    const problem = integrityProblem(partial);
    if (problem) {
      throw new BackupError(
        `La copie ne passe pas le contrôle d’intégrité (${problem}) : elle a été supprimée.`,
        'invalid-file',
      );
    }
    try {
      renameSync(partial, file);
    } catch (error) {
      throw cannotWrite(error);
    }
    return { file, pages: result.totalPages };
  } finally {
    removeWithJournals(partial);
  }
}

/** What a test may ask of `restoreSqlite`. */
export interface RestoreHooks {
  /** Called while the target is locked, just before the backup is renamed over it. */
  whileLocked?: () => void;
}

/**
 * Replaces the SQLite database `targetFile` by the backup `backupFile`:
 *
 * 1. the backup is copied beside the target, checked with `PRAGMA integrity_check`, and must be a
 *    database of this Maille (its first migration applied, none unknown to this version);
 * 2. the target is taken over: refused at once while a program has it open (stop the API and the
 *    bot first), else locked (`BEGIN EXCLUSIVE`) — a program arriving now waits;
 * 3. still locked, the database it replaces is kept beside it under a name of its own
 *    (`….avant-restauration-<instant>[-n]`, never overwriting an earlier one), and the checked copy
 *    is renamed over the target in one step; then the lock is released.
 *
 * Any refusal leaves the target untouched. File-system failures name the file or folder at fault.
 *
 * @example
 * const { previous } = await restoreSqlite('maille-2026-11-24.db', './data/maille.db');
 */
export async function restoreSqlite(
  backupFile: string,
  targetFile: string,
  now: Date = new Date(),
  hooks: RestoreHooks = {},
): Promise<{ file: string; previous?: string }> {
  const backup = resolve(backupFile);
  const target = resolve(targetFile);
  if (isOwnFile(backup, target)) {
    throw new BackupError(
      'La sauvegarde et la base à remplacer sont le même fichier.',
      'invalid-file',
    );
  }
  checkBackupFile(backup);
  checkFolder(target, `Le dossier ${dirname(target)} de la base à remplacer n’existe pas.`);
  if (isDirectory(target)) {
    throw new BackupError(`La base à remplacer ${target} est un dossier.`, 'file-system');
  }
  const incoming = sideFile(target, 'restauration');
  try {
    try {
      closeSync(openSync(incoming, 'wx'));
      copyFileSync(backup, incoming);
    } catch (error) {
      throw new BackupError(
        `Impossible d’écrire dans le dossier ${dirname(target)} de la base à remplacer : ${reasonOf(error)}.`,
        'file-system',
      );
    }
    makeSelfContained(incoming, backup);
    const problem = integrityProblem(incoming);
    if (problem) {
      throw new BackupError(
        `${backup} ne passe pas le contrôle d’intégrité (${problem}) : rien n’a été restauré.`,
        'invalid-file',
      );
    }
    checkMailleDatabase(incoming, backup);
    if (!existsSync(target)) {
      swap(incoming, target);
      return { file: target };
    }
    const lock = takeOver(target);
    try {
      const previous = keepPrevious(lock, target, now);
      hooks.whileLocked?.();
      try {
        swap(incoming, target);
      } catch (error) {
        // The target is still the old database: the kept name would only be a duplicate.
        rmSync(previous, { force: true });
        throw error;
      }
      return { file: target, previous };
    } finally {
      release(lock);
    }
  } finally {
    removeWithJournals(incoming);
  }
}

/** Renames the checked copy over `target`, and drops the old database's WAL files. */
function swap(incoming: string, target: string): void {
  try {
    renameSync(incoming, target);
  } catch (error) {
    throw new BackupError(`Impossible de remplacer ${target} : ${reasonOf(error)}.`, 'file-system');
  }
  for (const stale of [`${target}-wal`, `${target}-shm`]) rmSync(stale, { force: true });
}

/** The backup to restore must be a readable file, not a folder nor a database in use. */
function checkBackupFile(backup: string): void {
  if (!existsSync(backup)) throw new BackupError(`Fichier introuvable : ${backup}`, 'invalid-file');
  if (isDirectory(backup)) {
    throw new BackupError(`${backup} est un dossier, pas une sauvegarde.`, 'file-system');
  }
  try {
    closeSync(openSync(backup, 'r'));
  } catch (error) {
    throw new BackupError(`Impossible de lire ${backup} : ${reasonOf(error)}.`, 'file-system');
  }
  if (existsSync(`${backup}-wal`)) {
    throw new BackupError(
      `${backup} a un journal ${basename(backup)}-wal à côté : c’est une base en cours d’utilisation, pas une sauvegarde faite par « maille backup ».`,
      'invalid-file',
    );
  }
}

/**
 * Refuses a SQLite file that is not a database of this Maille: it must have applied the first
 * migration, and no migration this version does not know (a later Maille's, or a renamed one).
 */
function checkMailleDatabase(file: string, shownAs: string): void {
  const known = Object.keys(MIGRATIONS).sort();
  let applied: string[] = [];
  const connection = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection
      .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get();
    if (table) {
      const rows = connection.prepare('select name from kysely_migration').all();
      applied = (rows as { name: unknown }[]).map((row) => String(row.name));
    }
  } catch {
    // A table of that name but not kysely's: not Maille's either.
  } finally {
    connection.close();
  }
  if (!applied.includes(known[0] as string)) {
    throw new BackupError(
      `${shownAs} n’est pas une base de Maille (la migration ${known[0]} n’y a jamais été appliquée) : rien n’a été restauré.`,
      'invalid-file',
    );
  }
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `${shownAs} vient d’une autre version de Maille (migrations inconnues de celle-ci : ${unknown.join(', ')}) : restaurez-la avec cette version-là. Rien n’a été restauré.`,
      'invalid-file',
    );
  }
}

/** A hidden temporary name beside `file`, on the same file system so a rename is atomic. */
function sideFile(file: string, purpose: string): string {
  return join(dirname(file), `.${basename(file)}.${purpose}-${randomBytes(4).toString('hex')}`);
}

/** Removes a temporary file and its journals, quietly: it may never have been created. */
function removeWithJournals(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Its folder is not one (ENOTDIR) or cannot be written: nothing was left there.
    }
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
 * Makes sure no connection has `target` open, folds its WAL into the file, and locks it
 * (`BEGIN EXCLUSIVE`) until `release`. Leaving WAL needs every other connection closed, so the
 * switch fails at once (no busy wait) while a program — this one included — holds the database.
 * The returned connection holds the lock: nothing in this process may open and close the target
 * file itself meanwhile, or POSIX would release the lock with it (hence `keepPrevious` links).
 */
function takeOver(target: string): SqliteDatabase.Database {
  let connection: SqliteDatabase.Database | undefined;
  try {
    connection = new SqliteDatabase(target, { fileMustExist: true });
    connection.pragma('busy_timeout = 0');
    const mode = connection.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
    // A reader finishing its query may hold the file a moment: wait that long, no more.
    connection.pragma('busy_timeout = 1000');
    connection.exec('begin exclusive');
    return connection;
  } catch (error) {
    connection?.close();
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
  }
}

function release(connection: SqliteDatabase.Database): void {
  try {
    if (connection.inTransaction) connection.exec('rollback');
  } finally {
    connection.close();
  }
}

/**
 * Keeps the locked database `target` as `<target>.avant-restauration-<instant>`, or `…-2`, `…-3`
 * when that name is taken: an earlier kept database is never overwritten. A hard link (the file
 * is not opened, so the lock holds, and nothing is copied); where the file system has none, a
 * copy read through the locked connection, written with an exclusive create.
 */
function keepPrevious(lock: SqliteDatabase.Database, target: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '');
  let contents: Buffer | undefined;
  for (let n = 1; ; n++) {
    const name = `${target}.avant-restauration-${stamp}${n === 1 ? '' : `-${n}`}`;
    try {
      if (contents) writeFileSync(name, contents, { flag: 'wx' });
      else linkSync(target, name);
      return name;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'EEXIST') continue;
      if (
        !contents &&
        ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK'].includes(String(code))
      ) {
        contents = lock.serialize();
        n--;
        continue;
      }
      throw new BackupError(
        `Impossible de garder l’ancienne base dans ${name} : ${reasonOf(error)}. Rien n’a été restauré.`,
        'file-system',
      );
    }
  }
}

/** Whether `file` is `database` or one of its journals (`-wal`, `-shm`, `-journal`). */
function isOwnFile(file: string, database: string): boolean {
  const candidate = canonical(file);
  const own = canonical(database);
  return [own, `${own}-wal`, `${own}-shm`, `${own}-journal`].includes(candidate);
}

/** The path with its folder's symbolic links resolved, when the folder exists. */
function canonical(file: string): string {
  try {
    return join(realpathSync(dirname(file)), basename(file));
  } catch {
    return resolve(file);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Refuses a file whose folder is missing; a folder that is in fact a file fails on writing. */
function checkFolder(file: string, message: string): void {
  if (!existsSync(dirname(file))) throw new BackupError(message, 'file-system');
}

/** Whether an error of SQLite's online backup comes from writing its destination. */
function isWriteFailure(error: unknown): boolean {
  const code = String((error as { code?: unknown }).code ?? '');
  return (
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_IOERR') ||
    code === 'SQLITE_FULL' ||
    code === 'SQLITE_PERM'
  );
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
    case 'ENOTDIR':
      return 'son chemin passe par un fichier, pas par un dossier';
    case 'EROFS':
    case 'SQLITE_READONLY':
      return 'le disque est en lecture seule';
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return 'le disque est plein';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
