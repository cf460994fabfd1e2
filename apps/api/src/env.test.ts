import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env.ts';

describe('readEnv', () => {
  it('has defaults for the port and the body limit', () => {
    expect(readEnv({})).toEqual({ PORT: 3000, BODY_LIMIT_BYTES: 1024 * 1024 });
    expect(readEnv({ PORT: '', DATABASE_URL: '' })).toEqual({
      PORT: 3000,
      BODY_LIMIT_BYTES: 1024 * 1024,
    });
  });

  it('reads the port, the database and the body limit', () => {
    expect(
      readEnv({
        PORT: '8080',
        DATABASE_URL: 'postgres://localhost/maille',
        DATABASE_SCHEMA: 'dronne',
        BODY_LIMIT_BYTES: '2048',
      }),
    ).toEqual({
      PORT: 8080,
      DATABASE_URL: 'postgres://localhost/maille',
      DATABASE_SCHEMA: 'dronne',
      BODY_LIMIT_BYTES: 2048,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT : un numéro de port/],
    [{ PORT: 'http' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/maille' }, /DATABASE_URL : adresse non reconnue/],
    [{ DATABASE_SCHEMA: 'Dronne-Belle' }, /DATABASE_SCHEMA : nom de schéma invalide/],
    [{ BODY_LIMIT_BYTES: '0' }, /BODY_LIMIT_BYTES/],
  ])('refuses %o in French', (source, message) => {
    expect(() => readEnv(source)).toThrow(EnvError);
    expect(() => readEnv(source)).toThrow(message);
  });
});
