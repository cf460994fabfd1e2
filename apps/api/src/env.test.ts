import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env.ts';

describe('readEnv', () => {
  const DEFAULTS = {
    PORT: 3000,
    BODY_LIMIT_BYTES: 1024 * 1024,
    RATE_LIMIT_PER_MINUTE: 600,
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: 120,
    TRUST_PROXY: 0,
    CORS_ORIGINS: [],
    READ_MODEL_CACHE_MS: 2000,
    API_KEY_CACHE_MS: 5000,
    CHROMIUM_PATH: '/usr/bin/chromium',
    LOG_LEVEL: 'info',
  };

  it('has defaults for everything but the database', () => {
    expect(readEnv({})).toEqual(DEFAULTS);
    expect(readEnv({ PORT: '', DATABASE_URL: '', CORS_ORIGINS: '', TRUST_PROXY: '' })).toEqual(
      DEFAULTS,
    );
  });

  it('reads the limits, the trusted proxies, the CORS origins and the log level', () => {
    expect(
      readEnv({
        RATE_LIMIT_PER_MINUTE: '1000',
        RATE_LIMIT_ANONYMOUS_PER_MINUTE: '30',
        TRUST_PROXY: '1',
        CORS_ORIGINS: 'https://a.example, http://localhost:5173,',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 1000,
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: 30,
      TRUST_PROXY: 1,
      CORS_ORIGINS: ['https://a.example', 'http://localhost:5173'],
      LOG_LEVEL: 'warn',
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
      ...DEFAULTS,
      PORT: 8080,
      DATABASE_URL: 'postgres://localhost/maille',
      DATABASE_SCHEMA: 'dronne',
      BODY_LIMIT_BYTES: 2048,
    });
  });

  it.each([
    [{ PORT: '70000' }, /PORT : un numéro de port/],
    [{ PORT: '-1' }, /PORT : un numéro de port/],
    [{ READ_MODEL_CACHE_MS: '90000' }, /READ_MODEL_CACHE_MS : un nombre entier de millisecondes/],
    [{ PORT: 'http' }, /PORT/],
    [{ DATABASE_URL: 'mysql://localhost/maille' }, /DATABASE_URL : adresse non reconnue/],
    [{ DATABASE_SCHEMA: 'Dronne-Belle' }, /DATABASE_SCHEMA : nom de schéma invalide/],
    [{ BODY_LIMIT_BYTES: '0' }, /BODY_LIMIT_BYTES/],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, /RATE_LIMIT_PER_MINUTE : un nombre entier de requêtes/],
    [{ RATE_LIMIT_ANONYMOUS_PER_MINUTE: 'beaucoup' }, /RATE_LIMIT_ANONYMOUS_PER_MINUTE/],
    [{ TRUST_PROXY: '-1' }, /TRUST_PROXY : un nombre entier de relais/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS : une liste d’origines/],
    [{ CORS_ORIGINS: 'https://a.example/chemin' }, /CORS_ORIGINS/],
    [{ LOG_LEVEL: 'bavard' }, /LOG_LEVEL : un niveau/],
  ])('refuses %o in French', (source, message) => {
    expect(() => readEnv(source)).toThrow(EnvError);
    expect(() => readEnv(source)).toThrow(message);
  });
});
