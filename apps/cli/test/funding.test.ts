import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noStackTrace, type Sandbox, sandbox } from './run.ts';

// A coordinator preparing a finance committee from the command line: the demo's Dronne et Belle
// has a grant application to send and two reports to hand in over the next weeks.

let box: Sandbox;
beforeAll(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
}, 60_000);
afterAll(() => box.remove());

describe('maille financements', () => {
  it('lists the deadlines to meet and what each funder was asked, granted and paid', async () => {
    const file = join(box.folder, 'financements.csv');
    const run = await box.run(
      'financements',
      '--gouvernance',
      'gov_dronnebelle',
      '--fichier',
      file,
    );
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/^Échéances à tenir \(3\) :/);
    expect(run.out).toMatch(
      /Date limite de dépôt, Région Nouvelle-Aquitaine \(Appel à projets tiers-lieux\).* : dans 24 jours/,
    );
    expect(run.out).toMatch(/Bilan à rendre, Caisse d’allocations familiales de la Dordogne/);
    expect(run.out).toMatch(/Par financeur \(demandé, accordé, versé, reste à verser\) :/);
    // The foundation granted 12 000 € of the 15 000 asked, and paid half of it.
    expect(run.out).toContain(
      'Fondation ou fonds privé : 15\u202f000\u00a0€, 12\u202f000\u00a0€, 6\u202f000\u00a0€, 6\u202f000\u00a0€',
    );
    expect(run.out).toMatch(/lignes de financement écrites dans/);
    const csv = readFileSync(file, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Montant accordé (€);Montant versé (€)');
    expect(csv).toContain('Appel à projets tiers-lieux');
  });

  it('refuses a missing governance, a wrong number of days and an unknown governance, in French', async () => {
    const none = await box.run('financements');
    expect(none.code).toBe(2);
    expect(none.err).toContain('Précisez la gouvernance');
    const days = await box.run(
      'financements',
      '--gouvernance',
      'gov_dronnebelle',
      '--jours',
      'mille',
    );
    expect(days.code).toBe(2);
    expect(days.err).toContain('un entier de 1 à 366');
    const unknown = await box.run('financements', '--gouvernance', 'gov_inconnue');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/introuvable/i);
    for (const run of [none, days, unknown]) expect(noStackTrace(run.err)).toBe(true);
  });
});
