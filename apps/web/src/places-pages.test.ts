import { readFileSync } from 'node:fs';
import { createStore } from '@maille/db';
import { charenteDirectory } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import {
  createGovernance,
  listGovernancePlaces,
  loadTerritoryDirectory,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, ORIGIN, openTestWeb } from '../test/harness.ts';

// The « Lieux et diagnostic » page as a coordinator of the CA du Grand Cognac uses it: the
// Charente file of the national map uploaded through the form, its report, the diagnosis, the
// places with the freshness of their records, a duplicate merged, the downloads.

/** The Charente file as the national map published it in July 2023. */
const CHARENTE = readFileSync(
  new URL(
    '../../../packages/domain/test-fixtures/lieux-mediation-numerique/charente-2023-07-11.json',
    import.meta.url,
  ),
);

const LR = DEMO_IDS.laRochelle;
const MOREAU = LR.coordinator;
/** A member of La Rochelle: reads its governance, coordinates nothing. */
const GAUTIER = 'per_lrgautier';

let world: Awaited<ReturnType<typeof openTestWeb>>;
let governanceId: string;
let page: string;

beforeAll(async () => {
  world = await openTestWeb();
  await loadTerritoryDirectory(world.admin, {
    edition: 'decoupage-administratif 6.0.0 (Charente)',
    directory: charenteDirectory(),
  });
  // Claire Moreau opens the Grand Cognac's governance: she coordinates it.
  governanceId = (
    await createGovernance(
      { ...world.admin, actor: { personId: MOREAU, channel: 'web' } },
      {
        name: 'Coordination du Grand Cognac',
        territory: { level: 'epci', code: '200070514' },
        perimeter: 'epci',
      },
    )
  ).id;
  page = `/gouvernances/${governanceId}/lieux`;
}, 60_000);
afterAll(() => world?.drop());

const { get, post, signedIn } = formClient(() => world);

/** The import form posted as a browser does: multipart, with the file and our Origin. */
function upload(cookie: string, file: File, governance = governanceId) {
  const form = new FormData();
  form.set('gouvernance', governance);
  form.set('fichier', file);
  return world.web.request(`${ORIGIN}/lieux/imports`, {
    method: 'POST',
    headers: { Origin: ORIGIN, Cookie: cookie },
    body: form,
  });
}

const charenteFile = () => new File([CHARENTE], 'charente.json', { type: 'application/json' });
const countOrganizations = () =>
  createStore(world.test.database).transaction(
    async (repos) => (await repos.organizations.list()).length,
  );
const countImports = () =>
  createStore(world.test.database).transaction(
    async (repos) => (await repos.placesImports.listLatest(1000)).length,
  );
/** The text of a page, tags left out, to read as a person would. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('the places page before any import', () => {
  it('is linked from the governance page, and says the perimeter has no place yet', async () => {
    const cookie = await signedIn(MOREAU);
    const governance = await (await get(`/gouvernances/${governanceId}`, cookie)).text();
    expect(governance).toContain(`href="${page}"`);
    const response = await get(page, cookie);
    expect(response.status).toBe(200);
    const text = words(await response.text());
    expect(text).toContain('Diagnostic territorial');
    expect(text).toMatch(/54 communes : 0 avec au moins un lieu de médiation, 54 sans aucun\./);
    expect(text).toContain('Aucun lieu de médiation dans les communes du périmètre');
    expect(text).toContain('Importer un fichier national de lieux');
  });

  it('refuses in French on the page no file, an empty one or an image, and writes nothing', async () => {
    const cookie = await signedIn(MOREAU);
    const organizations = await countOrganizations();
    const imports = await countImports();
    for (const [file, said] of [
      // What a browser sends when no file was chosen: a part without a name.
      [new File([], ''), 'Choisissez un fichier à importer.'],
      [new File([], 'vide.json', { type: 'application/json' }), 'Le fichier est vide.'],
      [
        new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0])], 'photo.png', {
          type: 'image/png',
        }),
        'Ce fichier est une image PNG, pas un fichier JSON ou CSV de lieux de médiation numérique.',
      ],
    ] as const) {
      const refused = await upload(cookie, file);
      expect(refused.status, said).toBe(400);
      const html = await refused.text();
      expect(html).toContain(`role="alert"><p>${said}</p>`);
      // The page is there around the error, with the form to try again.
      expect(html).toContain('name="fichier"');
    }
    const form = new FormData();
    form.set('gouvernance', governanceId);
    const none = await world.web.request(`${ORIGIN}/lieux/imports`, {
      method: 'POST',
      headers: { Origin: ORIGIN, Cookie: cookie },
      body: form,
    });
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choisissez un fichier à importer.');
    expect(await countOrganizations()).toBe(organizations);
    expect(await countImports()).toBe(imports);
  });

  it('refuses a file over 50 MB with a French page', async () => {
    const cookie = await signedIn(MOREAU);
    const imports = await countImports();
    const refused = await upload(cookie, new File([new Uint8Array(51 * 1024 * 1024)], 'big.csv'));
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain('Ce fichier dépasse 50 Mo');
    expect(await countImports()).toBe(imports);
  });
});

describe('importing the national file from the page', () => {
  it('redirects to the report, which gives the counts and the fixes made', async () => {
    const cookie = await signedIn(MOREAU);
    const organizations = await countOrganizations();
    const response = await upload(cookie, charenteFile());
    expect(response.status).toBe(303);
    const location = response.headers.get('Location') ?? '';
    expect(location).toMatch(
      new RegExp(`^/lieux/imports/imp_[0-9A-Za-z]+\\?gouvernance=${governanceId}$`),
    );
    const created = (await countOrganizations()) - organizations;
    expect(created).toBeGreaterThan(150);

    const report = await get(location, cookie);
    expect(report.status).toBe(200);
    const html = await report.text();
    const text = words(html);
    expect(text).toContain('charente.json, importé le 24 novembre 2026');
    expect(text).toContain(`Créés : ${created} · mis à jour : 0 · inchangés : 0`);
    expect(text).toContain('Corrections faites');
    expect(text).toMatch(/code INSEE 16102 trouvé d’après le code postal 16100 et la commune/);
    expect(text).toMatch(/doublons? probables? à examiner/);
    expect(html).toContain(`href="${page}"`);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const cookie = await signedIn(MOREAU);
    const organizations = await countOrganizations();
    const response = await upload(cookie, charenteFile());
    expect(response.status).toBe(303);
    const text = words(await (await get(response.headers.get('Location') ?? '', cookie)).text());
    expect(text).toMatch(/Créés : 0 · mis à jour : 0 · inchangés : \d{3}/);
    expect(await countOrganizations()).toBe(organizations);
  });

  it('shows the diagnosis, the places whose 2023 records are « À actualiser », and the duplicates', async () => {
    const response = await get(page, await signedIn(MOREAU));
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = words(html);
    const communes =
      /54 communes : (\d+) avec au moins un lieu de médiation, (\d+) sans aucun\./.exec(text);
    expect(Number(communes?.[1])).toBeGreaterThan(3);
    expect(Number(communes?.[1]) + Number(communes?.[2])).toBe(54);
    expect(text).toMatch(/habitants, dont [\d  ]+ dans une commune sans lieu/);
    expect(text).toContain('Lieux par service');
    expect(text).toContain('Bibliothèque Julienne Julienne');
    expect(text).toContain('À actualiser (mise à jour le 26 janvier 2023)');
    expect(text).not.toMatch(/À jour|À vérifier/);
    expect(text).toContain('Doublons probables');
    expect(html.match(/<form method="post" action="[^"]+\/lieux\/fusion"/g)?.length).toBe(
      (await listGovernancePlaces(world.admin, { governanceId })).duplicates.length,
    );
    expect(html).toContain(`href="${page}.json"`);
    expect(html).toContain(`href="${page}.csv"`);
    expect(html).toContain(`href="/gouvernances/${governanceId}/diagnostic.csv"`);
  });

  it('speaks of one commune in the singular', async () => {
    const cognac = await createGovernance(
      { ...world.admin, actor: { personId: MOREAU, channel: 'web' } },
      {
        name: 'Ville de Cognac',
        territory: { level: 'commune', code: '16102' },
        perimeter: 'autre',
      },
    );
    const html = await (
      await get(`/gouvernances/${cognac.id}/lieux`, await signedIn(MOREAU))
    ).text();
    expect(words(html)).toMatch(
      /1 commune : 1 avec au moins un lieu de médiation, 0 sans aucun\. [\d  ]+ habitants, dont 0 dans une commune sans lieu\./,
    );
  });
});

describe('merging duplicates and downloading', () => {
  it('merges a group of duplicates: « Fiches fusionnées », and the other records leave the list', async () => {
    const cookie = await signedIn(MOREAU);
    const { places, duplicates } = await listGovernancePlaces(world.admin, { governanceId });
    const group = duplicates[0] ?? [];
    const [kept, ...others] = group;
    if (!kept) throw new Error('le fichier de la Charente devrait avoir des doublons');
    const merged = await post(`${page}/fusion`, cookie, {
      garder: kept.id,
      groupe: group.map((o) => o.id).join(' '),
    });
    expect(merged.status).toBe(200);
    const html = await merged.text();
    expect(words(html)).toContain('Fiches fusionnées');
    expect(html).toContain('role="status"');
    for (const other of others) expect(html).not.toContain(`value="${other.id}"`);

    const after = await listGovernancePlaces(world.admin, { governanceId });
    expect(after.places).toHaveLength(places.length - others.length);
    const keptNow = after.places.find((p) => p.place.id === kept.id)?.place;
    expect(keptNow?.nationalIds).toEqual(
      expect.arrayContaining(group.flatMap((o) => o.nationalIds)),
    );
    expect(after.duplicates).toHaveLength(duplicates.length - 1);
  });

  it('merges nothing more when a merge form is posted again, or from a page read before it', async () => {
    const cookie = await signedIn(MOREAU);
    const { places, duplicates } = await listGovernancePlaces(world.admin, { governanceId });
    const [kept, other] = duplicates[0] ?? [];
    if (!kept || !other) throw new Error('il devrait rester des doublons');
    const groupe = `${kept.id} ${other.id}`;
    expect((await post(`${page}/fusion`, cookie, { garder: kept.id, groupe })).status).toBe(200);
    const merged = await listGovernancePlaces(world.admin, { governanceId });
    expect(merged.places).toHaveLength(places.length - 1);

    // The page reloaded (the form sent again), then a second tab keeping the other record.
    for (const garder of [kept.id, other.id]) {
      const again = await post(`${page}/fusion`, cookie, { garder, groupe });
      expect(again.status, garder).toBe(409);
      const html = await again.text();
      expect(html).toContain('role="alert"');
      expect(words(html)).toContain('déjà été fusionnées');
    }
    const after = await listGovernancePlaces(world.admin, { governanceId });
    expect(after.places.map((p) => p.place.id)).toEqual(merged.places.map((p) => p.place.id));
    expect(after.places.find((p) => p.place.id === kept.id)?.place.version).toBe(
      merged.places.find((p) => p.place.id === kept.id)?.place.version,
    );
  });

  it('answers each download with its type and as a file to save', async () => {
    const cookie = await signedIn(MOREAU);
    const json = await get(`${page}.json`, cookie);
    expect(json.status).toBe(200);
    expect(json.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(json.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".+\.json"$/);
    const records = (await json.json()) as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(10);
    expect(Object.keys(records[0] ?? {})).toEqual(
      expect.arrayContaining(['id', 'nom', 'commune', 'code_postal', 'adresse', 'date_maj']),
    );

    const csv = await get(`${page}.csv`, cookie);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('Content-Disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect((await csv.text()).split('\n')[0]).toMatch(/^"?id"?,/);

    const diagnosis = await get(`/gouvernances/${governanceId}/diagnostic.csv`, cookie);
    expect(diagnosis.status).toBe(200);
    expect(diagnosis.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(diagnosis.headers.get('Content-Disposition')).toMatch(
      /^attachment; filename=".+\.csv"$/,
    );
    expect((await diagnosis.text()).trim().split(/\r?\n/)).toHaveLength(1 + 54);
  });
});

describe('who sees what', () => {
  it('answers 404 to someone who may not read the governance, for the page and its files', async () => {
    const cookie = await signedIn(GAUTIER);
    for (const path of [
      page,
      `${page}.json`,
      `${page}.csv`,
      `/gouvernances/${governanceId}/diagnostic.csv`,
    ]) {
      const response = await get(path, cookie);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('Page introuvable');
    }
    expect((await get(page)).status).toBe(401);
  });

  it('shows a member the places of their governance, without the forms they may not use', async () => {
    const html = await (
      await get(`/gouvernances/${LR.governance}/lieux`, await signedIn(GAUTIER))
    ).text();
    expect(words(html)).toContain('Diagnostic territorial');
    expect(html).not.toContain('name="fichier"');
    expect(html).not.toContain('/lieux/fusion');
    // The demo's communes were typed by hand, without population: no « 0 habitant ».
    expect(words(html)).not.toContain('habitant');

    const imports = await countImports();
    const refused = await upload(await signedIn(GAUTIER), charenteFile(), LR.governance);
    expect(refused.status).toBe(403);
    expect(words(await refused.text())).toContain('Seul·e un·e coordinateur·rice');
    expect(await countImports()).toBe(imports);
  });

  it('refuses a form posted from another site', async () => {
    const cookie = await signedIn(MOREAU);
    const form = new FormData();
    form.set('gouvernance', governanceId);
    form.set('fichier', charenteFile());
    const response = await world.web.request(`${ORIGIN}/lieux/imports`, {
      method: 'POST',
      headers: { Origin: 'https://ailleurs.example', Cookie: cookie },
      body: form,
    });
    expect(response.status).toBe(403);
  });
});
