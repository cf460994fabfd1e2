import { beforeEach, describe, expect, it } from 'vitest';
import { GovernanceDocument } from '../../exchange/governance-document.ts';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createOrganization } from '../actors/create-organization.ts';
import { createTerritory } from '../actors/create-territory.ts';
import { assignRole } from '../governance/assign-role.ts';
import { createPerson } from '../people/create-person.ts';
import { exportGovernance } from './export-governance.ts';

describe('exportGovernance', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  it('is for the governance’s coordinators: a member is refused, an outsider told it does not exist', async () => {
    const input = { governanceId: world.governance.id };
    await expect(exportGovernance(world.as('member'), input)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(exportGovernance(world.as('outsider'), input)).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(exportGovernance(world.as('public'), input)).rejects.toBeInstanceOf(NotFoundError);
    const document = await exportGovernance(world.as('coordinator'), input);
    expect(GovernanceDocument.parse(document)).toEqual(document);
    expect(document).toMatchObject({
      format: 'maille.gouvernance',
      formatVersion: 1,
      exportedAt: world.clock(),
      governance: { id: world.governance.id },
    });
  });

  it('carries the people it names, their organizations and the territories those sit in', async () => {
    const admin = world.as('admin');
    const departement = await createTerritory(admin, {
      level: 'departement',
      code: '17',
      name: 'Charente-Maritime',
    });
    const epci = await createTerritory(admin, {
      level: 'epci',
      code: '241700434',
      name: 'CDA de La Rochelle',
      parents: [{ level: 'departement', code: '17' }],
    });
    // Named by nothing but the organization below, itself named only by a person's record.
    const commune = await createTerritory(admin, {
      level: 'commune',
      code: '17300',
      name: 'La Rochelle',
      parents: [
        { level: 'epci', code: '241700434' },
        { level: 'departement', code: '17' },
      ],
    });
    const centre = await createOrganization(admin, {
      name: 'Centre social de Mireuil',
      category: 'centre_social',
      territory: { level: 'commune', code: '17300' },
    });
    const elsewhere = await createOrganization(admin, {
      name: 'Association d’ailleurs',
      category: 'association',
    });
    const adviser = await createPerson(admin, {
      displayName: 'Paul Porteur',
      organizationId: centre.id,
      functions: ['conseiller_numerique'],
    });
    await assignRole(world.as('coordinator'), {
      governanceId: world.governance.id,
      personId: adviser.id,
      role: 'membre',
    });

    const document = await exportGovernance(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    expect(document.persons.map((p) => p.id)).toEqual(
      [
        world.people.coordinator.id,
        world.people.member.id,
        world.people.observer.id,
        adviser.id,
      ].sort(),
    );
    expect(document.organizations.map((o) => o.id)).toEqual([centre.id]);
    expect(document.organizations.map((o) => o.id)).not.toContain(elsewhere.id);
    expect(document.territories.map((t) => t.id).sort()).toEqual(
      [departement.id, epci.id, commune.id].sort(),
    );
  });

  it('lists everything by id, so two exports of the same data give the same text', async () => {
    const document = await exportGovernance(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    for (const [list, value] of Object.entries(document)) {
      if (!Array.isArray(value)) continue;
      const ids = value.map((row: { id: string }) => row.id);
      expect(ids, list).toEqual([...ids].sort());
    }
    const again = await exportGovernance(world.as('coordinator'), {
      governanceId: world.governance.id,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(document));
    // The governance's creation and its role assignments are part of its history.
    expect(document.auditEvents.length).toBeGreaterThanOrEqual(3);
  });
});
