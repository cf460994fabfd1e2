import { createStore } from '@maille/db';
import { DIALECTS, openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { buildDemoDataset, DEMO_IDS, seedDemo } from '@maille/demo';
import { type Delivery, displayNameOf, type Update, weekDigest } from '@maille/domain';
import type { Store } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReminderContext, renderReminder } from '../src/reminders/render.ts';

// The weekly digest reads only the open milestones up to its horizon and the updates since the
// previous digest. Over a long history, it must say what it said when it read everything.

const NOW = '2026-11-24T08:00:00.000Z';
const LR = DEMO_IDS.laRochelle;
const demo = buildDemoDataset({ now: NOW });

/** Two years of updates about La Rochelle's actions and milestones, the last few this week. */
function history(): Update[] {
  const subjects = [
    ...demo.actions.filter((a) => a.governanceId === LR.governance).map((a) => a.id),
    ...demo.milestones.filter((m) => m.governanceId === LR.governance).map((m) => m.id),
  ];
  const start = Date.parse('2024-11-24T08:00:00.000Z');
  const step = (Date.parse(NOW) - start) / 400;
  return Array.from({ length: 400 }, (_, i): Update => {
    const id = subjects[i % subjects.length] as string;
    return {
      id: `upd_week${String(i).padStart(4, '0')}`,
      governanceId: LR.governance,
      subject: { type: id.startsWith('act_') ? 'action' : 'milestone', id },
      authorId: LR.coordinator,
      channel: 'discord',
      kind: 'information',
      text: `Nouvelle n° ${i}`,
      createdAt: new Date(start + step * i).toISOString(),
    };
  });
}

function digestDelivery(): Delivery {
  return {
    id: 'dlv_weekhist1',
    dedupeKey: 'digest:history',
    governanceId: LR.governance,
    kind: 'community_digest',
    recipient: { type: 'channel', governanceId: LR.governance },
    subject: { type: 'governance', id: LR.governance },
    dueAt: NOW,
    expiresAt: '2026-11-25T08:00:00.000Z',
    status: 'claimed',
    claimedBy: 'bot',
    leaseUntil: '2026-11-24T08:01:00.000Z',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 2,
  };
}

/** What the digest said when it read every milestone and update of the governance. */
async function digestFromWholeHistory(store: Store) {
  return store.transaction(async (repos) => {
    const governance = await repos.governances.get(LR.governance);
    const [milestones, updates, deliveries, actions] = await Promise.all([
      repos.milestones.listByGovernance(LR.governance),
      repos.updates.listByGovernance(LR.governance),
      repos.deliveries.listByGovernance(LR.governance),
      repos.actions.listByGovernance(LR.governance),
    ]);
    const week = weekDigest({ now: NOW, today: '2026-11-24', milestones, updates, deliveries });
    const names = new Map<string, string>();
    const people = new Set([...week.late, ...week.upcoming].flatMap((m) => m.ownerId ?? []));
    for (const u of week.updates) people.add(u.authorId);
    for (const person of await repos.persons.getMany([...people])) {
      names.set(person.id, displayNameOf(person));
    }
    for (const m of milestones) names.set(m.id, m.title);
    for (const a of actions) names.set(a.id, `${a.code} — ${a.title}`);
    if (governance) names.set(governance.id, governance.name);
    return { week, names, governance };
  });
}

describe.each(DIALECTS)('the weekly digest over a long history on %s', (dialect) => {
  let test: TestDatabase;
  let store: Store;

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    store = createStore(test.database);
    const base = demo.milestones.find((m) => m.governanceId === LR.governance && !m.actionId);
    if (!base) throw new Error('the demo should have a milestone of La Rochelle’s roadmap');
    await store.transaction(async (repos) => {
      for (const update of history()) await repos.updates.insert(update);
      // Due on the last day the digest looks ahead to: listed.
      await repos.milestones.insert({
        ...base,
        id: 'mil_weekhorizon',
        title: 'Jalon du dernier jour de la semaine',
        dueDate: '2026-12-01',
        status: 'a_venir',
        version: 1,
      });
    });
  });
  afterAll(() => test.drop());

  it('says what it said when it read every milestone and update', async () => {
    const bounded = await loadReminderContext(store, digestDelivery(), NOW);
    const whole = await digestFromWholeHistory(store);
    expect(bounded.digest?.week).toEqual(whole.week);
    const message = renderReminder(bounded);
    expect(message).toEqual(renderReminder({ ...bounded, digest: whole }));
    // The week's updates are there, named by their subject, and none older.
    expect(whole.week.updates.length).toBeGreaterThan(0);
    expect(whole.week.updates.length).toBeLessThan(20);
    expect(message.text).toContain('Nouvelle n° 399');
    expect(message.text).not.toContain('Nouvelle n° 300');
    expect(bounded.digest?.week.upcoming.map((m) => m.id)).toContain('mil_weekhorizon');
  });
});
