import { openDatabase } from '@maille/db';
import { DEMO_IDS } from '@maille/demo';
import { readCalendarFeed } from '@maille/domain/use-cases';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kernelOver, noStackTrace, type Sandbox, sandbox } from './run.ts';

const LA_ROCHELLE = DEMO_IDS.laRochelle.governance;

let box: Sandbox;
beforeEach(async () => {
  box = sandbox();
  expect((await box.run('migrate', 'up')).code).toBe(0);
  expect((await box.run('seed', '--demo')).code).toBe(0);
});
afterEach(() => box.remove());

/** The governance a feed path opens, read in the sandbox's database as the API would. */
async function opens(path: string) {
  const database = openDatabase({ url: box.env.DATABASE_URL });
  try {
    const token = /^\/calendars\/([A-Za-z0-9_-]{43})\.ics$/.exec(path)?.[1] ?? '';
    return (await readCalendarFeed(kernelOver(database), { token }))?.governance?.id;
  } finally {
    await database.close();
  }
}

describe('maille calendrier', () => {
  it('creates a link the API opens, lists it without its secret, and revokes it', async () => {
    const created = await box.run(
      'calendrier',
      'creer',
      '--gouvernance',
      LA_ROCHELLE,
      '--libelle',
      'Agenda des partenaires',
    );
    expect(created.code, created.err).toBe(0);
    const [first, , path] = created.out.split('\n');
    const id = /^Lien de calendrier créé : (cal_\w+) \(gouvernance gov_larochelle\)$/.exec(
      first ?? '',
    )?.[1];
    expect(id).toBeDefined();
    expect(path).toMatch(/^\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await opens(path ?? '')).toBe(LA_ROCHELLE);

    const listed = await box.run('calendrier', 'lister', '--gouvernance', LA_ROCHELLE);
    expect(listed.out).toContain(`${id} — Agenda des partenaires · ${LA_ROCHELLE} · créé le`);
    expect(listed.out).not.toContain(path?.slice('/calendars/'.length, -4));

    const revoked = await box.run('calendrier', 'revoquer', id ?? '');
    expect(revoked.code).toBe(0);
    expect(revoked.out).toBe(
      `Lien ${id} révoqué : le calendrier n’est plus servi à cette adresse.`,
    );
    expect(await opens(path ?? '')).toBeUndefined();
    expect((await box.run('calendar', 'list')).out).toContain('RÉVOQUÉ le');
    const again = await box.run('calendrier', 'revoquer', id ?? '');
    expect(again.code).toBe(1);
    expect(again.err).toContain('Ce flux est déjà révoqué.');
  });

  it('refuses a missing or unknown governance and an unknown link, in French', async () => {
    const missing = await box.run('calendrier', 'creer');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--gouvernance gov_…');
    const unknown = await box.run('calendrier', 'creer', '--gouvernance', 'gov_inconnue1');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Gouvernance introuvable : gov_inconnue1.');
    const noFeed = await box.run('calendrier', 'revoquer', 'cal_ZZZZZZZZZZZZ');
    expect(noFeed.code).toBe(1);
    expect(noFeed.err).toContain('Flux de calendrier introuvable : cal_ZZZZZZZZZZZZ.');
    expect((await box.run('calendrier', 'lister')).out).toBe('Aucun lien de calendrier.');
    for (const run of [missing, unknown, noFeed]) expect(noStackTrace(run.err)).toBe(true);
  });

  it('explains itself in French', async () => {
    const help = await box.run('calendrier', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('maille calendrier creer --gouvernance <gouvernance>');
    expect((await box.run('--help')).out).toContain('calendrier creer|revoquer|lister');
  });
});
