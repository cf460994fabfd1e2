import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { describe, expect, it } from 'vitest';
import { sandbox } from './run.ts';

// kysely is @maille/db's dependency, not the command's: borrowed for a few statements of set-up.
const { sql } = createRequire(new URL('../../../packages/db/package.json', import.meta.url))(
  'kysely',
) as { sql: { raw(text: string): { execute(db: unknown): Promise<unknown> } } };

/** This machine's PostgreSQL (trust auth, database `test`), as in @maille/db's tests. */
const POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

describe('maille on PostgreSQL (DATABASE_URL)', () => {
  it('migrates into a schema of its own, seeds the demo and exports a governance', async () => {
    const schema = `cli_${randomBytes(6).toString('hex')}`;
    const box = sandbox({ DATABASE_URL: POSTGRES_URL, DATABASE_SCHEMA: schema });
    try {
      const up = await box.run('migrate', 'up');
      expect(up.code).toBe(0);
      expect(up.out).toContain(`${POSTGRES_URL}, schéma ${schema} (PostgreSQL)`);
      expect(up.out).toContain('Migration appliquée : 2026-11-24T0600-initial');

      expect((await box.run('seed', '--demo')).out).toContain('Démonstration ajoutée');
      expect((await box.run('seed', '--demo')).out).toContain('déjà dans la base');

      const exported = await box.run(
        'export',
        DEMO_IDS.dronneEtBelle.governance,
        '--fichier',
        'dronne.json',
      );
      expect(exported.code).toBe(0);
      const document = JSON.parse(readFileSync(join(box.folder, 'dronne.json'), 'utf8'));
      expect(document.governance.id).toBe(DEMO_IDS.dronneEtBelle.governance);
      expect(document.roadmaps).toHaveLength(1);

      const start = await box.run('start');
      expect(start.code).toBe(0);
      expect(start.out).toContain('Démonstration déjà présente');
      expect(start.out).toContain('Dronne et Belle');

      const backup = await box.run('backup', 'copie.db');
      expect(backup.code).toBe(2);
      expect(backup.err).toContain('pg_dump');
    } finally {
      box.remove();
      const admin = openDatabase({ url: POSTGRES_URL, poolSize: 1 });
      await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.close();
    }
  });

  it('explains in French, with exit code 4, what a user without rights may not do', async () => {
    const suffix = randomBytes(6).toString('hex');
    const role = `cli_sans_droits_${suffix}`;
    const schema = `cli_${suffix}`;
    const admin = openDatabase({ url: POSTGRES_URL, poolSize: 1 });
    // Generated names, safe to write into the statements.
    await sql.raw(`create role ${role} login`).execute(admin.db);
    await sql.raw(`create schema ${schema}`).execute(admin.db);
    const url = POSTGRES_URL.replace('postgres@', `${role}@`);
    const box = sandbox({ DATABASE_URL: url, DATABASE_SCHEMA: schema });
    try {
      const up = await box.run('migrate', 'up');
      expect(up.code).toBe(4);
      expect(up.err).toBe(
        `Erreur : PostgreSQL refuse cette opération à l’utilisateur de DATABASE_URL (${url}) : droits insuffisants. Donnez-lui les droits sur la base et le schéma (GRANT), ou utilisez un autre utilisateur.`,
      );
    } finally {
      box.remove();
      await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await sql.raw(`drop role if exists ${role}`).execute(admin.db);
      await admin.close();
    }
  });
});
