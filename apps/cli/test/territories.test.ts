import { createStore, openDatabase } from '@maille/db';
import { createGovernance, perimeterCommunes } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

// The whole official directory, as a newcomer loads it: twice (the second run changes nothing),
// then a governance opened for a real intercommunality by its SIREN gets its communes.

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterAll(() => box.remove());

const GRAND_COGNAC = '200070514';

describe('maille territoires charger', () => {
  it('loads the official directory once, and changes nothing the second time', async () => {
    const first = await box.run('territoires', 'charger');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/Répertoire officiel chargé \(decoupage-administratif 6\.0\.0\)/);
    // The 13 territories of the demo are adopted, not created twice.
    expect(first.out).toMatch(/ajoutés, 13 mis à jour, 0 inchangé/);
    const second = await box.run('territoires', 'charger');
    expect(second.code, second.err).toBe(0);
    expect(second.out).toContain('Rien n’a changé');
    expect(second.out).toMatch(/0 ajouté, 0 mis à jour, [\d  ]+ inchangés/);
  }, 60_000);

  it('gives a governance opened by an EPCI’s SIREN its communes, and refuses an unknown code', async () => {
    const database = openDatabase({ url: box.env.DATABASE_URL });
    try {
      const admin = kernelOver(database, { instanceAdmin: true, channel: 'cli' });
      const governance = await createGovernance(admin, {
        name: 'Coordination du Grand Cognac',
        territory: { level: 'epci', code: GRAND_COGNAC },
        perimeter: 'epci',
      });
      const communes = await createStore(database).transaction((repos) =>
        perimeterCommunes(repos, governance.territory),
      );
      expect(communes.map((c) => c.name)).toEqual(expect.arrayContaining(['Cognac', 'Jarnac']));
      expect(communes.length).toBeGreaterThan(50);
      await expect(
        createGovernance(admin, {
          name: 'Faute de frappe',
          territory: { level: 'epci', code: '200070522' },
          perimeter: 'epci',
        }),
      ).rejects.toThrow(/code 200070522 dans le répertoire officiel/);
    } finally {
      await database.close();
    }
  });

  it('says how to use it, in French', async () => {
    const wrong = await box.run('territoires', 'effacer');
    expect(wrong.code).toBe(2);
    expect(noStackTrace(wrong.err)).toBe(true);
    expect((await box.run('territoires', '--help')).out).toContain('maille territoires charger');
  });
});
