import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, StaleVersionError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { addFundingLine } from './add-funding-line.ts';
import { correctFundingPayment } from './correct-funding-payment.ts';
import { createAction } from './create-action.ts';
import { createRoadmap } from './create-roadmap.ts';
import { getFundingLine } from './get-funding-line.ts';
import { recordFundingPayment } from './record-funding-payment.ts';
import { updateFundingLine } from './update-funding-line.ts';

// The world's clock: 13 May 2024.
describe('correcting a payment recorded by mistake', () => {
  let world: TestWorld;
  let lineId: string;
  beforeEach(async () => {
    world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route 2024-2027',
      fromYear: 2024,
      toYear: 2027,
    });
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Conseillers numériques',
    });
    const line = await addFundingLine(coordinator, {
      actionId: action.id,
      funderKind: 'caf',
      amountCents: 1_200_000,
      status: 'accorde',
      decidedOn: '2024-03-01',
    });
    lineId = line.id;
    // Version 2: 4 000 € on 15 March; version 3: 8 000 € on 2 May, which completes it.
    await recordFundingPayment(coordinator, {
      fundingLineId: lineId,
      payment: { on: '2024-03-15', amountCents: 400_000 },
    });
    await recordFundingPayment(coordinator, {
      fundingLineId: lineId,
      payment: { on: '2024-05-02', amountCents: 800_000, note: 'Solde' },
    });
  });

  const read = () => getFundingLine(world.as('coordinator'), { fundingLineId: lineId });
  const failureOf = (attempt: Promise<unknown>) => attempt.catch((e: unknown) => e);

  it('changes the amount of a payment, and a line no longer fully paid goes back to « Accordé »', async () => {
    const coordinator = world.as('coordinator', 'web');
    expect((await read()).status).toBe('verse');
    const corrected = await correctFundingPayment(coordinator, {
      fundingLineId: lineId,
      index: 1,
      expectedVersion: 3,
      payment: { on: '2024-05-02', amountCents: 600_000, note: 'Solde partiel' },
    });
    expect(corrected.payments).toEqual([
      { on: '2024-03-15', amountCents: 400_000 },
      { on: '2024-05-02', amountCents: 600_000, note: 'Solde partiel' },
    ]);
    expect(corrected.status).toBe('accorde');
    expect(corrected.statusHistory.map((s) => s.status)).toEqual(['accorde', 'verse', 'accorde']);
    expect(corrected.version).toBe(4);
    const events = await world.store.transaction((repos) =>
      repos.auditEvents.listByEntity('funding_line', lineId),
    );
    expect(events.at(-1)).toMatchObject({
      action: 'payment_correction',
      actorId: world.people.coordinator.id,
      channel: 'web',
    });
  });

  it('deletes a payment, keeping the others in date order', async () => {
    const deleted = await correctFundingPayment(world.as('coordinator'), {
      fundingLineId: lineId,
      index: 0,
      expectedVersion: 3,
      payment: null,
    });
    expect(deleted.payments).toEqual([{ on: '2024-05-02', amountCents: 800_000, note: 'Solde' }]);
    expect(deleted.status).toBe('accorde');
    const events = await world.store.transaction((repos) =>
      repos.auditEvents.listByEntity('funding_line', lineId),
    );
    expect(events.at(-1)?.action).toBe('payment_deletion');
  });

  it('refuses a correction dated in the future or over the amount granted, naming the field, writing nothing', async () => {
    const coordinator = world.as('coordinator');
    const future = await failureOf(
      correctFundingPayment(coordinator, {
        fundingLineId: lineId,
        index: 0,
        expectedVersion: 3,
        payment: { on: '2024-06-15', amountCents: 400_000 },
      }),
    );
    expect(future).toBeInstanceOf(ValidationError);
    expect((future as ValidationError).issues).toEqual([
      {
        path: ['payment', 'on'],
        message: 'Le versement du 15 juin 2024 est dans le futur : enregistrez-le une fois reçu.',
      },
    ]);
    const over = await failureOf(
      correctFundingPayment(coordinator, {
        fundingLineId: lineId,
        index: 0,
        expectedVersion: 3,
        payment: { on: '2024-03-15', amountCents: 500_000 },
      }),
    );
    expect((over as ValidationError).issues).toEqual([
      {
        path: ['payments'],
        message:
          'Les versements (13\u202f000\u00a0€) dépassent le montant accordé (12\u202f000\u00a0€).',
      },
    ]);
    expect(await read()).toMatchObject({ version: 3, status: 'verse' });
  });

  it('tells a stale edit it is stale before any rule, and an unknown payment that it is unknown', async () => {
    const coordinator = world.as('coordinator');
    // Someone else changed the line meanwhile: the edit based on version 3 is a conflict, even
    // though its payment would also break a rule.
    await updateFundingLine(coordinator, { id: lineId, patch: { note: 'Relu.' } });
    const stale = await failureOf(
      correctFundingPayment(coordinator, {
        fundingLineId: lineId,
        index: 0,
        expectedVersion: 3,
        payment: { on: '2030-01-01', amountCents: 400_000 },
      }),
    );
    expect(stale).toBeInstanceOf(StaleVersionError);
    const unknown = await failureOf(
      correctFundingPayment(coordinator, {
        fundingLineId: lineId,
        index: 2,
        expectedVersion: 4,
        payment: null,
      }),
    );
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect((unknown as NotFoundError).message).toBe(
      `Versement introuvable : n° 3 du financement ${lineId}.`,
    );
    expect((await read()).payments).toHaveLength(2);
  });

  it('refuses a line made « Versé » without any payment, and a decision in the future', async () => {
    const coordinator = world.as('coordinator');
    const line = await addFundingLine(coordinator, {
      actionId: (await read()).actionId,
      funderKind: 'region',
      amountCents: 500_000,
      status: 'accorde',
      decidedOn: '2024-05-13',
    });
    const error = await failureOf(
      updateFundingLine(coordinator, {
        id: line.id,
        expectedVersion: 1,
        patch: { status: 'verse', decidedOn: '2024-05-14' },
      }),
    );
    expect((error as ValidationError).issues.map((i) => i.path)).toEqual([
      ['patch', 'decidedOn'],
      ['patch', 'status'],
    ]);
    expect(
      (await getFundingLine(coordinator, { fundingLineId: line.id })).statusHistory,
    ).toHaveLength(1);
  });
});
