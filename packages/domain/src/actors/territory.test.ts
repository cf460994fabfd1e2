import { describe, expect, it } from 'vitest';
import { validate } from '../shared/validate.ts';
import { TerritoryInput } from './territory.ts';

describe('territories', () => {
  it('checks the code against the level', () => {
    expect(() =>
      validate(TerritoryInput, { level: 'commune', code: '17300', name: 'La Rochelle' }),
    ).not.toThrow();
    expect(() =>
      validate(TerritoryInput, { level: 'epci', code: '17300', name: 'La Rochelle' }),
    ).toThrow(/SIREN d’EPCI invalide/);
    expect(() =>
      validate(TerritoryInput, { level: 'departement', code: '2A', name: 'Corse-du-Sud' }),
    ).not.toThrow();
    expect(() =>
      validate(TerritoryInput, { level: 'departement', code: '974', name: 'La Réunion' }),
    ).not.toThrow();
  });

  it('refuses a commune placed in another département than its code says', () => {
    expect(() =>
      validate(TerritoryInput, {
        level: 'commune',
        code: '24064',
        name: 'Brantôme en Périgord',
        parents: [{ level: 'departement', code: '17' }],
      }),
    ).toThrow('La commune 24064 appartient au département 24.');
  });

  it('refuses a parent that is not larger', () => {
    expect(() =>
      validate(TerritoryInput, {
        level: 'departement',
        code: '17',
        name: 'Charente-Maritime',
        parents: [{ level: 'commune', code: '17300' }],
      }),
    ).toThrow(/plus large/);
  });
});
