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

  it('reads the SMTP settings, and names in French what is missing or wrong', () => {
    const none = readEnv({});
    expect([none.SMTP_HOST, none.SMTP_PORT, none.SMTP_SECURE, none.SMTP_STARTTLS]).toEqual([
      undefined,
      587,
      false,
      true,
    ]);
    expect(
      readEnv({
        SMTP_HOST: 'smtp.exemple.fr',
        SMTP_PORT: '465',
        SMTP_SECURE: 'oui',
        SMTP_USER: 'maille',
        SMTP_PASSWORD: 'secret',
        SMTP_FROM: 'Maille <maille@exemple.fr>',
      }),
    ).toMatchObject({ SMTP_PORT: 465, SMTP_SECURE: true, SMTP_FROM: 'Maille <maille@exemple.fr>' });
    expect(() => readEnv({ SMTP_HOST: 'smtp.exemple.fr' })).toThrow(/SMTP_FROM manque/);
    expect(() => readEnv({ SMTP_HOST: 'h', SMTP_FROM: 'a@b.fr', SMTP_USER: 'maille' })).toThrow(
      /SMTP_USER et SMTP_PASSWORD vont ensemble/,
    );
    expect(() => readEnv({ SMTP_PORT: '99999' })).toThrow(/SMTP_PORT : un numéro de port/);
    expect(() => readEnv({ SMTP_STARTTLS: 'peut-être' })).toThrow(/SMTP_STARTTLS : oui ou non/);
    expect(() => readEnv({ SMTP_FROM: 'Maille <maille@exemple.fr>\r\nBcc: x@y.fr' })).toThrow(
      /SMTP_FROM/,
    );
  });
});
