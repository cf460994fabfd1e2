import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createTerritory } from '../actors/create-territory.ts';
import { createIndicator } from '../indicators/create-indicator.ts';
import { recordMeasurement } from '../indicators/record-measurement.ts';
import { addFundingLine } from '../roadmap/add-funding-line.ts';
import { changeRoadmapStatus } from '../roadmap/change-roadmap-status.ts';
import { createAction } from '../roadmap/create-action.ts';
import { createMilestone } from '../roadmap/create-milestone.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { recordUpdate } from '../roadmap/record-update.ts';
import { getGovernanceDashboard } from './get-governance-dashboard.ts';

// The world's clock stands on 2024-05-13 (10:00 in Paris).
describe('a governance dashboard', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  async function roadmap(title: string, fromYear = 2024) {
    return createRoadmap(world.as('coordinator'), {
      governanceId: world.governance.id,
      title,
      fromYear,
      toYear: fromYear + 3,
    });
  }

  async function action(roadmapId: string, code: string, budgetCents?: number) {
    return createAction(world.as('coordinator'), {
      roadmapId,
      code,
      title: `Fiche ${code}`,
      ownerId: world.people.member.id,
      ...(budgetCents === undefined ? {} : { budgetCents }),
    });
  }

  async function milestone(roadmapId: string, actionId: string, title: string, dueDate: string) {
    return createMilestone(world.as('coordinator'), {
      roadmapId,
      actionId,
      title,
      dueDate,
      ownerId: world.people.member.id,
    });
  }

  it('lists late milestones of every current roadmap, the latest first, with action and owner', async () => {
    const first = await roadmap('Feuille de route 2024-2027');
    const second = await roadmap('Plan « aidants »', 2023);
    const a1 = await action(first.id, 'A1');
    const b1 = await action(second.id, 'B1');
    await milestone(first.id, a1.id, 'Recrutement', '2024-05-10');
    await milestone(second.id, b1.id, 'Lancement', '2024-04-13');
    await milestone(first.id, a1.id, 'Premier atelier', '2024-05-20');
    await milestone(first.id, a1.id, 'Bilan', '2024-07-01');

    const dashboard = await getGovernanceDashboard(world.as('observer'), {
      governanceId: world.governance.id,
    });

    expect(dashboard.today).toBe('2024-05-13');
    expect(
      dashboard.lateMilestones.map((m) => [m.title, m.daysLate, m.roadmap.title, m.action?.code]),
    ).toEqual([
      ['Lancement', 30, 'Plan « aidants »', 'B1'],
      ['Recrutement', 3, 'Feuille de route 2024-2027', 'A1'],
    ]);
    expect(dashboard.lateMilestones[0]?.owner).toEqual({
      id: world.people.member.id,
      name: 'Marc Membre',
    });
    expect(dashboard.upcomingMilestones.map((m) => [m.title, m.daysUntil])).toEqual([
      ['Premier atelier', 7],
    ]);
    expect(dashboard.roadmaps.map((r) => [r.roadmap.title, r.lateMilestoneCount])).toEqual([
      ['Feuille de route 2024-2027', 1],
      ['Plan « aidants »', 1],
    ]);
  });

  it('looks as far ahead as asked, and leaves archived roadmaps out', async () => {
    const current = await roadmap('Feuille de route');
    const old = await roadmap('Ancienne feuille de route', 2020);
    const a1 = await action(current.id, 'A1');
    const z1 = await action(old.id, 'Z1');
    await milestone(current.id, a1.id, 'Bilan', '2024-07-01');
    await milestone(old.id, z1.id, 'Oublié', '2024-01-01');
    await changeRoadmapStatus(world.as('coordinator'), { roadmapId: old.id, status: 'archivee' });

    const dashboard = await getGovernanceDashboard(world.as('coordinator'), {
      governanceId: world.governance.id,
      upcomingDays: 60,
    });

    expect(dashboard.upcomingMilestones.map((m) => m.title)).toEqual(['Bilan']);
    expect(dashboard.lateMilestones).toEqual([]);
    expect(dashboard.roadmaps.map((r) => r.roadmap.title)).toEqual(['Feuille de route']);
  });

  it('shows the latest updates first, as many as asked, with the title of their subject', async () => {
    const current = await roadmap('Feuille de route');
    const a1 = await action(current.id, 'A1');
    const texts = ['Premier point.', 'Deuxième point.', 'Troisième point.'];
    for (const [index, text] of texts.entries()) {
      world.clock.set(`2024-05-1${index}T08:00:00.000Z`);
      await recordUpdate(world.as('member'), { subject: { type: 'action', id: a1.id }, text });
    }
    world.clock.set('2024-05-13T08:00:00.000Z');
    await recordUpdate(world.as('coordinator'), {
      subject: { type: 'governance', id: world.governance.id },
      kind: 'decision',
      text: 'Comité de pilotage fixé au 4 juin.',
    });

    const dashboard = await getGovernanceDashboard(world.as('member'), {
      governanceId: world.governance.id,
      recentUpdates: 3,
    });

    expect(dashboard.recentUpdates.map((u) => [u.text, u.subject.title, u.author.name])).toEqual([
      ['Comité de pilotage fixé au 4 juin.', 'CTIN de test', 'Claire Coordinatrice'],
      ['Troisième point.', 'A1 · Fiche A1', 'Marc Membre'],
      ['Deuxième point.', 'A1 · Fiche A1', 'Marc Membre'],
    ]);
  });

  it('sums funding secured against budget by roadmap and in total, in cents', async () => {
    const first = await roadmap('Feuille de route');
    const second = await roadmap('Plan « aidants »', 2023);
    const bus = await action(first.id, 'A1', 12_000_000);
    const helpers = await action(second.id, 'B1', 3_000_000);
    const coordinator = world.as('coordinator');
    await addFundingLine(coordinator, {
      actionId: bus.id,
      funderKind: 'region',
      amountCents: 6_000_000,
      status: 'accorde',
    });
    await addFundingLine(coordinator, {
      actionId: bus.id,
      funderKind: 'etat',
      amountCents: 2_000_000,
      status: 'demande',
    });
    await addFundingLine(coordinator, {
      actionId: helpers.id,
      funderKind: 'caf',
      amountCents: 1_500_050,
      status: 'verse',
      // « Versé » carries the payment received.
      payments: [{ on: '2024-05-02', amountCents: 1_500_050 }],
    });

    const { funding } = await getGovernanceDashboard(coordinator, {
      governanceId: world.governance.id,
    });

    expect(funding.byRoadmap.map((f) => [f.roadmap.title, f.securedCents, f.budgetCents])).toEqual([
      ['Feuille de route', 6_000_000, 12_000_000],
      ['Plan « aidants »', 1_500_050, 3_000_000],
    ]);
    expect(funding.total).toMatchObject({
      budgetCents: 15_000_000,
      securedCents: 7_500_050,
      pendingCents: 2_000_000,
      gapCents: 7_499_950,
      securedRatio: 7_500_050 / 15_000_000,
    });
    expect(funding.total.summary).toMatch(/^75\s000,50\s€ obtenus sur 150\s000\s€$/);
  });

  it('judges each indicator on the governance’s territory against its target', async () => {
    const coordinator = world.as('coordinator');
    for (const [level, code, name, parents] of [
      ['departement', '17', 'Charente-Maritime', []],
      ['epci', '241700434', 'CDA de La Rochelle', [{ level: 'departement', code: '17' }]],
      ['commune', '17300', 'La Rochelle', [{ level: 'epci', code: '241700434' }]],
      ['commune', '17028', 'Aytré', [{ level: 'epci', code: '241700434' }]],
    ] as const) {
      await createTerritory(world.as('admin'), { level, code, name, parents: [...parents] });
    }
    const quarterly = await createIndicator(coordinator, {
      governanceId: world.governance.id,
      code: 'actions_accompagnement',
      label: 'Actions d’accompagnement',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'trimestrielle',
      targets: [{ period: '2024-T1', value: 300 }],
    });
    const yearly = await createIndicator(coordinator, {
      governanceId: world.governance.id,
      code: 'personnes_accompagnees',
      label: 'Personnes accompagnées',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
      targets: [{ period: '2024', value: 1000 }],
    });
    // The current quarter (T2) has no value yet: the last complete one is judged.
    for (const [code, value] of [
      ['17300', 180],
      ['17028', 70],
    ] as const) {
      await recordMeasurement(coordinator, {
        indicatorId: quarterly.id,
        territory: { level: 'commune', code },
        period: '2024-T1',
        value,
        status: 'valide',
      });
    }
    // The running year has a value recorded for the EPCI itself: judged on pace.
    await recordMeasurement(world.as('member'), {
      indicatorId: yearly.id,
      territory: world.governance.territory,
      period: '2024',
      value: 300,
    });

    const { indicators } = await getGovernanceDashboard(coordinator, {
      governanceId: world.governance.id,
    });

    expect(indicators.map((i) => i.indicator.code)).toEqual([
      'actions_accompagnement',
      'personnes_accompagnees',
    ]);
    expect(indicators[0]).toMatchObject({
      period: '2024-T1',
      periodLabel: '1er trimestre 2024',
      running: false,
      value: 250,
      contributors: 2,
      target: 300,
      gap: -50,
      attainment: { status: 'en_bonne_voie' },
    });
    expect(indicators[1]).toMatchObject({
      period: '2024',
      running: true,
      value: 300,
      provisional: true,
      gap: -700,
      // 30 % of the target when 36 % of the year is gone: 0.3 ≥ 0.8 × 0.36.
      attainment: { status: 'en_bonne_voie' },
    });
  });

  it('shows an indicator without any value on its current period, with the target to reach', async () => {
    await createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'reunions',
      label: 'Réunions',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'aucun',
      periodicity: 'annuelle',
      targets: [{ period: '2024', value: 6 }],
    });
    const { indicators } = await getGovernanceDashboard(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    expect(indicators[0]).toMatchObject({
      period: '2024',
      value: null,
      contributors: 0,
      target: 6,
      gap: null,
      attainment: { status: 'sans_valeur' },
    });
  });

  it('tells someone who may not read the governance that it does not exist', async () => {
    for (const who of ['outsider', 'public'] as const) {
      await expect(
        getGovernanceDashboard(world.as(who), { governanceId: world.governance.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('refuses a horizon beyond a year', async () => {
    await expect(
      getGovernanceDashboard(world.as('coordinator'), {
        governanceId: world.governance.id,
        upcomingDays: 367,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});
