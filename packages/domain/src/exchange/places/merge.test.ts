import { describe, expect, it } from 'vitest';
import { OrganizationFields, type OrganizationInput } from '../../actors/organization.ts';
import { mergePlaces } from './merge.ts';

const place = (input: Partial<OrganizationInput>): OrganizationFields =>
  OrganizationFields.parse({
    name: 'France Services de Barbezieux',
    category: 'france_services',
    ...input,
  });

const barbezieux = {
  street: '32 rue de la Motte',
  postalCode: '16300',
  city: 'Barbezieux-Saint-Hilaire',
};

describe('mergePlaces', () => {
  it('unites the lists, keeps both national ids, fills what the kept place lacks', () => {
    const kept = place({
      nationalIds: ['fs-1'],
      services: ['aide_aux_demarches_administratives'],
      nationalProgrammes: ['france_services'],
      address: barbezieux,
    });
    const other = place({
      nationalIds: ['cnfs-2'],
      services: ['aide_aux_demarches_administratives', 'comprehension_du_monde_numerique'],
      nationalProgrammes: ['conseillers_numeriques'],
      openingHours: 'Mo-Fr 09:00-12:00',
      phone: '05 45 78 89 09',
      address: {
        ...barbezieux,
        street: '32 Rue de la Motte',
        inseeCode: '16028',
        latitude: 45.47,
        longitude: -0.15,
      },
    });
    const { fields, conflicts } = mergePlaces(kept, other);
    expect(conflicts).toEqual([]);
    expect(fields.nationalIds).toEqual(['fs-1', 'cnfs-2']);
    expect(fields.services).toEqual([
      'aide_aux_demarches_administratives',
      'comprehension_du_monde_numerique',
    ]);
    expect(fields.nationalProgrammes).toEqual(['france_services', 'conseillers_numeriques']);
    expect(fields.openingHours).toBe('Mo-Fr 09:00-12:00');
    expect(fields.phone).toBe('+33545788909');
    // One address spelt twice: the kept spelling, completed from the other.
    expect(fields.address).toEqual({
      ...barbezieux,
      inseeCode: '16028',
      latitude: 45.47,
      longitude: -0.15,
    });
  });

  it('keeps the kept place’s value where both differ, unless told otherwise, and lists the conflict', () => {
    const kept = place({
      name: 'Espace France Services Barbezieux-Saint-Hilaire',
      phone: '05 45 78 89 09',
      source: 'france-services',
    });
    const other = place({
      name: 'France Services de Barbezieux',
      phone: '05 45 78 00 00',
      source: 'dora',
    });
    const { fields, conflicts } = mergePlaces(kept, other, { phone: 'other' });
    expect(fields.name).toBe('Espace France Services Barbezieux-Saint-Hilaire');
    expect(fields.phone).toBe('+33545780000');
    expect(fields.source).toBe('france-services');
    expect(conflicts).toEqual([
      {
        field: 'name',
        label: 'Nom',
        kept: 'Espace France Services Barbezieux-Saint-Hilaire',
        other: 'France Services de Barbezieux',
      },
      { field: 'phone', label: 'Téléphone', kept: '+33545788909', other: '+33545780000' },
      { field: 'source', label: 'Source', kept: 'france-services', other: 'dora' },
    ]);
  });

  it('lists two addresses as a conflict, and keeps the chosen one whole', () => {
    const kept = place({ address: barbezieux });
    const other = place({
      address: { street: '6 rue de Valdepenas', postalCode: '16100', city: 'Cognac' },
    });
    expect(mergePlaces(kept, other).conflicts.map((c) => c.field)).toEqual(['address']);
    expect(mergePlaces(kept, other, { address: 'other' }).fields.address?.city).toBe('Cognac');
  });

  it('keeps every e-mail address and website, the chosen first one first', () => {
    const kept = place({ email: 'a@fs.fr', otherEmails: ['b@fs.fr'], website: 'https://fs.fr' });
    const other = place({
      email: 'c@fs.fr',
      website: 'https://barbezieux.fr',
      otherWebsites: ['https://fs.fr'],
    });
    const { fields, conflicts } = mergePlaces(kept, other, { email: 'other' });
    expect(conflicts).toEqual([]);
    expect(fields.email).toBe('c@fs.fr');
    expect(fields.otherEmails).toEqual(['a@fs.fr', 'b@fs.fr']);
    expect(fields.website).toBe('https://fs.fr');
    expect(fields.otherWebsites).toEqual(['https://barbezieux.fr']);
  });

  it('takes a specific category over « autre », and gives fields the organization schema accepts', () => {
    const kept = place({ category: 'autre', typologies: ['epn'] });
    const other = place({ category: 'association', typologies: ['asso'] });
    const { fields, conflicts } = mergePlaces(kept, other);
    expect(conflicts).toEqual([]);
    expect(fields.category).toBe('association');
    expect(OrganizationFields.parse(fields)).toEqual(fields);
  });
});
