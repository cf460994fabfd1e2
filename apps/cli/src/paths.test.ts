import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env.ts';
import { DEFAULT_DATABASE_FILE, databaseUrl, REPOSITORY_ROOT, userPath } from './paths.ts';

describe('where the command reads and writes', () => {
  it('keeps the default database at the repository’s root, whatever the current folder', () => {
    expect(existsSync(join(REPOSITORY_ROOT, 'pnpm-workspace.yaml'))).toBe(true);
    expect(DEFAULT_DATABASE_FILE).toBe(join(REPOSITORY_ROOT, 'data', 'maille.db'));
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
    expect(readEnv({ DATABASE_URL: '', DATABASE_SCHEMA: '' })).toEqual({});
    expect(() => readEnv({ DATABASE_URL: 'mysql://maille@db/maille' })).toThrow(
      'Réglage invalide dans l’environnement : DATABASE_URL — postgres://…',
    );
  });
});
