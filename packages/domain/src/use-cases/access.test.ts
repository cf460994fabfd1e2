import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../testing/world.ts';
import { createOrganization } from './actors/create-organization.ts';
import { createTerritory } from './actors/create-territory.ts';
import { updateOrganization } from './actors/update-organization.ts';
import { updateTerritory } from './actors/update-territory.ts';
import { createBody } from './governance/create-body.ts';
import { scheduleMeeting } from './governance/schedule-meeting.ts';
import { createIndicator } from './indicators/create-indicator.ts';
import { recordMeasurement, validateMeasurement } from './indicators/record-measurement.ts';
import { updatePerson } from './people/update-person.ts';
import { createAction } from './roadmap/create-action.ts';
import { createMilestone } from './roadmap/create-milestone.ts';
import { createRoadmap } from './roadmap/create-roadmap.ts';
import { getMilestone } from './roadmap/get-milestone.ts';
import { recordUpdate } from './roadmap/record-update.ts';
import { updateAction } from './roadmap/update-action.ts';
import { updateMilestone } from './roadmap/update-milestone.ts';

async function updateMilestoneOwner(world: TestWorld, milestoneId: string, ownerId: string) {
  const milestone = await getMilestone(world.as('coordinator'), { milestoneId });
  await updateMilestone(world.as('coordinator'), {
    id: milestoneId,
    expectedVersion: milestone.version,
    patch: { ownerId },
  });
}

async function withAction(
  world: TestWorld,
  governanceId = world.governance.id,
  who: 'coordinator' | 'outsider' = 'coordinator',
) {
  const roadmap = await createRoadmap(world.as(who), {
    governanceId,
    title: 'Feuille de route',
    fromYear: 2024,
    toYear: 2026,
  });
  const action = await createAction(world.as(who), {
    roadmapId: roadmap.id,
    code: 'A1',
    title: 'Permanences',
  });
  return { roadmap, action };
}

describe('who may see and change what', () => {
  it('tells an outsider that the action does not exist, without naming its governance', async () => {
    const world = await createTestWorld();
    const { action } = await withAction(world);
    const error = await updateAction(world.as('outsider'), {
      id: action.id,
      patch: { title: 'Piraté' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(`Action introuvable : ${action.id}.`);
  });

  it('lets a member change their own contact details but not their organization or functions', async () => {
    const world = await createTestWorld();
    const member = world.people.member;
    const org = await createOrganization(world.as('coordinator'), {
      name: 'Centre social',
      category: 'centre_social',
    });
    await expect(
      updatePerson(world.as('member'), { id: member.id, patch: { phone: '05 46 00 00 00' } }),
    ).resolves.toMatchObject({ phone: '+33546000000' });
    await expect(
      updatePerson(world.as('member'), { id: member.id, patch: { organizationId: org.id } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updatePerson(world.as('member'), {
        id: member.id,
        patch: { functions: ['conseiller_numerique'] },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('keeps the coordinator of one governance away from the people of another', async () => {
    const world = await createTestWorld();
    await expect(
      updatePerson(world.as('outsider'), {
        id: world.people.member.id,
        patch: { email: 'x@exemple.fr' },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updatePerson(world.as('coordinator'), {
        id: world.people.member.id,
        patch: { email: 'marc@exemple.fr' },
      }),
    ).resolves.toMatchObject({ email: 'marc@exemple.fr' });
  });

  it('lets only the coordinators of its territory change an organization', async () => {
    const world = await createTestWorld();
    const admin = world.as('admin');
    await createTerritory(admin, {
      level: 'commune',
      code: '17200',
      name: 'Lagord',
      parents: [{ level: 'epci', code: '241700434' }],
    });
    const org = await createOrganization(world.as('coordinator'), {
      name: 'Médiathèque de Lagord',
      category: 'mediatheque',
      territory: { level: 'commune', code: '17200' },
    });
    await expect(
      updateOrganization(world.as('outsider'), { id: org.id, patch: { name: 'Autre nom' } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updateOrganization(world.as('coordinator'), {
        id: org.id,
        patch: { phone: '05 46 00 00 01' },
      }),
    ).resolves.toMatchObject({ phone: '+33546000001' });
  });

  it('keeps reference territories for the administrator', async () => {
    const world = await createTestWorld();
    const lagord = await createTerritory(world.as('admin'), {
      level: 'commune',
      code: '17200',
      name: 'Lagord',
    });
    await expect(
      updateTerritory(world.as('coordinator'), {
        id: lagord.id,
        patch: { name: 'Lagord-sur-Mer' },
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updateTerritory(world.as('admin'), { id: lagord.id, patch: { name: 'Lagord (17)' } }),
    ).resolves.toMatchObject({
      name: 'Lagord (17)',
      code: '17200',
    });
  });

  it('lets a member comment any action but give a progress figure only on what they carry', async () => {
    const world = await createTestWorld();
    const { action } = await withAction(world);
    const subject = { type: 'action', id: action.id } as const;
    await expect(
      recordUpdate(world.as('member'), { subject, text: 'Bonne réunion hier.' }),
    ).resolves.toBeDefined();
    await expect(
      recordUpdate(world.as('member'), { subject, text: 'Fini !', progress: 100 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await updateAction(world.as('coordinator'), {
      id: action.id,
      patch: { ownerId: world.people.member.id },
    });
    await expect(
      recordUpdate(world.as('member'), { subject, text: 'À moitié.', progress: 50 }),
    ).resolves.toMatchObject({ progress: 50 });
  });

  it('lets the owner of a milestone give its progress, as the check-in form offers', async () => {
    const world = await createTestWorld();
    const { action } = await withAction(world);
    const milestone = await createMilestone(world.as('coordinator'), {
      roadmapId: action.roadmapId,
      actionId: action.id,
      title: 'Trois permanences ouvertes',
      dueDate: '2024-06-30',
      ownerId: world.people.member.id,
    });
    const subject = { type: 'milestone', id: milestone.id } as const;
    await expect(
      recordUpdate(world.as('member'), { subject, text: 'Deux sur trois.', progress: 66 }),
    ).resolves.toMatchObject({ progress: 66 });
    await expect(
      recordUpdate(world.as('observer'), { subject, text: 'Presque.', progress: 90 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await updateMilestoneOwner(world, milestone.id, world.people.coordinator.id);
    await expect(
      recordUpdate(world.as('member'), { subject, text: 'Trois sur trois.', progress: 100 }),
    ).rejects.toThrow('Vous n’avez pas le droit d’indiquer l’avancement d’un jalon.');
  });

  it('refuses a meeting decision about another governance’s action', async () => {
    const world = await createTestWorld();
    const elsewhere = await withAction(world, world.outsiderGovernance.id, 'outsider');
    const body = await createBody(world.as('coordinator'), {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
    });
    await expect(
      scheduleMeeting(world.as('coordinator'), {
        bodyId: body.id,
        startsAt: '2024-06-01T08:00:00Z',
        decisions: [{ text: 'Lancer la fiche', actionId: elsewhere.action.id }],
      }),
    ).rejects.toThrow(`Action introuvable : ${elsewhere.action.id}.`);
  });
});

describe('values of indicators', () => {
  async function indicatorOf(world: TestWorld) {
    return createIndicator(world.as('coordinator'), {
      governanceId: world.governance.id,
      code: 'personnes_accompagnees',
      label: 'Personnes accompagnées',
      unit: 'personnes',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'trimestrielle',
    });
  }
  const epci = { level: 'epci', code: '241700434' } as const;

  it('keeps a validated value from being replaced by a member’s draft', async () => {
    const world = await createTestWorld();
    const indicator = await indicatorOf(world);
    const draft = await recordMeasurement(world.as('member'), {
      indicatorId: indicator.id,
      territory: epci,
      period: '2024-T1',
      value: 120,
    });
    const validated = await validateMeasurement(world.as('coordinator'), {
      measurementId: draft.id,
    });
    expect(validated).toMatchObject({ value: 120, status: 'valide', revision: 2 });
    await expect(
      recordMeasurement(world.as('member'), {
        indicatorId: indicator.id,
        territory: epci,
        period: '2024-T1',
        value: 90,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      validateMeasurement(world.as('coordinator'), { measurementId: draft.id }),
    ).rejects.toThrow(/plus récente/);
  });

  it('refuses a value for a territory outside the governance', async () => {
    const world = await createTestWorld();
    const indicator = await indicatorOf(world);
    const paris = { level: 'commune', code: '75056' } as const;
    await expect(
      recordMeasurement(world.as('member'), {
        indicatorId: indicator.id,
        territory: paris,
        period: '2024-T1',
        value: 3,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('change requests', () => {
  it('clears an optional field with null, and refuses to clear a required one', async () => {
    const world = await createTestWorld();
    const { action } = await withAction(world);
    await updateAction(world.as('coordinator'), {
      id: action.id,
      patch: { ownerId: world.people.member.id, budgetCents: 500_000 },
    });
    const cleared = await updateAction(world.as('coordinator'), {
      id: action.id,
      patch: { ownerId: null },
    });
    expect(cleared.ownerId).toBeUndefined();
    expect(cleared.budgetCents).toBe(500_000);
    await expect(
      updateAction(world.as('coordinator'), { id: action.id, patch: { title: null } }),
    ).rejects.toThrow('obligatoire');
  });

  it('answers a malformed request in French, never with a JavaScript error', async () => {
    const world = await createTestWorld();
    for (const request of [
      null,
      'act_x',
      { id: 'act_000001' },
      { id: 'act_000001', expectedVersion: '3', patch: {} },
    ]) {
      const error = await updateAction(world.as('coordinator'), request).catch((e: unknown) => e);
      expect(error, JSON.stringify(request)).toBeInstanceOf(ValidationError);
    }
  });
});
