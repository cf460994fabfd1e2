import { Typologie } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { describe, expect, it } from 'vitest';
import { Organization, placeTypologyLabels } from './organization.ts';

describe('Organization', () => {
  it('still reads an organization stored before the fields of the national file', () => {
    const stored = {
      id: 'org_cafcharente',
      name: 'CAF de la Charente',
      category: 'caf',
      services: ['aide_aux_demarches_administratives'],
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      version: 3,
    };
    expect(Organization.parse(stored)).toMatchObject({
      nationalIds: [],
      typologies: [],
      itinerance: [],
      accessModes: [],
      specificSupports: [],
      trainingLabels: [],
      otherTrainingLabels: [],
      otherEmails: [],
      otherWebsites: [],
    });
  });

  it('keeps a national id once, and at most 20', () => {
    const base = {
      id: 'org_cafcharente',
      name: 'CAF de la Charente',
      category: 'caf',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      version: 1,
    };
    expect(Organization.parse({ ...base, nationalIds: ['a', 'b', 'a'] }).nationalIds).toEqual([
      'a',
      'b',
    ]);
    const many = Array.from({ length: 21 }, (_, i) => `lieu-${i}`);
    expect(Organization.safeParse({ ...base, nationalIds: many }).success).toBe(false);
  });

  it('knows every typology of the national list, in lower case', () => {
    expect(Object.keys(placeTypologyLabels).sort()).toEqual(
      Object.values(Typologie)
        .map((value) => value.toLowerCase())
        .sort(),
    );
  });
});
