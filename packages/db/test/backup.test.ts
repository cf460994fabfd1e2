import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyPragmas,
  backupSqlite,
  migrationStatus,
  openDatabase,
  restoreSqlite,
} from '../src/index.ts';
import { openTestDatabase, type TestDatabase } from './dialects.ts';

let test: TestDatabase;
let folder: string;
beforeEach(async () => {
  test = await openTestDatabase('sqlite');
  folder = mkdtempSync(join(tmpdir(), 'maille-backup-'));
});
afterEach(async () => {
  await test.drop();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * A folder nobody may write in: a read-only one of our own, or `/sys` for root (who writes
 * everywhere else).
 */
function unwritableFolder(): string {
  if (process.getuid?.() === 0) return '/sys';
  const locked = join(folder, 'verrouille');
  mkdirSync(locked);
  chmodSync(locked, 0o500);
  return locked;
}

/** Fills the database with enough audit events (about 8 MB) that a backup takes many steps. */
async function fill(count: number): Promise<void> {
  const raw = new SqliteDatabase(test.url);
  applyPragmas(raw);
  const insert = raw.prepare(
    "insert into audit_events (id, governance_id, entity, entity_id, at, data) values (?, null, 'essai', 'x', '2026-11-24T09:00:00.000Z', ?)",
  );
  raw.transaction(() => {
    for (let i = 0; i < count; i++)
      insert.run(`aud_${String(i).padStart(8, '0')}`, 'x'.repeat(800));
  })();
  raw.close();
}

async function countEvents(url: string): Promise<number> {
  const database = openDatabase({ url });
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from audit_events`.execute(
      database.db,
    );
    return Number(rows[0]?.n);
  } finally {
    await database.close();
  }
}

describe('backup and restore of SQLite', () => {
  it('copy a database another connection keeps writing to, and restore it to a working database', async () => {
    await fill(30_000);
    // Another connection (as the API or the bot would be) inserts rows all along the backup.
    const writer = new SqliteDatabase(test.url);
    applyPragmas(writer);
    const insert = writer.prepare(
      "insert into audit_events (id, governance_id, entity, entity_id, at, data) values (?, null, 'essai', 'y', '2026-11-24T09:00:00.000Z', '{}')",
    );
    let written = 0;
    let writing = true;
    const loop = () => {
      if (!writing) return;
      insert.run(`aud_w${String(written++).padStart(8, '0')}`);
      setImmediate(loop);
    };
    loop();
    const steps: number[] = [];
    const copy = join(folder, 'sauvegarde.db');
    try {
      await backupSqlite(test.database, copy, (p) => steps.push(p.remainingPages));
    } finally {
      writing = false;
      writer.close();
    }
    // The writer's rows went in between the backup's steps, not only before or after.
    expect(written).toBeGreaterThan(3);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.at(-1)).toBe(0);

    const check = new SqliteDatabase(copy, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    // One self-contained file: no -wal needed beside it.
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();

    const restored = await restoreSqlite(copy, join(folder, 'maille.db'));
    expect(restored.previous).toBeUndefined();
    const copied = await countEvents(restored.file);
    expect(copied).toBeGreaterThanOrEqual(30_000);
    expect(copied).toBeLessThanOrEqual(30_000 + written);
    const database = openDatabase({ url: restored.file });
    try {
      expect((await migrationStatus(database)).every((m) => m.executedAt)).toBe(true);
      await sql`insert into erasure_lock (holder) values ('essai')`.execute(database.db);
    } finally {
      await database.close();
    }
  });

  it('replace an existing database and keep the one it replaces beside it', async () => {
    await fill(10);
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);
    const target = join(folder, 'maille.db');
    const other = openDatabase({ url: target });
    await sql`create table autre (x integer)`.execute(other.db);
    await other.close();

    const { previous } = await restoreSqlite(copy, target, new Date('2026-11-24T09:00:00Z'));
    expect(previous).toBe(`${target}.avant-restauration-20261124T090000.000Z`);
    expect(await countEvents(target)).toBe(10);
    const kept = new SqliteDatabase(previous as string, { readonly: true });
    expect(kept.prepare("select name from sqlite_master where name = 'autre'").get()).toBeTruthy();
    kept.close();
  });

  it('refuse a file that is not SQLite, in French, and leave the target untouched', async () => {
    const target = join(folder, 'maille.db');
    await backupSqlite(test.database, target);
    const before = readFileSync(target);
    const notSqlite = join(folder, 'notes.txt');
    writeFileSync(notSqlite, 'Ceci est un compte rendu, pas une base.\n'.repeat(200));
    await expect(restoreSqlite(notSqlite, target)).rejects.toMatchObject({
      name: 'BackupError',
      reason: 'invalid-file',
      message: expect.stringMatching(
        /n’est pas une base SQLite lisible \(ce n’est pas un fichier SQLite\)/,
      ),
    });
    await expect(restoreSqlite(join(folder, 'absent.db'), target)).rejects.toThrow(
      /Fichier introuvable/,
    );
    expect(readFileSync(target).equals(before)).toBe(true);
  });

  it('keep every replaced database under a name of its own, never overwriting a kept one', async () => {
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);
    const target = join(folder, 'maille.db');
    const other = openDatabase({ url: target });
    await sql`create table premiere (x integer)`.execute(other.db);
    await other.close();
    const now = new Date('2026-11-24T09:00:00.123Z');

    const first = await restoreSqlite(copy, target, now);
    const kept = readFileSync(first.previous as string);
    // The same instant again (two restores in one millisecond, or a clock set back).
    const second = await restoreSqlite(copy, target, now);
    const third = await restoreSqlite(copy, target, now);
    expect(first.previous).toBe(`${target}.avant-restauration-20261124T090000.123Z`);
    expect(second.previous).toBe(`${target}.avant-restauration-20261124T090000.123Z-2`);
    expect(third.previous).toBe(`${target}.avant-restauration-20261124T090000.123Z-3`);
    expect(readFileSync(first.previous as string).equals(kept)).toBe(true);
    const check = new SqliteDatabase(first.previous as string, { readonly: true });
    expect(
      check.prepare("select name from sqlite_master where name = 'premiere'").get(),
    ).toBeTruthy();
    check.close();
  });

  it('hold the target locked from the check to the swap, so no program opens it halfway', async () => {
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);
    const target = join(folder, 'maille.db');
    await backupSqlite(test.database, target);
    let seen: string | undefined;
    await restoreSqlite(copy, target, new Date(), {
      whileLocked: () => {
        // Another program arriving now waits for the lock instead of reading the old file.
        const late = new SqliteDatabase(target);
        try {
          late.pragma('busy_timeout = 0');
          late.prepare('select count(*) from sqlite_master').get();
          seen = 'lu';
        } catch (error) {
          seen = (error as { code?: string }).code;
        } finally {
          late.close();
        }
      },
    });
    expect(seen).toBe('SQLITE_BUSY');
    expect(await countEvents(target)).toBe(0);
  });

  it('refuse a SQLite file that is not a Maille database, before touching anything', async () => {
    const target = join(folder, 'maille.db');
    await backupSqlite(test.database, target);
    const before = readFileSync(target);

    const foreign = join(folder, 'autre-logiciel.db');
    const raw = new SqliteDatabase(foreign);
    raw.exec('create table notes (texte text)');
    raw.close();
    await expect(restoreSqlite(foreign, target)).rejects.toMatchObject({
      name: 'BackupError',
      reason: 'invalid-file',
      message: expect.stringContaining(`${foreign} n’est pas une base de Maille`),
    });

    // The bookkeeping table without the first migration: not Maille's either.
    const half = join(folder, 'entamee.db');
    const empty = new SqliteDatabase(half);
    empty.exec('create table kysely_migration (name varchar(255) primary key, timestamp text)');
    empty.close();
    await expect(restoreSqlite(half, target)).rejects.toMatchObject({
      reason: 'invalid-file',
      message: expect.stringContaining('n’est pas une base de Maille'),
    });

    // Made by a later Maille: a migration this one does not know.
    const newer = join(folder, 'plus-recente.db');
    await backupSqlite(test.database, newer);
    const bump = new SqliteDatabase(newer);
    bump
      .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
      .run('2099-01-01T0000-futur', '2099-01-01T00:00:00.000Z');
    bump.close();
    await expect(restoreSqlite(newer, target)).rejects.toMatchObject({
      reason: 'invalid-file',
      message: expect.stringContaining('2099-01-01T0000-futur'),
    });

    expect(readFileSync(target).equals(before)).toBe(true);
    // Nothing left behind: no temporary copy, no kept database.
    expect(readdirSync(folder).sort()).toEqual(
      ['autre-logiciel.db', 'entamee.db', 'maille.db', 'plus-recente.db'].sort(),
    );
  });

  it('name the destination of a backup that cannot be written there, and refuse the database’s own files', async () => {
    const asFolder = join(folder, 'dossier.db');
    mkdirSync(asFolder);
    await expect(backupSqlite(test.database, asFolder)).rejects.toMatchObject({
      name: 'BackupError',
      reason: 'file-system',
      message: `${asFolder} est un dossier : donnez le nom du fichier de sauvegarde.`,
    });

    const notAFolder = join(folder, 'notes.txt');
    writeFileSync(notAFolder, 'texte');
    const under = join(notAFolder, 'copie.db');
    await expect(backupSqlite(test.database, under)).rejects.toMatchObject({
      reason: 'file-system',
      message: expect.stringContaining(`Impossible d’écrire la sauvegarde ${under}`),
    });

    const locked = unwritableFolder();
    const denied = join(locked, 'copie.db');
    await expect(backupSqlite(test.database, denied)).rejects.toMatchObject({
      reason: 'file-system',
      message: `Impossible d’écrire la sauvegarde ${denied} : accès refusé.`,
    });

    const missing = join(folder, 'absent', 'copie.db');
    await expect(backupSqlite(test.database, missing)).rejects.toMatchObject({
      reason: 'file-system',
      message: `Le dossier ${join(folder, 'absent')} n’existe pas.`,
    });

    for (const own of ['', '-wal', '-shm', '-journal']) {
      await expect(backupSqlite(test.database, `${test.url}${own}`)).rejects.toMatchObject({
        reason: 'invalid-file',
        message: expect.stringContaining('ne peut pas remplacer la base elle-même'),
      });
    }
    expect(existsSync(`${test.url}-journal`)).toBe(false);
    expect(await countEvents(test.url)).toBe(0);
  });

  it('name the file at fault when a restore meets the file system', async () => {
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);

    const asFolder = join(folder, 'dossier.db');
    mkdirSync(asFolder);
    await expect(restoreSqlite(asFolder, join(folder, 'maille.db'))).rejects.toMatchObject({
      reason: 'file-system',
      message: `${asFolder} est un dossier, pas une sauvegarde.`,
    });
    await expect(restoreSqlite(copy, asFolder)).rejects.toMatchObject({
      reason: 'file-system',
      message: `La base à remplacer ${asFolder} est un dossier.`,
    });

    const missing = join(folder, 'absent', 'maille.db');
    await expect(restoreSqlite(copy, missing)).rejects.toMatchObject({
      reason: 'file-system',
      message: `Le dossier ${join(folder, 'absent')} de la base à remplacer n’existe pas.`,
    });

    const locked = unwritableFolder();
    await expect(restoreSqlite(copy, join(locked, 'maille.db'))).rejects.toMatchObject({
      reason: 'file-system',
      message: `Impossible d’écrire dans le dossier ${locked} de la base à remplacer : accès refusé.`,
    });
  });

  it('refuse a damaged backup', async () => {
    await fill(2_000);
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);
    // Scribble over pages in the middle of the file: the b-trees no longer hold together.
    const bytes = readFileSync(copy);
    bytes.fill(0x5a, 40 * 4096, 60 * 4096);
    writeFileSync(copy, bytes);
    const target = join(folder, 'maille.db');
    await expect(restoreSqlite(copy, target)).rejects.toMatchObject({
      reason: 'invalid-file',
      message: expect.stringMatching(/contrôle d’intégrité|endommagé/),
    });
  });

  it('refuse to restore over a database a program has open', async () => {
    const copy = join(folder, 'sauvegarde.db');
    await backupSqlite(test.database, copy);
    await expect(restoreSqlite(copy, test.url)).rejects.toMatchObject({
      reason: 'in-use',
      message: expect.stringMatching(/est ouverte par un programme/),
    });
    expect(await countEvents(test.url)).toBe(0);
  });

  it('refuse a PostgreSQL database, pointing to pg_dump', async () => {
    const postgres = await openTestDatabase('postgres', { migrate: false });
    try {
      await expect(backupSqlite(postgres.database, join(folder, 'x.db'))).rejects.toMatchObject({
        reason: 'unsupported',
        message: expect.stringContaining('pg_dump'),
      });
    } finally {
      await postgres.drop();
    }
  });
});
