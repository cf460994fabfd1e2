import { DEMO_IDS } from '@maille/demo';
import {
  addFundingLine,
  assignRole,
  createPerson,
  recordFundingPayment,
} from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, cursorOf, expectProblem, faultyFields, send } from './requests.ts';

// A governance's history through the API: who changed what, when, through which channel, read a
// page at a time, each event with its French reading; what an erased person did stays, unnamed.

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;
const ACTION = 'act_lr0001';

const api = suiteApi();

interface Entry {
  event: {
    id: string;
    entity: string;
    entityId: string;
    action: string;
    channel: string;
    actorId?: string;
  };
  line: {
    author: string;
    when: string;
    channel: string;
    summary: string;
    changes: { label: string; before?: string; after?: string; added?: string[] }[];
  };
}

async function history(path: string, token: string) {
  const response = await api.app.request(path, { headers: bearer(token) });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('Link') ?? '')?.[1];
  return { items: (JSON.parse(text) as { items: Entry[] }).items, next };
}

/** Renames an action through the API, as `token`. */
async function renameAction(token: string, title: string) {
  const read = await api.app.request(`/actions/${ACTION}`, { headers: bearer(token) });
  const response = await api.app.request(
    `/actions/${ACTION}`,
    send('PATCH', { token, body: { title }, ifMatch: read.headers.get('ETag') ?? '' }),
  );
  expect(response.status, await response.text()).toBe(200);
}

describe('GET /governances/{id}/history', () => {
  it('tells who changed an action, through the API, in French', async () => {
    await renameAction(api.keys.coordinator, 'Conseillers numériques en mairie');
    const { items } = await history(
      `/governances/${LR.governance}/history?limit=5`,
      api.keys.observer,
    );
    const [latest] = items;
    expect(latest?.event).toMatchObject({ entity: 'action', entityId: ACTION, channel: 'api' });
    expect(latest?.event.actorId).toBe(LR.coordinator);
    expect(latest?.line.channel).toBe('API');
    expect(latest?.line.summary).toMatch(
      /^a modifié l’action « .*Conseillers numériques en mairie »$/,
    );
    expect(latest?.line.changes).toEqual([
      expect.objectContaining({ label: 'Titre', after: 'Conseillers numériques en mairie' }),
    ]);
    expect(latest?.line.author).not.toBe('');
    expect(latest?.line.when).toMatch(/^\d{1,2}(er)? \p{L}+ \d{4} à \d{1,2}\u00a0h\u00a0\d{2}$/u);
  });

  it('pages through the whole history by its Link, newest first, never twice the same event', async () => {
    // The test clock stands still: these changes share one instant, and pages still split them.
    for (let n = 1; n <= 9; n++) await renameAction(api.keys.coordinator, `Conseillers ${n}`);
    const all = await history(
      `/governances/${LR.governance}/history?limit=100`,
      api.keys.coordinator,
    );
    expect(all.items.length).toBeGreaterThan(6);
    const seen: string[] = [];
    let next: string | undefined = `/governances/${LR.governance}/history?limit=4`;
    let pages = 0;
    while (next !== undefined) {
      const page = await history(next, api.keys.coordinator);
      seen.push(...page.items.map((e) => e.event.id));
      next = page.next;
      pages += 1;
      expect(pages).toBeLessThan(100);
    }
    expect(all.next).toBeUndefined();
    expect(seen).toEqual(all.items.map((e) => e.event.id));
    expect(all.items[0]?.line.summary).toMatch(/« .*Conseillers 9 »$/);
    expect(all.items[0]?.line.changes[0]).toMatchObject({ before: 'Conseillers 8' });
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps one record’s history, or one kind of record', async () => {
    const one = await history(
      `/governances/${LR.governance}/history?entity=action&entityId=${ACTION}`,
      api.keys.member,
    );
    expect(one.items.length).toBeGreaterThan(0);
    expect(one.items.every((e) => e.event.entityId === ACTION)).toBe(true);
    const roadmaps = await history(
      `/governances/${LR.governance}/history?entity=roadmap`,
      api.keys.member,
    );
    expect(roadmaps.items.every((e) => e.event.entity === 'roadmap')).toBe(true);
  });

  it('takes the French names of the web workspace, an id alone, and gives an action’s milestones too', async () => {
    await renameAction(api.keys.coordinator, 'Conseillers numériques de quartier');
    const created = await api.app.request(
      `/roadmaps/${LR.roadmap}/milestones`,
      send('POST', {
        token: api.keys.coordinator,
        body: { actionId: ACTION, title: 'Tournée des mairies', dueDate: '2027-03-01' },
      }),
    );
    expect(created.status, await created.text()).toBe(201);
    const byFrenchName = await history(
      `/governances/${LR.governance}/history?entite=jalon&limit=100`,
      api.keys.member,
    );
    expect(byFrenchName.items.length).toBeGreaterThan(0);
    expect(byFrenchName.items.every((e) => e.event.entity === 'milestone')).toBe(true);
    const ofAction = await history(
      `/governances/${LR.governance}/history?id=${ACTION}&limit=100`,
      api.keys.member,
    );
    const kinds = new Set(ofAction.items.map((e) => e.event.entity));
    expect(kinds.has('action')).toBe(true);
    expect(ofAction.items.map((e) => e.line.summary)).toContain(
      'a créé le jalon « Tournée des mairies »',
    );
    expect(
      [...kinds].every((k) => ['action', 'milestone', 'funding_line', 'update'].includes(k)),
    ).toBe(true);
    const actionEvents = ofAction.items.filter((e) => e.event.entity === 'action');
    expect(actionEvents.every((e) => e.event.entityId === ACTION)).toBe(true);
    const unknown = await api.app.request(`/governances/${LR.governance}/history?entite=fiche`, {
      headers: bearer(api.keys.coordinator),
    });
    const problem = await expectProblem(unknown, 400, 'validation');
    expect(problem.errors?.[0]?.message).toMatch(/Type d’élément inconnu/);
  });

  it('reads a payment as the item added to the funding line’s payments, and shows it in its action’s history', async () => {
    const coordinator = api.kernel({ personId: LR.coordinator });
    const line = await addFundingLine(coordinator, {
      actionId: ACTION,
      funderKind: 'etat',
      programme: 'Conseiller numérique',
      amountCents: 5_000_000,
      status: 'accorde',
      grantedCents: 5_000_000,
      decidedOn: '2026-06-01',
    });
    await recordFundingPayment(coordinator, {
      fundingLineId: line.id,
      payment: { on: '2026-09-01', amountCents: 2_500_000 },
    });
    const { items } = await history(
      `/governances/${LR.governance}/history?entite=action&id=${ACTION}&limit=5`,
      api.keys.observer,
    );
    const payment = items.find((e) => e.event.entityId === line.id && e.event.action === 'payment');
    expect(payment?.line.summary).toBe(
      'a enregistré un versement du financement « Conseiller numérique »',
    );
    expect(payment?.line.changes.find((c) => c.label === 'Versements')?.added).toEqual([
      expect.stringMatching(/^25\s000\s€ le 1er septembre 2026$/),
    ]);
  });

  it('is hidden from another governance’s coordinator and from the public, as the governance is', async () => {
    for (const headers of [bearer(api.keys.outsider), {}]) {
      const response = await api.app.request(`/governances/${LR.governance}/history`, { headers });
      await expectProblem(response, 404, 'introuvable');
    }
  });

  it('answers a bad cursor, filter or limit with a French 400 naming it', async () => {
    const tampered = await api.app.request(`/governances/${LR.governance}/history?cursor=abc%24`, {
      headers: bearer(api.keys.coordinator),
    });
    const problem = await expectProblem(tampered, 400, 'validation');
    expect(problem.errors).toEqual([
      { path: '/cursor', message: expect.stringMatching(/^Curseur invalide/) },
    ]);
    // A cursor of Dronne et Belle's history does not continue La Rochelle's.
    const theirs = await history(
      `/governances/${DB.governance}/history?limit=1`,
      api.keys.outsider,
    );
    const foreign = theirs.items[0]?.event.id as string;
    const crossed = await api.app.request(
      `/governances/${LR.governance}/history?cursor=${cursorOf(foreign)}`,
      { headers: bearer(api.keys.coordinator) },
    );
    expect(await faultyFields(crossed)).toEqual(['/cursor']);
    const entity = await api.app.request(`/governances/${LR.governance}/history?entity=fiche`, {
      headers: bearer(api.keys.coordinator),
    });
    const entityProblem = await expectProblem(entity, 400, 'validation');
    expect(entityProblem.errors?.map((e) => e.path)).toEqual(['/entity']);
    expect(entityProblem.errors?.[0]?.message).toMatch(/Type d’élément inconnu/);
    const limit = await api.app.request(`/governances/${LR.governance}/history?limit=0`, {
      headers: bearer(api.keys.coordinator),
    });
    expect(await faultyFields(limit)).toEqual(['/limit']);
  });

  it('still reads after its author’s erasure, naming them nowhere', async () => {
    const admin = api.kernel({ instanceAdmin: true });
    const jeanne = await createPerson(admin, {
      displayName: 'Jeanne Dupont-Lefèvre',
      functions: ['coordinateur'],
    });
    await assignRole(api.kernel({ personId: LR.coordinator }), {
      governanceId: LR.governance,
      personId: jeanne.id,
      role: 'coordinateur',
    });
    await renameAction(await api.keyFor(jeanne.id), 'Conseillers numériques itinérants');
    const before = await history(
      `/governances/${LR.governance}/history?limit=3`,
      api.keys.coordinator,
    );
    expect(before.items[0]?.line.author).toBe('Jeanne Dupont-Lefèvre');

    const erased = await api.app.request(
      `/persons/${jeanne.id}/erasure`,
      send('POST', { token: api.keys.coordinator, body: { confirmation: jeanne.id } }),
    );
    expect(erased.status).toBe(200);
    const response = await api.app.request(`/governances/${LR.governance}/history?limit=100`, {
      headers: bearer(api.keys.coordinator),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toMatch(/Jeanne|Dupont/i);
    const { items } = JSON.parse(text) as { items: Entry[] };
    const hers = items.find((e) => e.event.actorId === jeanne.id && e.event.entity === 'action');
    expect(hers?.line).toMatchObject({
      author: 'membre supprimé',
      summary: expect.stringMatching(/Conseillers numériques itinérants/),
    });
  });
});
