import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { databaseLocation, isPostgres } from './context.ts';
import { readEnv } from './env.ts';
import { DEFAULT_DATABASE_FILE, databaseUrl, userPath } from './paths.ts';

describe('where the command reads and writes', () => {
  it('keeps the default database at the repository’s root, whatever the current folder', () => {
    // `<repository root>/data/maille.db`: the root is the folder holding pnpm-workspace.yaml.
    const root = dirname(dirname(DEFAULT_DATABASE_FILE));
    expect(DEFAULT_DATABASE_FILE).toBe(join(root, 'data', 'maille.db'));
    expect(existsSync(join(root, 'pnpm-workspace.yaml'))).toBe(true);
    expect(existsSync(join(root, 'apps', 'cli', 'src', 'paths.ts'))).toBe(true);
    expect(databaseUrl(readEnv({ INIT_CWD: '/ailleurs' }))).toBe(DEFAULT_DATABASE_FILE);
  });

  it('resolves the user’s relative paths from the folder they typed the command in', () => {
    const env = readEnv({ INIT_CWD: '/home/coordination', DATABASE_URL: 'file:bases/test.db' });
    expect(userPath(env, 'export.json')).toBe('/home/coordination/export.json');
    expect(userPath(env, '/tmp/export.json')).toBe('/tmp/export.json');
    expect(databaseUrl(env)).toBe('/home/coordination/bases/test.db');
    const postgres = readEnv({ DATABASE_URL: 'postgres://maille@db/maille' });
    expect(databaseUrl(postgres)).toBe('postgres://maille@db/maille');
  });

  it('treats an empty setting as absent, and refuses a database it cannot open', () => {
    const env = readEnv({ DATABASE_URL: '', DATABASE_SCHEMA: '', PORT: '' });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATABASE_SCHEMA).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(() => readEnv({ DATABASE_URL: 'mysql://maille@db/maille' })).toThrow(
      'Réglage invalide dans l’environnement : DATABASE_URL — postgres://…',
    );
  });

  it('tells PostgreSQL from SQLite by @maille/db’s rule alone (isPostgresUrl)', () => {
    // A copy of the rule in the command would drift from the one that opens the database.
    const here = dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(here, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    expect(sources).toContain('context.ts');
    for (const file of sources) {
      expect(readFileSync(join(here, file), 'utf8'), file).not.toMatch(/postgres\(ql\)/);
    }
    const env = readEnv({ DATABASE_URL: 'postgresql://maille:secret@db/maille' });
    expect(isPostgres(env)).toBe(true);
    expect(databaseLocation(env)).toBe('postgresql://maille:***@db/maille');
    expect(isPostgres(readEnv({ DATABASE_URL: 'file:postgres.db', INIT_CWD: '/srv' }))).toBe(false);
    expect(() => readEnv({ DATABASE_URL: 'POSTGRES://db/maille' })).toThrow('DATABASE_URL');
  });
});
