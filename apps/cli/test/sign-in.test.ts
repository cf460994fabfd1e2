import { openDatabase } from '@maille/db';
import { findSession, signIn } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterEach(() => box.remove());

describe('maille connexion', () => {
  it('prints a link that signs the person in once', async () => {
    const created = await box.run('connexion', '--personne', 'per_lrgiraud');
    expect(created.code, created.err).toBe(0);
    const [first, second] = created.out.trim().split('\n');
    expect(first).toMatch(
      /^Lien de connexion créé pour per_lrgiraud, valable jusqu’au .+, une seule fois :$/,
    );
    const secret = /^http:\/\/localhost:\d+\/connexion\/([0-9A-Za-z]{43})$/.exec(second ?? '')?.[1];
    expect(secret).toBeDefined();
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      expect(await signIn(kernelOver(database), { link: secret })).toMatchObject({
        personId: 'per_lrgiraud',
      });
      expect(await signIn(kernelOver(database), { link: secret })).toBeUndefined();
    } finally {
      await database.close();
    }
  });

  it('refuses a missing or unknown person, in French', async () => {
    const missing = await box.run('connexion');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--personne per_…');
    const unknown = await box.run('connexion', '--personne', 'per_inconnue1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Personne introuvable : per_inconnue1.');
    for (const run of [missing, unknown]) expect(noStackTrace(run.err)).toBe(true);
    expect((await box.run('connexion', '--help')).out).toContain('maille connexion --personne');
  });

  it('closes every session of a person with maille deconnexion', async () => {
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      const sessions: (string | undefined)[] = [];
      for (let i = 0; i < 2; i++) {
        const created = await box.run('connexion', '--personne', 'per_lrgiraud');
        const secret = /\/connexion\/([0-9A-Za-z]{43})$/m.exec(created.out)?.[1];
        sessions.push((await signIn(kernelOver(database), { link: secret }))?.session);
      }
      const closed = await box.run('deconnexion', '--personne', 'per_lrgiraud');
      expect(closed.code, closed.err).toBe(0);
      expect(closed.out.trim()).toBe('2 sessions fermées pour per_lrgiraud.');
      for (const session of sessions) {
        expect(await findSession(kernelOver(database), { session })).toBeUndefined();
      }
      expect((await box.run('deconnexion', '--personne', 'per_lrgiraud')).out.trim()).toBe(
        'Aucune session ouverte pour per_lrgiraud.',
      );
      const missing = await box.run('deconnexion');
      expect(missing.code).toBe(2);
      expect(missing.err).toContain('--personne per_…');
    } finally {
      await database.close();
    }
  });
});
