import { DEMO_IDS } from '@maille/demo';
import type { Delivery } from '@maille/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formClient, NOW, ORIGIN, openTestWeb } from '../test/harness.ts';

const LR = DEMO_IDS.laRochelle;
const PERSON = LR.coordinator;
const DELIVERY = 'dlv_desabo0000001';

let world: Awaited<ReturnType<typeof openTestWeb>>;
beforeAll(async () => {
  world = await openTestWeb();
  const delivery: Delivery = {
    id: DELIVERY,
    dedupeKey: `milestone:mil_x:2026-11-27:J-3:${PERSON}:email`,
    governanceId: LR.governance,
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: PERSON, medium: 'email' },
    subject: { type: 'milestone', id: 'mil_desabo01' },
    dueAt: NOW,
    expiresAt: NOW,
    status: 'sent',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
  await world.admin.store.transaction((repos) => repos.deliveries.insertIfAbsent([delivery]));
});
afterAll(() => world?.drop());

const { get } = formClient(() => world);
const pausedKinds = async () =>
  (await world.admin.store.transaction((repos) => repos.persons.get(PERSON)))?.reminders
    .pausedKinds ?? [];

describe('the unsubscribe link of an e-mail', () => {
  it('shows a button and changes nothing when opened (a link checker must not unsubscribe)', async () => {
    const page = await get(`/desabonnement/${DELIVERY}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Ne plus recevoir ce type de rappel : rappel de jalon');
    expect(text).toContain(`<form method="post" action="/desabonnement/${DELIVERY}">`);
    expect(await pausedKinds()).toEqual([]);
  });

  it('turns that kind of reminder off on the one-click POST of a mail program, without Origin nor session', async () => {
    const response = await world.web.request(`${ORIGIN}/desabonnement/${DELIVERY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Vous ne recevrez plus ce type de rappel');
    expect(await pausedKinds()).toEqual(['milestone_reminder']);
    // Twice is the same as once; the page then says it is already done.
    await world.web.request(`${ORIGIN}/desabonnement/${DELIVERY}`, { method: 'POST' });
    expect(await pausedKinds()).toEqual(['milestone_reminder']);
    expect(await (await get(`/desabonnement/${DELIVERY}`)).text()).toContain('déjà désactivé');
  });

  it('answers a French « not found » to an address that names no delivery', async () => {
    const page = await get('/desabonnement/dlv_inconnu000001');
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Page introuvable');
  });
});
