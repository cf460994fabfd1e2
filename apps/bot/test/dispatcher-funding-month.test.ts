import { timeOrderedIds } from '@maille/db';
import { testDialect } from '@maille/db/testing';
import { type FakeDiscord, startFakeDiscord } from '@maille/discord-fake';
import { coordinatorIds, type Delivery, type FundingLine, toLocal } from '@maille/domain';
import { updateFundingLine } from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DispatcherWorld, LA_ROCHELLE, openDispatcherWorld } from './dispatcher-world.ts';

// A month of January 2027 in La Rochelle, one dispatcher cycle an hour. A grant application to
// the Région is due on Wednesday 3 February; the CAF's report on Wednesday 20 January, handed in
// on Friday 15 January.
const START = '2027-01-04T00:00:00.000Z';
const END = '2027-02-04T00:00:00.000Z';
const STEP_MS = 60 * 60_000;
const ACTION = 'act_lr0006';
const APPLICATION = 'fun_lrregion1';
const REPORT = 'fun_lrcafbilan';

const dialect = testDialect();

function line(id: string, fields: Partial<FundingLine>): FundingLine {
  return {
    id,
    governanceId: LA_ROCHELLE,
    actionId: ACTION,
    funderKind: 'region',
    amountCents: 2_500_000,
    status: 'envisage',
    payments: [],
    statusHistory: [],
    createdAt: START,
    updatedAt: START,
    version: 1,
    ...fields,
  };
}

describe(`a simulated month of funding deadlines (${dialect})`, () => {
  let world: DispatcherWorld;
  let fake: FakeDiscord;
  let funding: Delivery[];
  let answering: string[];

  beforeAll(async () => {
    fake = await startFakeDiscord();
    world = await openDispatcherWorld(dialect, START, fake);
    await world.store.transaction(async (repos) => {
      await repos.fundingLines.insert(
        line(APPLICATION, {
          programme: 'Appel à projets « Numérique inclusif »',
          applicationDeadline: '2027-02-03',
        }),
      );
      await repos.fundingLines.insert(
        line(REPORT, {
          funderKind: 'caf',
          amountCents: 900_000,
          status: 'accorde',
          decidedOn: '2026-06-01',
          reportDueOn: '2027-01-20',
        }),
      );
      const governance = await repos.governances.get(LA_ROCHELLE);
      const action = await repos.actions.get(ACTION);
      answering = [
        ...new Set([action?.ownerId ?? '', ...coordinatorIds(governance ?? { roles: [] })]),
      ]
        .filter(Boolean)
        .sort();
    });
    const dispatcher = world.dispatcher({ planIntervalMs: 12 * 3_600_000, horizonDays: 7 });
    const coordinator = world.persons.find((p) => p.id === 'per_lrmoreau');
    for (let t = Date.parse(START); t <= Date.parse(END); t += STEP_MS) {
      const now = new Date(t).toISOString();
      world.clock.set(now);
      // Friday 15 January, 14:00: the coordinator records that the CAF's report was handed in.
      if (now === '2027-01-15T13:00:00.000Z' && coordinator) {
        await updateFundingLine(
          {
            store: world.store,
            clock: world.clock,
            ids: timeOrderedIds(),
            actor: { personId: coordinator.id, channel: 'web' },
          },
          { id: REPORT, patch: { reportSubmittedOn: '2027-01-15' } },
        );
      }
      await dispatcher.runOnce();
    }
    funding = (
      await world.store.transaction((repos) => repos.deliveries.listByGovernance(LA_ROCHELLE))
    ).filter((d) => d.kind === 'funding_deadline');
  }, 600_000);

  afterAll(async () => {
    await fake?.close();
    await world?.drop();
  });

  const of = (id: string) =>
    funding.filter((d) => d.subject.type === 'fundingLine' && d.subject.id === id);
  const recipientsOf = (deliveries: Delivery[]) =>
    [
      ...new Set(
        deliveries.map((d) => (d.recipient.type === 'person' ? d.recipient.personId : '')),
      ),
    ].sort();

  it('reminds the action’s owner and each coordinator 30, 7 and 1 days before the application deadline', () => {
    const sent = of(APPLICATION).filter((d) => d.status === 'sent');
    expect(recipientsOf(sent)).toEqual(answering);
    const days = [...new Set(sent.map((d) => toLocal(d.sentAt as string, 'Europe/Paris').date))];
    // J-30 is Monday 4 January, J-7 Wednesday 27, J-1 Tuesday 2 February: at 09:00, Paris time.
    expect(days.sort()).toEqual(['2027-01-04', '2027-01-27', '2027-02-02']);
    for (const delivery of sent) {
      expect(toLocal(delivery.sentAt as string, 'Europe/Paris')).toMatchObject({
        hour: 9,
        minute: 0,
      });
    }
    expect(sent).toHaveLength(3 * answering.length);
  });

  it('writes the deadline, the funder and what to do in each direct message, once', () => {
    const owner = answering[0] as string;
    const dms = fake.dms(world.discordIdOf(owner)).map((m) => m.content);
    const reminders = dms.filter((text) => text.includes('Dépôt du dossier de financement'));
    expect(reminders).toHaveLength(3);
    expect(reminders[0]).toContain('Dépôt du dossier de financement dans 30 jours');
    expect(reminders[0]).toContain('Date limite : **mercredi 3 février 2027**.');
    expect(reminders[0]).toContain('Appel à projets « Numérique inclusif »');
    expect(reminders[2]).toContain('demain');
    expect(reminders[2]).toContain('passez le financement à « Demandé »');
  });

  it('lists in the community’s weekly digest the deadlines to meet, and no longer the report handed in', () => {
    const digests = fake
      .messages(fake.guild.channels.community)
      .map((m) => m.content)
      .filter((text) => text.startsWith('📰'));
    // Fridays 8, 15, 22 and 29 January.
    expect(digests).toHaveLength(4);
    const [, fifteenth, twentySecond, last] = digests;
    // Friday 15 at 09:00, before the report was handed in that afternoon.
    expect(fifteenth).toContain('**Financements : échéances à tenir');
    expect(fifteenth).toMatch(/- Bilan à rendre — CAF, .*20 janvier/);
    expect(twentySecond).not.toContain('Bilan à rendre');
    expect(last).toMatch(/- Date limite de dépôt — Région.*3 février/);
  });

  it('stops the report’s reminders once it is handed in', () => {
    const report = of(REPORT);
    const byDay = (day: string) =>
      report.filter((d) => toLocal(d.dueAt, 'Europe/Paris').date === day);
    // J-7 (Wednesday 13) went out; J-1 (Tuesday 19) did not: the report was in.
    expect(byDay('2027-01-13').every((d) => d.status === 'sent')).toBe(true);
    expect(byDay('2027-01-13').length).toBe(answering.length);
    const after = report.filter((d) => d.dueAt > '2027-01-15T13:00:00.000Z');
    for (const delivery of after) {
      expect(delivery.status).not.toBe('sent');
    }
    const skipped = after.filter((d) => d.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]?.lastError).toBe('Le bilan a déjà été remis.');
  });
});
