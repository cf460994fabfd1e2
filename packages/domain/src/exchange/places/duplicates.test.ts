import { describe, expect, it } from 'vitest';
import { type DuplicateCandidate, findDuplicatePlaces } from './duplicates.ts';

function place(
  id: string,
  name: string,
  street: string,
  postalCode: string,
  pivot?: string,
): DuplicateCandidate {
  return { id, name, address: { street, postalCode }, ...(pivot === undefined ? {} : { pivot }) };
}

const ids = (groups: DuplicateCandidate[][]) => groups.map((group) => group.map((p) => p.id));

describe('findDuplicatePlaces', () => {
  it('groups one SIRET in one street, however the street is spelt', () => {
    const places = [
      place('a', 'Mairie de Soyaux', '235 Avenue du General de Gaulle', '16800', '21160374100011'),
      place('b', 'MAIRIE DE SOYAUX', '235 AV DU GENERAL DE GAULLE', '16800', '21160374100011'),
      place('c', 'UDAF', '73 Impasse Joseph Niepce', '16024', '78117263000027'),
      place('d', 'Union départementale', '73 RUE JOSEPH NIEPCE', '16000', '78117263000027'),
    ];
    expect(ids(findDuplicatePlaces(places))).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('does not group the branches of one head office, each in its own town', () => {
    // The chambre d’agriculture of Charente publishes its four offices under one SIRET.
    const places = [
      place('a', 'Chambre d’agriculture', '66 ZE Ma Campagne', '16016', '18160001600024'),
      place(
        'b',
        'Chambre d’agriculture, bureau Charente limousine',
        '4 allée des Frênes',
        '16500',
        '18160001600024',
      ),
      place(
        'c',
        'Chambre d’agriculture, bureau Ouest Charente',
        '7 rue du Stade',
        '16130',
        '18160001600024',
      ),
    ];
    expect(findDuplicatePlaces(places)).toEqual([]);
  });

  it('never groups on the placeholder pivot', () => {
    const places = [
      place('a', 'Médiathèque', '1 rue du Port', '16200', '00000000000000'),
      place('b', 'France Services', '1 rue du Port', '16200', '00000000000000'),
    ];
    expect(findDuplicatePlaces(places)).toEqual([]);
  });

  it('groups one name at one address with no SIRET, and not two numbers of one street', () => {
    const places = [
      place('a', 'Les Quatre Routes', "112 Rue d'Angelier", '16100'),
      place('b', 'LES QUATRE ROUTES', '112 rue d’Angelier', '16100'),
      place('c', 'Les Quatre Routes', "14 Rue d'Angelier", '16100'),
      place('d', 'Les Quatre Routes', "112 Rue d'Angelier", '17000'),
    ];
    expect(ids(findDuplicatePlaces(places))).toEqual([['a', 'b']]);
  });

  it('puts each place in one group at most, joining what two rules link', () => {
    const places = [
      place('a', 'APEJ', '72 Rue de Pons', '16100', '33820960400028'),
      place('b', 'APEJ Cognac', '72 RUE DE PONS', '16100', '33820960400028'),
      place('c', 'APEJ', '72 rue de Pons', '16100'),
      { id: 'd', name: 'APEJ' },
    ];
    expect(ids(findDuplicatePlaces(places))).toEqual([['a', 'b', 'c']]);
  });
});
