import { describe, expect, it } from 'vitest';
import { EnvError, readEnv } from './env.ts';

describe('the bot’s settings', () => {
  it('has defaults for everything: the console, the SQLite file, a cycle a minute', () => {
    expect(readEnv({})).toMatchObject({
      DISPATCH_INTERVAL_MS: 60_000,
      DISPATCH_HORIZON_DAYS: 3,
      DISPATCH_MAX_ATTEMPTS: 5,
      DISPATCH_LEASE_MS: 60_000,
    });
    const empty = readEnv({ DISCORD_TOKEN: '', DATABASE_URL: '' });
    expect([empty.DISCORD_TOKEN, empty.DATABASE_URL]).toEqual([undefined, undefined]);
  });

  it('reads what is given, and names in French the setting that is wrong', () => {
    expect(
      readEnv({
        DATABASE_URL: 'postgres://maille@db/maille',
        DISPATCH_INTERVAL_MS: '30000',
        DISCORD_TOKEN: 'abc.def',
      }),
    ).toMatchObject({ DISPATCH_INTERVAL_MS: 30_000, DISCORD_TOKEN: 'abc.def' });
    expect(() => readEnv({ DISPATCH_INTERVAL_MS: '5' })).toThrow(EnvError);
    expect(() => readEnv({ DISPATCH_HORIZON_DAYS: 'deux' })).toThrow(
      /DISPATCH_HORIZON_DAYS : un nombre entier de jours/,
    );
    expect(readEnv({ DISPATCH_LEASE_MS: '4000' }).DISPATCH_LEASE_MS).toBe(4_000);
    // Past Discord's nonce window a resend after a crash would no longer be deduplicated.
    expect(() => readEnv({ DISPATCH_LEASE_MS: '600000' })).toThrow(/DISPATCH_LEASE_MS/);
    expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(readEnv({ DISCORD_API_URL: 'http://127.0.0.1:4010/api' }).DISCORD_API_URL).toBe(
      'http://127.0.0.1:4010/api',
    );
    expect(() => readEnv({ DISCORD_API_URL: 'ftp://x' })).toThrow(/DISCORD_API_URL : une adresse/);
    // The start of sign-in links: given without its last slash, whatever was typed.
    expect(readEnv({ WEB_URL: 'https://maille.example.fr/' }).WEB_URL).toBe(
      'https://maille.example.fr',
    );
    expect(readEnv({}).WEB_URL).toBeUndefined();
    expect(() => readEnv({ WEB_URL: 'maille.example.fr' })).toThrow(
      /WEB_URL : l’adresse de l’espace web/,
    );
  });
});
