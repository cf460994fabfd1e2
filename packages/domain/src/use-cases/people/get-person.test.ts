import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../people/person.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { assignRole } from '../governance/assign-role.ts';
import { createBody } from '../governance/create-body.ts';
import { createPerson } from './create-person.ts';
import { getPerson } from './get-person.ts';
import { updatePerson } from './update-person.ts';

const CONTACT = ['email', 'phone', 'chatAccounts', 'reminders'];

describe('reading a person', () => {
  let world: TestWorld;
  let jeanne: Person;
  beforeEach(async () => {
    world = await createTestWorld();
    jeanne = await createPerson(world.as('coordinator'), {
      displayName: 'Jeanne Dupont',
      email: 'jeanne.dupont@exemple.fr',
      phone: '05 46 12 34 56',
    });
  });

  const read = (who: Parameters<TestWorld['as']>[0]) =>
    getPerson(world.as(who), { personId: jeanne.id });

  it('shows her whole record to herself, an administrator and the coordinator who added her', async () => {
    for (const who of ['admin', 'coordinator'] as const) {
      expect(await read(who), who).toMatchObject({ email: 'jeanne.dupont@exemple.fr' });
    }
    const asJeanne = {
      ...world.as('public'),
      actor: { personId: jeanne.id, channel: 'api' as const },
    };
    expect(await getPerson(asJeanne, { personId: jeanne.id })).toMatchObject({
      phone: expect.any(String),
      reminders: expect.any(Object),
    });
  });

  it('tells anyone who shares no governance with her that she does not exist', async () => {
    for (const who of ['member', 'observer', 'outsider', 'public'] as const) {
      await expect(read(who), who).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('shows her card, without contact details, to the members of her governance', async () => {
    await assignRole(world.as('coordinator'), {
      governanceId: world.governance.id,
      personId: jeanne.id,
      role: 'membre',
    });
    for (const who of ['member', 'observer'] as const) {
      const card = await read(who);
      expect(card, who).toMatchObject({ id: jeanne.id, displayName: 'Jeanne Dupont' });
      expect(
        Object.keys(card).filter((key) => CONTACT.includes(key)),
        who,
      ).toEqual([]);
    }
    await expect(read('outsider')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('counts a seat in a body, even a past one, as taking part', async () => {
    await createBody(world.as('coordinator'), {
      governanceId: world.governance.id,
      name: 'Comité de pilotage',
      kind: 'comite_pilotage',
      members: [{ personId: jeanne.id, since: '2023-01-01', until: '2023-12-31' }],
    });
    expect(await read('member')).not.toHaveProperty('email');
  });

  it('tells a fellow member that he may not change her, and no one else that she exists', async () => {
    await assignRole(world.as('coordinator'), {
      governanceId: world.governance.id,
      personId: jeanne.id,
      role: 'membre',
    });
    const change = (who: 'member' | 'outsider') =>
      updatePerson(world.as(who), { id: jeanne.id, patch: { displayName: 'Jeanne D.' } });
    await expect(change('member')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(change('outsider')).rejects.toBeInstanceOf(NotFoundError);
    expect(await read('coordinator')).toMatchObject({ displayName: 'Jeanne Dupont', version: 1 });
  });
});
