import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { charenteDirectory } from '@maille/db/testing';
import { DEMO_IDS } from '@maille/demo';
import {
  createGovernance,
  loadTerritoryDirectory,
  readCalendarFeed,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfTitle } from './harness.ts';
import { openWorkspaceInChromium, seriousViolations, type Workspace } from './in-chromium.ts';

/*
 * The web workspace in Debian's headless Chromium, served by a real node server: signing in by
 * link, the pages a member reaches, signing out; the national places file uploaded and its
 * report; every page scanned by axe-core; a phone's width.
 */

const LR = DEMO_IDS.laRochelle;
let world: Workspace['world'];
let origin: string;
let browser: Workspace['browser'];
let signIn: Workspace['signIn'];
let close: Workspace['close'] | undefined;

beforeAll(async () => {
  ({ world, origin, browser, signIn, close } = await openWorkspaceInChromium());
});

afterAll(() => close?.());

/** The Charente file as the national map published it in July 2023. */
const CHARENTE_FILE = fileURLToPath(
  new URL(
    '../../../packages/domain/test-fixtures/lieux-mediation-numerique/charente-2023-07-11.json',
    import.meta.url,
  ),
);

describe('the web workspace in Chromium', () => {
  it('signs a coordinator in by link, leads to their governance, and signs them out', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${origin}${await world.linkFor(LR.coordinator)}`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${origin}/`);
    expect(await page.locator('h1').textContent()).toBe('Bonjour Claire Moreau');
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByRole('link', { name: /agglomération de La Rochelle/ })
      .first()
      .click();
    await page.waitForURL(`${origin}/gouvernances/${LR.governance}`);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['Jalons en retard', 'Feuilles de route', 'Indicateurs']),
    );
    // The navigation says where one is.
    expect(await page.locator('nav [aria-current="page"]').textContent()).toContain('La Rochelle');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${origin}/`);
    expect(await page.locator('h1').textContent()).toBe('Connexion');
    await page.goto(`${origin}/gouvernances/${LR.governance}`);
    expect(await page.locator('h1').textContent()).toBe('Connexion nécessaire');
    // Someone arriving from a reminder learns how to get a link, on the chat or by e-mail.
    expect(await page.locator('body').textContent()).toContain('la commande /connexion');
    expect(await page.locator('body').textContent()).toContain('par courriel');

    expect(requested.every((url) => url.startsWith(origin))).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('carries a coordinator’s new sheet to a member’s phone and back to the brief and its PDF', async () => {
    const desk = await browser.newContext();
    const coordinator = await desk.newPage();
    await signIn(coordinator, LR.coordinator);
    const roadmapProgress = async () =>
      Number(await coordinator.locator('main progress').first().getAttribute('value'));

    // The coordinator creates a sheet with its first milestone, carried by a member.
    await coordinator.goto(`${origin}/gouvernances/${LR.governance}/point-copil`);
    expect(await seriousViolations(coordinator)).toEqual([]);
    const before = await roadmapProgress();
    await coordinator.goto(`${origin}/feuilles-de-route/${LR.roadmap}`);
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.getByRole('link', { name: 'Créer une fiche' }).click();
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.getByLabel('Code').fill('A4.3');
    await coordinator
      .getByLabel('Intitulé', { exact: false })
      .first()
      .fill('Café numérique à Mireuil');
    await coordinator.getByLabel('Responsable').selectOption({ label: 'Bernard Giraud' });
    await coordinator.getByLabel('Poids dans l’avancement').fill('20');
    await coordinator.getByLabel('Intitulé du jalon').fill('Premier café numérique');
    await coordinator.getByLabel('Échéance du jalon').fill('2026-12-15');
    await coordinator.getByRole('button', { name: 'Créer la fiche' }).click();
    await coordinator.waitForURL(/\/fiches\/act_/);
    const sheetUrl = coordinator.url();
    expect(await coordinator.locator('h1').textContent()).toBe('A4.3 · Café numérique à Mireuil');
    expect(await seriousViolations(coordinator)).toEqual([]);

    // The member, on a phone, marks the milestone reached and posts an update.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const member = await phone.newPage();
    await signIn(member, 'per_lrgiraud');
    await member.goto(sheetUrl);
    expect(await member.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await seriousViolations(member)).toEqual([]);
    await member.getByRole('button', { name: 'Marquer atteint' }).click();
    await member
      .getByLabel('Ce qui s’est passé')
      .fill('Douze personnes au premier café, surtout pour la CAF.');
    await member.getByRole('button', { name: 'Publier' }).click();
    await member.waitForURL(/#points$/);
    expect(await member.locator('ol.timeline').textContent()).toContain(
      'Douze personnes au premier café',
    );
    await phone.close();

    // The governance page and the brief show the new progress; the brief's PDF has its name.
    await coordinator.goto(`${origin}/gouvernances/${LR.governance}`);
    expect(await coordinator.locator('main').textContent()).toContain(
      'Douze personnes au premier café',
    );
    await coordinator.goto(`${origin}/gouvernances/${LR.governance}/point-copil`);
    expect(await roadmapProgress()).toBeGreaterThan(before);
    const [download] = await Promise.all([
      coordinator.waitForEvent('download'),
      coordinator.getByRole('link', { name: 'Télécharger en PDF' }).click(),
    ]);
    const pdf = await readFile((await download.path()) ?? '');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfTitle(pdf)).toContain('agglomération de La Rochelle');

    for (const path of [
      `/gouvernances/${LR.governance}`,
      `/feuilles-de-route/${LR.roadmap}`,
      `/feuilles-de-route/${LR.roadmap}/modifier`,
      `/fiches/act_lr0002`,
      `/gouvernances/${LR.governance}/indicateurs`,
      `/gouvernances/${LR.governance}/financements`,
      // A sheet with a granted line: the payment form is there.
      '/fiches/act_lr0006',
      '/compte',
      `/fiches/act_lr0002/modifier`,
      `/instances/${LR.steeringCommittee}`,
      '/reunions/mtg_lrcopil01',
    ]) {
      await coordinator.goto(`${origin}${path}`);
      // The forms folded in <details> are scanned too.
      await coordinator.evaluate(
        "for (const d of document.querySelectorAll('details')) d.open = true",
      );
      expect(await seriousViolations(coordinator), path).toEqual([]);
    }
    await desk.close();
    // A long journey through a dozen pages, each scanned by axe-core with its forms unfolded.
  }, 300_000);

  it('uploads the national places file, shows its report, and merges a duplicate', async () => {
    await loadTerritoryDirectory(world.admin, {
      edition: 'decoupage-administratif 6.0.0 (Charente)',
      directory: charenteDirectory(),
    });
    const governance = await createGovernance(
      { ...world.admin, actor: { personId: LR.coordinator, channel: 'web' } },
      {
        name: 'Coordination du Grand Cognac',
        territory: { level: 'epci', code: '200070514' },
        perimeter: 'epci',
      },
    );
    const desk = await browser.newContext();
    const page = await desk.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await signIn(page, LR.coordinator);
    await page.goto(`${origin}/gouvernances/${governance.id}`);
    await page.getByRole('link', { name: 'Lieux et diagnostic' }).click();
    await page.waitForURL(`${origin}/gouvernances/${governance.id}/lieux`);
    expect(await page.locator('h1').textContent()).toBe('Lieux et diagnostic territorial');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Fichier', { exact: true }).setInputFiles(CHARENTE_FILE);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.waitForURL(/\/lieux\/imports\/imp_/);
    const reportUrl = page.url();
    expect(await page.locator('h1').textContent()).toBe('Rapport d’import');
    expect(await page.locator('main').textContent()).toContain(
      'charente-2023-07-11.json, importé le 24 novembre 2026',
    );
    expect(await page.locator('#corrections + .table-scroll tbody tr').count()).toBeGreaterThan(
      100,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Retour aux lieux' }).click();
    await page.waitForURL(`${origin}/gouvernances/${governance.id}/lieux`);
    expect(await page.locator('#lieux + .table-scroll').textContent()).toContain('À actualiser');
    expect(await seriousViolations(page)).toEqual([]);
    const duplicates = await page.locator('form.merge').count();
    expect(duplicates).toBeGreaterThan(0);
    await page.locator('form.merge').first().getByRole('button', { name: 'Fusionner' }).click();
    await page.waitForURL(`${origin}/gouvernances/${governance.id}/lieux/fusion`);
    expect(await page.getByRole('status').textContent()).toContain('Fiches fusionnées');
    expect(await page.locator('form.merge').count()).toBe(duplicates - 1);
    expect(await seriousViolations(page)).toEqual([]);

    // On a phone: the long national ids of the duplicates and the fixes stay within the screen.
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const small = await phone.newPage();
    await signIn(small, LR.coordinator);
    for (const url of [`${origin}/gouvernances/${governance.id}/lieux`, reportUrl]) {
      await small.goto(url);
      expect(await small.evaluate('document.documentElement.scrollWidth'), url).toBeLessThanOrEqual(
        360,
      );
      expect(await seriousViolations(small), url).toEqual([]);
    }
    expect(problems).toEqual([]);
    await phone.close();
    await desk.close();
  }, 120_000);

  it('refuses a link used once already with a French page', async () => {
    const link = await world.linkFor('per_lrgiraud');
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(`${origin}${link}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${origin}/`);
    const second = await browser.newContext();
    const again = await second.newPage();
    await again.goto(`${origin}${link}`);
    await again.getByRole('button', { name: 'Me connecter' }).click();
    expect(await again.locator('h1').textContent()).toBe('Lien de connexion invalide');
    expect(await seriousViolations(again)).toEqual([]);
    await first.close();
    await second.close();
  });

  it('gives « Mon agenda » a link to copy, and renews it with its button', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'per_lrmarchand');
    await page.goto(`${origin}/compte`);
    await page.getByRole('button', { name: 'Créer mon lien d’agenda' }).click();
    // A first link replaces nothing: no « l’ancien ne fonctionne plus » to read.
    await page.waitForURL(/\/compte#agenda$/);
    expect(await page.getByText('l’ancien ne fonctionne plus').count()).toBe(0);
    const field = page.getByLabel('Le lien de votre agenda');
    const first = await field.inputValue();
    expect(first).toMatch(/\/calendars\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Renouveler le lien' }).click();
    await page.waitForURL(/\/compte\?agenda=nouveau#agenda$/);
    expect(await page.getByText('l’ancien ne fonctionne plus').count()).toBe(1);
    const second = await page.getByLabel('Le lien de votre agenda').inputValue();
    expect(second).not.toBe(first);
    const opens = async (url: string) =>
      (await readCalendarFeed(world.admin, { token: /([A-Za-z0-9_-]{43})\.ics$/.exec(url)?.[1] }))
        ?.personId;
    expect(await opens(first)).toBeUndefined();
    expect(await opens(second)).toBe('per_lrmarchand');
    await context.close();
  });

  it('fits a phone’s 360 px: nothing wider than the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${origin}${await world.linkFor('per_lrgiraud')}`);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await page.waitForURL(`${origin}/`);
    await page.goto(`${origin}/gouvernances/${LR.governance}`);
    // A string, evaluated in the page: this package's types know Node, not the DOM.
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
