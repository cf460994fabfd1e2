import { describe, expect, it } from 'vitest';
import {
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../shared/errors.ts';
import { createTestWorld } from '../testing/world.ts';
import { assignRole } from './governance/assign-role.ts';
import { createBody } from './governance/create-body.ts';
import { updateBody } from './governance/update-body.ts';
import { updateGovernance } from './governance/update-governance.ts';
import { updatePerson } from './people/update-person.ts';
import { createAction } from './roadmap/create-action.ts';
import { createRoadmap } from './roadmap/create-roadmap.ts';
import { recordUpdate } from './roadmap/record-update.ts';
import { updateAction } from './roadmap/update-action.ts';

const roadmapInput = (governanceId: string) => ({
  governanceId,
  title: 'Feuille de route 2024-2027',
  fromYear: 2024,
  toYear: 2027,
});

describe('what every use case guarantees', () => {
  it('answers "introuvable" to a person of another governance, so nothing leaks', async () => {
    const world = await createTestWorld();
    const attempt = createRoadmap(world.as('outsider'), roadmapInput(world.governance.id));
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    expect(world.store.dump().roadmaps).toEqual([]);
  });

  it('lets an observer read but not change', async () => {
    const world = await createTestWorld();
    await expect(
      createRoadmap(world.as('observer'), roadmapInput(world.governance.id)),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a change made from a stale version and keeps the newer one', async () => {
    const world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, roadmapInput(world.governance.id));
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      code: 'A1',
      title: 'Permanences',
    });
    await updateAction(coordinator, {
      id: action.id,
      expectedVersion: 1,
      patch: { title: 'Permanences en mairie' },
    });
    await expect(
      updateAction(world.as('coordinator'), {
        id: action.id,
        expectedVersion: 1,
        patch: { title: 'Autre titre' },
      }),
    ).rejects.toBeInstanceOf(StaleVersionError);
    // The refusal says which version is stored, so that each app can tell the caller.
    await expect(
      updateAction(coordinator, { id: action.id, expectedVersion: 1, patch: { title: 'X' } }),
    ).rejects.toMatchObject({ currentVersion: 2 });
    expect(world.store.dump().actions[0]).toMatchObject({
      title: 'Permanences en mairie',
      version: 2,
    });
  });

  it('changes only the fields sent, and rejects unknown ones in French', async () => {
    const world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const updated = await updateGovernance(coordinator, {
      id: world.governance.id,
      patch: { formality: 'structuree' },
    });
    expect(updated).toMatchObject({
      formality: 'structuree',
      timeZone: 'Europe/Paris',
      name: 'CTIN de test',
    });
    const attempt = updateGovernance(coordinator, { id: world.governance.id, patch: { nom: 'x' } });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toThrow(/nom/);
  });

  it('explains invalid input in French with the path of each faulty field', async () => {
    const world = await createTestWorld();
    const attempt = (fields: object) =>
      createRoadmap(world.as('coordinator'), {
        ...roadmapInput(world.governance.id),
        ...fields,
      }).catch((e: unknown) => e);
    const tooLong = await attempt({ title: 'x'.repeat(500), fromYear: 'deux mille' });
    expect(tooLong).toBeInstanceOf(ValidationError);
    expect((tooLong as ValidationError).issues).toEqual([
      { path: ['title'], message: 'Au plus 200 caractères.' },
      { path: ['fromYear'], message: 'Un nombre est attendu.' },
    ]);
    const reversed = await attempt({ fromYear: 2027, toYear: 2024 });
    expect((reversed as ValidationError).issues).toEqual([
      { path: ['toYear'], message: 'L’année de fin doit suivre l’année de début.' },
    ]);
  });

  it('writes an audit event with each change, attributed and without personal fields', async () => {
    const world = await createTestWorld();
    const member = world.people.member;
    await updatePerson(world.as('member'), {
      id: member.id,
      patch: { email: 'marc@exemple.fr', reminders: { channel: 'mention_salon' } },
    });
    const events = world.store.dump().auditEvents.filter((e) => e.entityId === member.id);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ actorId: member.id, action: 'update', channel: 'api' });
    expect(JSON.stringify(last)).not.toContain('marc@exemple.fr');
  });

  it('keeps at least one coordinator in a governance', async () => {
    const world = await createTestWorld();
    await expect(
      assignRole(world.as('coordinator'), {
        governanceId: world.governance.id,
        personId: world.people.coordinator.id,
        role: null,
      }),
    ).rejects.toThrow(/au moins un·e coordinateur·rice/);
  });

  it('keeps the former kind of a body when it changes, as Dronne et Belle did', async () => {
    const world = await createTestWorld();
    const coordinator = world.as('coordinator');
    const body = await createBody(coordinator, {
      governanceId: world.governance.id,
      name: 'Groupe projet inclusion numérique',
      kind: 'groupe_projet',
      members: [{ personId: world.people.member.id, since: '2022-01-10' }],
    });
    const changed = await updateBody(coordinator, {
      id: body.id,
      patch: { kind: 'comite_pilotage' },
    });
    expect(changed.kind).toBe('comite_pilotage');
    expect(changed.kindHistory).toEqual([{ kind: 'groupe_projet', until: '2024-05-13' }]);
    expect(changed.members).toHaveLength(1);
  });

  it('refuses a body member who does not exist', async () => {
    const world = await createTestWorld();
    await expect(
      createBody(world.as('coordinator'), {
        governanceId: world.governance.id,
        name: 'Comité technique',
        kind: 'comite_technique',
        members: [{ personId: 'per_inconnu1', since: '2024-01-01' }],
      }),
    ).rejects.toThrow(/Personne introuvable : per_inconnu1/);
  });

  it('lets the public post nothing', async () => {
    const world = await createTestWorld();
    await expect(
      recordUpdate(world.as('public'), {
        subject: { type: 'governance', id: world.governance.id },
        text: 'Bonjour',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });
});
