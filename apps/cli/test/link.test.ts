import { openDatabase } from '@maille/db';
import { redeemChatLinkCode } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterEach(() => box.remove());

describe('maille lien', () => {
  it('creates a code the bot redeems once for the person', async () => {
    const created = await box.run('lien', 'creer', '--personne', 'per_lrgiraud');
    expect(created.code, created.err).toBe(0);
    const [first, second] = created.out.split('\n');
    expect(first).toMatch(
      /^Code de liaison créé pour per_lrgiraud, valable jusqu’au .+, une seule fois\.$/,
    );
    const code =
      /^Dans le salon Discord, la personne tape : \/lier ([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(
        second ?? '',
      )?.[1];
    expect(code).toBeDefined();
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      expect(await redeemChatLinkCode(kernelOver(database), { code })).toEqual({
        personId: 'per_lrgiraud',
      });
    } finally {
      await database.close();
    }
  });

  it('refuses a missing or unknown person, in French', async () => {
    const missing = await box.run('lien', 'creer');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--personne per_…');
    const unknown = await box.run('lien', 'creer', '--personne', 'per_inconnue1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Personne introuvable : per_inconnue1.');
    for (const run of [missing, unknown]) expect(noStackTrace(run.err)).toBe(true);
    expect((await box.run('lien', '--help')).out).toContain('maille lien creer --personne');
  });
});
