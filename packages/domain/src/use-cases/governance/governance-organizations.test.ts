import { beforeEach, describe, expect, it } from 'vitest';
import { Governance } from '../../governance/governance.ts';
import {
  ForbiddenError,
  NotFoundError,
  StaleVersionError,
  ValidationError,
} from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from '../actors/create-organization.ts';
import { addGovernanceOrganization } from './add-governance-organization.ts';
import { getSteeringBrief } from './get-steering-brief.ts';
import { removeGovernanceOrganization } from './remove-governance-organization.ts';

describe('the organizations taking part in a governance', () => {
  let world: TestWorld;
  let caf: string;
  let centre: string;
  beforeEach(async () => {
    world = await createTestWorld();
    const admin = world.as('admin');
    caf = (
      await createOrganization(admin, { name: 'CAF de la Charente-Maritime', category: 'caf' })
    ).id;
    centre = (
      await createOrganization(admin, {
        name: 'Centre social de Mireuil',
        category: 'centre_social',
      })
    ).id;
  });

  const governanceId = () => world.governance.id;

  it('adds organizations with their role and shows them, named, on the governance’s brief', async () => {
    const coordinator = world.as('coordinator');
    await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: centre,
      role: 'membre',
    });
    const governance = await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      role: 'co_porteur',
    });
    expect(governance.organizations).toEqual([
      { organizationId: centre, role: 'membre', since: world.clock() },
      { organizationId: caf, role: 'co_porteur', since: world.clock() },
    ]);

    const brief = await getSteeringBrief(world.as('observer'), { governanceId: governanceId() });
    expect(brief.organizations).toEqual([
      { id: caf, name: 'CAF de la Charente-Maritime', role: 'co_porteur' },
      { id: centre, name: 'Centre social de Mireuil', role: 'membre' },
    ]);
    const history = await world.store.transaction((repos) =>
      repos.auditEvents.listByEntity('governance', governanceId()),
    );
    expect(history.at(-1)).toMatchObject({
      action: 'add_organization',
      actorId: world.people.coordinator.id,
    });
  });

  it('changes the role of an organization already there, keeping it once', async () => {
    const coordinator = world.as('coordinator');
    const added = await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      role: 'membre',
    });
    world.clock.set('2024-06-01T09:00:00.000Z');
    const changed = await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      role: 'co_porteur',
      expectedVersion: added.version,
    });
    expect(changed.organizations).toEqual([
      { organizationId: caf, role: 'co_porteur', since: '2024-06-01T09:00:00.000Z' },
    ]);
    // The same role again is no change: no new version for nothing.
    const again = await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      role: 'co_porteur',
    });
    expect(again.version).toBe(changed.version);
  });

  it('removes an organization, and removing it again changes nothing', async () => {
    const coordinator = world.as('coordinator');
    const added = await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      role: 'membre',
    });
    const removed = await removeGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
      expectedVersion: added.version,
    });
    expect(removed.organizations).toEqual([]);
    expect(removed.version).toBe(added.version + 1);
    const again = await removeGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: caf,
    });
    expect(again.version).toBe(removed.version);
    const brief = await getSteeringBrief(coordinator, { governanceId: governanceId() });
    expect(brief.organizations).toEqual([]);
  });

  it('refuses an organization that is not in the directory, in French', async () => {
    const refused = addGovernanceOrganization(world.as('coordinator'), {
      governanceId: governanceId(),
      organizationId: 'org_inconnue1',
      role: 'membre',
    });
    await expect(refused).rejects.toThrow(NotFoundError);
    await expect(refused).rejects.toThrow('Organisation introuvable : org_inconnue1.');
    await expect(
      addGovernanceOrganization(world.as('coordinator'), {
        governanceId: governanceId(),
        organizationId: caf,
        role: 'partenaire',
      }),
    ).rejects.toThrow(ValidationError);
  });

  it('is refused to a member who may not manage the governance, and hidden from an outsider', async () => {
    const input = { governanceId: governanceId(), organizationId: caf, role: 'membre' };
    await expect(addGovernanceOrganization(world.as('member'), input)).rejects.toThrow(
      ForbiddenError,
    );
    await expect(
      removeGovernanceOrganization(world.as('member'), {
        governanceId: governanceId(),
        organizationId: caf,
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(addGovernanceOrganization(world.as('outsider'), input)).rejects.toThrow(
      NotFoundError,
    );
  });

  it('refuses a change based on a version the caller did not see', async () => {
    const coordinator = world.as('coordinator');
    const seen = world.governance.version;
    await addGovernanceOrganization(coordinator, {
      governanceId: governanceId(),
      organizationId: centre,
      role: 'membre',
      expectedVersion: seen,
    });
    await expect(
      addGovernanceOrganization(coordinator, {
        governanceId: governanceId(),
        organizationId: caf,
        role: 'co_porteur',
        expectedVersion: seen,
      }),
    ).rejects.toThrow(StaleVersionError);
    await expect(
      removeGovernanceOrganization(coordinator, {
        governanceId: governanceId(),
        organizationId: centre,
        expectedVersion: seen,
      }),
    ).rejects.toThrow(StaleVersionError);
  });

  it('reads a governance stored before organizations existed, and refuses one listed twice', () => {
    const { organizations: _none, ...stored } = world.governance;
    expect(Governance.parse(stored).organizations).toEqual([]);
    const twice = Governance.safeParse({
      ...world.governance,
      organizations: [
        { organizationId: caf, role: 'membre', since: world.clock() },
        { organizationId: caf, role: 'co_porteur', since: world.clock() },
      ],
    });
    expect(twice.error?.issues[0]?.message).toBe(
      'Cette structure figure déjà dans la gouvernance.',
    );
  });
});
