import { beforeEach, describe, expect, it } from 'vitest';
import { planReminders } from '../../reminders/plan.ts';
import { holdOf } from '../../reminders/recheck.ts';
import { ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from '../actors/create-organization.ts';
import { addGovernanceOrganization } from '../governance/add-governance-organization.ts';
import { addFundingLine } from './add-funding-line.ts';
import { createAction } from './create-action.ts';
import { createRoadmap } from './create-roadmap.ts';
import { getFundingCalendar } from './get-funding-calendar.ts';
import { recordFundingPayment } from './record-funding-payment.ts';
import { updateFundingLine } from './update-funding-line.ts';

// 13 May 2024, 08:00 UTC: a Monday.
describe('a funding line’s calendar', () => {
  let world: TestWorld;
  let actionId: string;
  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    actionId = (
      await createAction(coordinator, {
        roadmapId: roadmap.id,
        code: 'A1',
        title: 'Conseillers numériques',
        ownerId: world.people.member.id,
      })
    ).id;
  });

  const validationOf = async (attempt: Promise<unknown>) => {
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues;
  };

  it('keeps each status change with its date, author and channel', async () => {
    const coordinator = world.as('coordinator', 'web');
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'caf',
      amountCents: 1_200_000,
      applicationDeadline: '2024-06-14',
    });
    expect(line.statusHistory).toEqual([
      { status: 'envisage', at: world.clock(), by: world.people.coordinator.id, channel: 'web' },
    ]);
    world.clock.set('2024-06-10T09:00:00.000Z');
    const sent = await updateFundingLine(world.as('member', 'discord'), {
      id: line.id,
      expectedVersion: 1,
      patch: { status: 'demande' },
    });
    expect(sent.statusHistory.at(-1)).toEqual({
      status: 'demande',
      at: '2024-06-10T09:00:00.000Z',
      by: world.people.member.id,
      channel: 'discord',
    });
    // A change that leaves the status alone adds nothing to its history.
    const noted = await updateFundingLine(coordinator, {
      id: line.id,
      patch: { note: 'Dossier complet.' },
    });
    expect(noted.statusHistory).toHaveLength(2);
  });

  it('refuses dates out of order and payments over the amount granted, naming the field, writing nothing', async () => {
    const coordinator = world.as('coordinator');
    const issues = await validationOf(
      addFundingLine(coordinator, {
        actionId,
        funderKind: 'region',
        amountCents: 500_000,
        applicationDeadline: '2024-04-30',
        decidedOn: '2024-04-01',
      }),
    );
    expect(issues).toEqual([
      {
        path: ['decidedOn'],
        message:
          'La date de décision (1er avril 2024) précède la date limite de dépôt (30 avril 2024).',
      },
    ]);
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'region',
      amountCents: 500_000,
      status: 'accorde',
      grantedCents: 400_000,
      decidedOn: '2024-05-02',
    });
    const over = await validationOf(
      recordFundingPayment(coordinator, {
        fundingLineId: line.id,
        payment: { on: '2024-05-10', amountCents: 450_000 },
      }),
    );
    expect(over[0]?.message).toBe(
      'Les versements (4\u202f500\u00a0€) dépassent le montant accordé (4\u202f000\u00a0€).',
    );
    const early = await validationOf(
      recordFundingPayment(coordinator, {
        fundingLineId: line.id,
        payment: { on: '2024-04-01', amountCents: 100_000 },
      }),
    );
    expect(early[0]?.path).toEqual(['payments', 0, 'on']);
    const ended = await validationOf(
      updateFundingLine(coordinator, { id: line.id, patch: { agreementEndsOn: '2024-01-31' } }),
    );
    expect(ended[0]?.path).toEqual(['patch', 'agreementEndsOn']);
    // Nothing of the refused changes was written.
    const calendar = await getFundingCalendar(coordinator, { governanceId: world.governance.id });
    const stored = calendar.lines.find((l) => l.line.id === line.id)?.line;
    expect(stored).toMatchObject({ version: 1, payments: [] });
    expect(stored?.agreementEndsOn).toBeUndefined();
    expect(calendar.lines).toHaveLength(1);
  });

  it('refuses a funder outside the line’s governance, naming the field, writing nothing', async () => {
    const coordinator = world.as('coordinator');
    const [caf, elsewhere] = await Promise.all(
      ['CAF de la Charente-Maritime', 'Région Occitanie'].map((name) =>
        createOrganization(world.as('admin'), { name, category: 'caf' }),
      ),
    );
    if (!caf || !elsewhere) throw new Error('deux structures attendues');
    await addGovernanceOrganization(coordinator, {
      governanceId: world.governance.id,
      organizationId: caf.id,
      role: 'membre',
    });
    const refused = await validationOf(
      addFundingLine(coordinator, {
        actionId,
        funderKind: 'region',
        funderOrganizationId: elsewhere.id,
        amountCents: 500_000,
      }),
    );
    expect(refused).toEqual([
      {
        path: ['funderOrganizationId'],
        message:
          'Cette structure ne fait pas partie de la gouvernance : ajoutez-la à ses structures avant d’en faire le financeur.',
      },
    ]);
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'caf',
      funderOrganizationId: caf.id,
      amountCents: 500_000,
    });
    const changed = await validationOf(
      updateFundingLine(coordinator, {
        id: line.id,
        patch: { funderOrganizationId: elsewhere.id, amountCents: 600_000 },
      }),
    );
    expect(changed.map((issue) => issue.path)).toEqual([['patch', 'funderOrganizationId']]);
    // Nothing written: the one line, as it was added.
    const calendar = await getFundingCalendar(coordinator, { governanceId: world.governance.id });
    expect(calendar.lines.map((l) => l.line)).toEqual([
      expect.objectContaining({ id: line.id, version: 1, funderOrganizationId: caf.id }),
    ]);
    expect(calendar.lines[0]?.line.amountCents).toBe(500_000);
  });

  it('takes payments in parts and moves the line to « Versé » with the one that completes it', async () => {
    const coordinator = world.as('coordinator');
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'caf',
      amountCents: 1_200_000,
      status: 'accorde',
      decidedOn: '2024-04-15',
    });
    const half = await recordFundingPayment(coordinator, {
      fundingLineId: line.id,
      expectedVersion: 1,
      payment: { on: '2024-05-02', amountCents: 600_000, note: 'Avance de 50 %' },
    });
    expect(half.status).toBe('accorde');
    world.clock.set('2024-12-02T09:00:00.000Z');
    const all = await recordFundingPayment(coordinator, {
      fundingLineId: line.id,
      payment: { on: '2024-11-30', amountCents: 600_000, note: 'Solde' },
    });
    expect(all.status).toBe('verse');
    expect(all.statusHistory.map((s) => s.status)).toEqual(['accorde', 'verse']);
    expect(all.payments.map((p) => p.note)).toEqual(['Avance de 50 %', 'Solde']);
  });

  it('sums per funder what was asked, granted and paid, and lists the deadlines to meet', async () => {
    const coordinator = world.as('coordinator');
    const caf = await createOrganization(world.as('admin'), {
      name: 'CAF de la Charente-Maritime',
      category: 'caf',
    });
    await addGovernanceOrganization(coordinator, {
      governanceId: world.governance.id,
      organizationId: caf.id,
      role: 'co_porteur',
    });
    const granted = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'caf',
      funderOrganizationId: caf.id,
      amountCents: 1_000_000,
      status: 'accorde',
      grantedCents: 800_000,
      decidedOn: '2024-03-01',
      reportDueOn: '2024-06-30',
    });
    await recordFundingPayment(coordinator, {
      fundingLineId: granted.id,
      payment: { on: '2024-03-15', amountCents: 300_000 },
    });
    await addFundingLine(coordinator, {
      actionId,
      funderKind: 'caf',
      funderOrganizationId: caf.id,
      amountCents: 200_000,
      status: 'demande',
    });
    await addFundingLine(coordinator, {
      actionId,
      funderKind: 'region',
      amountCents: 3_000_000,
      applicationDeadline: '2024-05-10',
    });
    // Sent already: its deadline asks nothing any more.
    await addFundingLine(coordinator, {
      actionId,
      funderKind: 'etat',
      amountCents: 100_000,
      status: 'demande',
      applicationDeadline: '2024-05-20',
    });
    const calendar = await getFundingCalendar(coordinator, { governanceId: world.governance.id });
    expect(calendar.funders).toEqual([
      {
        funderOrganizationId: caf.id,
        funderKind: 'caf',
        label: 'CAF de la Charente-Maritime',
        lineCount: 2,
        askedCents: 1_200_000,
        grantedCents: 800_000,
        paidCents: 300_000,
        toBePaidCents: 500_000,
      },
      expect.objectContaining({ label: 'État', askedCents: 100_000, grantedCents: 0 }),
      // « Envisagé »: not asked yet.
      expect.objectContaining({ label: 'Région', askedCents: 0, lineCount: 1 }),
    ]);
    expect(calendar.due.map((d) => [d.label, d.funder, d.date, d.daysUntil])).toEqual([
      ['Date limite de dépôt', 'Région', '2024-05-10', -3],
      ['Bilan à rendre', 'CAF de la Charente-Maritime', '2024-06-30', 48],
    ]);
    expect(calendar.totals).toEqual({
      askedCents: 1_300_000,
      grantedCents: 800_000,
      paidCents: 300_000,
      toBePaidCents: 500_000,
    });
  });

  it('reminds the action’s owner and the coordination before a deadline, and stops once it is met', async () => {
    const coordinator = world.as('coordinator');
    const line = await addFundingLine(coordinator, {
      actionId,
      funderKind: 'region',
      amountCents: 3_000_000,
      applicationDeadline: '2024-06-14',
    });
    // Reminders go to people the chat can reach.
    const { governance } = world;
    const readPersons = (
      await world.store.transaction((repos) =>
        repos.persons.getMany([world.people.coordinator.id, world.people.member.id]),
      )
    ).map((p, i) => ({
      ...p,
      chatAccounts: [
        { platform: 'discord' as const, userId: `40000000000000000${i}`, linkedAt: world.clock() },
      ],
    }));
    const plan = planReminders({
      governance,
      now: world.clock(),
      horizonDays: 60,
      actions: [
        {
          id: actionId,
          governanceId: governance.id,
          ownerId: world.people.member.id,
          status: 'en_cours',
        },
      ],
      fundingLines: [line],
      persons: readPersons,
    }).filter((d) => d.kind === 'funding_deadline');
    // J-30 (15 May), J-7 (7 June), J-1 (13 June) at 09:00 Paris, to the owner and the coordinator.
    expect(plan.map((d) => [d.dueAt, d.recipient])).toEqual([
      ['2024-05-15T07:00:00.000Z', { type: 'person', personId: world.people.coordinator.id }],
      ['2024-05-15T07:00:00.000Z', { type: 'person', personId: world.people.member.id }],
      ['2024-06-07T07:00:00.000Z', { type: 'person', personId: world.people.coordinator.id }],
      ['2024-06-07T07:00:00.000Z', { type: 'person', personId: world.people.member.id }],
      ['2024-06-13T07:00:00.000Z', { type: 'person', personId: world.people.coordinator.id }],
      ['2024-06-13T07:00:00.000Z', { type: 'person', personId: world.people.member.id }],
    ]);
    expect(plan[0]?.dedupeKey).toBe(
      `funding:${line.id}:depot:2024-06-14:J-30:${world.people.coordinator.id}`,
    );
    const delivery = {
      ...(plan[2] as (typeof plan)[number]),
      id: 'dlv_test000001',
      status: 'pending' as const,
      attempts: 0,
      createdAt: world.clock(),
      updatedAt: world.clock(),
      version: 1,
    };
    const person = readPersons.find((p) => p.id === world.people.coordinator.id);
    const facts = {
      governance,
      person,
      action: { status: 'en_cours' as const, ownerId: world.people.member.id },
    };
    const at = '2024-06-07T07:00:00.000Z';
    expect(holdOf(delivery, { ...facts, fundingLine: line }, at)).toBeUndefined();
    // The application was sent: the reminder is void.
    expect(holdOf(delivery, { ...facts, fundingLine: { ...line, status: 'demande' } }, at)).toEqual(
      {
        status: 'skipped',
        reason: 'Le dossier a déjà été déposé.',
      },
    );
    // The deadline moved: the reminders planned for the old date are void.
    expect(
      holdOf(
        delivery,
        { ...facts, fundingLine: { ...line, applicationDeadline: '2024-06-28' } },
        at,
      )?.reason,
    ).toBe('L’échéance a été déplacée au 28 juin 2024.');
  });
});
