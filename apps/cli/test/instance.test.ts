import { openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.remove());

/** The governances and persons of the sandbox's database, as the administration reads them. */
async function contents(): Promise<{ governances: string[]; persons: number }> {
  const database = openDatabase({ url: box.env.DATABASE_URL });
  try {
    return await kernelOver(database, { instanceAdmin: true, channel: 'cli' }).store.transaction(
      async (repos) => ({
        governances: (await repos.governances.list()).map((g) => g.id).sort(),
        persons: (await repos.persons.search('', 1000)).length,
      }),
    );
  } finally {
    await database.close();
  }
}

/** `maille coordination creer` for Awa Diallo and the Grand Cognac, on the territory given. */
function openCognac(territory: string, email = 'awa.diallo@exemple.fr') {
  return box.run(
    'coordination',
    'creer',
    '--nom',
    'Awa Diallo',
    '--email',
    email,
    '--gouvernance',
    'Coordination du Grand Cognac',
    '--territoire',
    territory,
  );
}

describe('a real instance', () => {
  it('starts without the demo with MAILLE_DEMO=non, and says how to begin', async () => {
    const started = await box.runWith({ env: { MAILLE_DEMO: 'non' } }, 'start');
    expect(started.code, started.err).toBe(0);
    expect(started.out).toContain('Instance réelle (MAILLE_DEMO=non) : pas de démonstration.');
    expect(started.out).toContain('Aucune gouvernance dans cette instance pour l’instant.');
    expect(started.out).toContain('pnpm maille coordination creer --nom');
    expect(started.out).not.toContain('Démonstration ajoutée');
    expect(started.out).not.toContain('Clé d’API de la coordinatrice de démonstration');
    expect(await contents()).toEqual({ governances: [], persons: 0 });

    const wrong = await box.runWith({ env: { MAILLE_DEMO: 'peut-être' } }, 'start');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('MAILLE_DEMO');
    expect(wrong.err).toContain('« non »');
    expect(noStackTrace(wrong.err)).toBe(true);
  });

  it('shows the demo as such, removes it on confirmation, and never adds it again', async () => {
    const first = await box.run('start');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('Santé des gouvernances de l’instance (2 gouvernances)');
    expect(first.out).toMatch(/━━ .*La Rochelle · Démonstration ━━/);
    expect(first.out).toMatch(/━━ .*Dronne et Belle · Démonstration ━━/);

    const unconfirmed = await box.run('demo', 'supprimer');
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.err).toContain('Relancez avec --oui pour confirmer.');
    expect((await contents()).governances).toHaveLength(2);

    const removed = await box.run('demo', 'supprimer', '--oui');
    expect(removed.code, removed.err).toBe(0);
    expect(removed.out).toContain('Démonstration retirée (2 gouvernances)');
    expect(removed.out).toMatch(/Supprimé : 2 gouvernances, \d+ instances, .*\d+ personnes/);
    expect(await contents()).toEqual({ governances: [], persons: 0 });

    const again = await box.run('start');
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/Démonstration retirée le .+ : elle n’est pas rajoutée\./);
    expect(again.out).toContain('Aucune gouvernance dans cette instance pour l’instant.');
    expect((await contents()).governances).toEqual([]);
    // Put back on purpose, it is there again, and still marked.
    expect((await box.run('seed', '--demo')).code).toBe(0);
    expect((await contents()).governances).toContain(DEMO_IDS.laRochelle.governance);
    const back = await box.run('start');
    expect(back.code, back.err).toBe(0);
    expect(back.out).not.toContain('Démonstration retirée');
    expect(back.out).toContain('Démonstration déjà présente');
    expect(back.out).toMatch(/━━ .*La Rochelle · Démonstration ━━/);
    expect(back.out).toContain('Clé d’API de la coordinatrice de démonstration');
  }, 60_000);
});

describe('maille coordination creer', () => {
  it('creates the first coordinator, whose link signs in to the web workspace', async () => {
    expect((await box.run('migrate', 'up')).code).toBe(0);
    // Without the official directory, the territory cannot be checked: said, with the command.
    const unchecked = await openCognac('epci:200070514');
    expect(unchecked.code).toBe(1);
    expect(unchecked.err).toContain('--territoire — le répertoire officiel des territoires');
    expect(unchecked.err).toContain('pnpm maille territoires charger');
    expect(noStackTrace(unchecked.err)).toBe(true);
    expect(await contents()).toEqual({ governances: [], persons: 0 });
    expect((await box.run('territoires', 'charger')).code).toBe(0);
    // A code the directory does not know is refused, naming the option.
    const unknown = await openCognac('epci:200099992');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('--territoire — Aucun territoire de niveau');
    expect(unknown.err).not.toContain('governance.territory');
    expect(await contents()).toMatchObject({ governances: [], persons: 0 });

    const created = await openCognac('epci:200070514', 'Awa.Diallo@exemple.fr');
    expect(created.code, created.err).toBe(0);
    expect(created.out).toMatch(/Coordinateur·rice créé·e : Awa Diallo \(per_\w+\)\./);
    expect(created.out).toMatch(/Gouvernance ouverte, .+ « Coordination du Grand Cognac »/);
    const secret = /\/connexion\/([0-9A-Za-z]{43})$/m.exec(created.out)?.[1];
    expect(secret).toBeDefined();

    // The same address again: nothing new, a new link.
    const twice = await box.run(
      'coordination',
      'creer',
      '--nom',
      'A. D.',
      '--email',
      'awa.diallo@exemple.fr',
    );
    expect(twice.code, twice.err).toBe(0);
    expect(twice.out).toContain('Une personne a déjà l’adresse awa.diallo@exemple.fr : Awa Diallo');
    expect(await contents()).toMatchObject({ persons: 1 });

    // Followed in the web workspace that `maille start` serves (a real instance, no demo).
    let home = '';
    const started = await box.runWith(
      {
        env: { MAILLE_DEMO: 'non' },
        untilStopped: async (printed) => {
          const url = /à l’écoute sur (http:\/\/\S+)/.exec(printed())?.[1];
          const signedIn = await fetch(`${url}/connexion/${secret}`, {
            method: 'POST',
            headers: { Origin: String(url), 'Content-Type': 'application/x-www-form-urlencoded' },
            redirect: 'manual',
          });
          expect(signedIn.status).toBe(303);
          const cookie = (signedIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
          home = await (await fetch(`${url}/`, { headers: { Cookie: cookie } })).text();
          return 'SIGTERM';
        },
      },
      'start',
    );
    expect(started.code, started.err).toBe(0);
    expect(started.out).toContain('Santé des gouvernances de l’instance (1 gouvernance)');
    expect(started.out).toContain('━━ Coordination du Grand Cognac ━━');
    expect(home).toContain('Awa Diallo');
    expect(home).toContain('Coordination du Grand Cognac');
    expect(home).not.toContain('Démonstration');
  }, 60_000);

  it('without a governance, says where the person opens it', async () => {
    expect((await box.run('migrate', 'up')).code).toBe(0);
    const created = await box.run(
      'coordination',
      'creer',
      '--nom',
      'Awa Diallo',
      '--email',
      'awa@exemple.fr',
    );
    expect(created.code, created.err).toBe(0);
    expect(created.out).toContain('« Ouvrir une gouvernance »');
    expect(created.out).toMatch(/\/connexion\/[0-9A-Za-z]{43}$/m);
    expect(await contents()).toEqual({ governances: [], persons: 1 });
  });

  it('refuses bad input in French, naming the field, and writes nothing', async () => {
    expect((await box.run('migrate', 'up')).code).toBe(0);
    const email = await box.run(
      'coordination',
      'creer',
      '--nom',
      'Awa',
      '--email',
      'pas-une-adresse',
    );
    expect(email.code).toBe(1);
    expect(email.err).toContain('Adresse électronique invalide.');
    expect(email.err).toContain('email');
    const territory = await box.run(
      'coordination',
      'creer',
      '--nom',
      'Awa',
      '--email',
      'awa@exemple.fr',
      '--gouvernance',
      'CTIN',
      '--territoire',
      'Cognac',
    );
    expect(territory.code).toBe(2);
    expect(territory.err).toContain('--territoire : « Cognac » n’est pas un territoire');
    const name = await box.run('coordination', 'creer', '--email', 'awa@exemple.fr');
    expect(name.code).toBe(2);
    expect(name.err).toContain('--nom');
    for (const run of [email, territory, name]) expect(noStackTrace(run.err)).toBe(true);
    expect(await contents()).toEqual({ governances: [], persons: 0 });
  });
});
