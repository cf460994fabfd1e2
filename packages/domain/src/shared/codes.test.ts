import { describe, expect, it } from 'vitest';
import {
  departementOfCommune,
  isDepartementCode,
  isInseeCommuneCode,
  isPostalCode,
  isRegionCode,
  isRna,
  isSiren,
  isSiret,
  Pivot,
} from './codes.ts';

describe('French administrative codes', () => {
  it('checks SIREN and SIRET with their Luhn key', () => {
    expect(isSiren('241700434')).toBe(true); // CDA de La Rochelle
    expect(isSiren('241700435')).toBe(false);
    expect(isSiret('24160054300128')).toBe(true); // from the Charente open data
    expect(isSiret('24160054300129')).toBe(false);
    expect(isSiret('2416005430012')).toBe(false);
  });

  it('accepts La Poste establishments, whose SIRETs follow the sum-of-digits rule instead', () => {
    expect(isSiret('35600000049837')).toBe(true);
    expect(isSiret('35600000049838')).toBe(false);
    expect(isSiret('35600000000048')).toBe(true); // the head office follows Luhn
  });

  it('never takes the open data placeholder 00000000000000 for a real SIRET in a pivot', () => {
    expect(Pivot.safeParse('00000000000000').success).toBe(false);
    expect(Pivot.safeParse('000000000').success).toBe(false);
    expect(Pivot.safeParse('W173001234').success).toBe(true);
    expect(Pivot.safeParse('ABC').success).toBe(false);
  });

  it('reads RNA numbers, with letters for some prefectures', () => {
    expect(isRna('W173001234')).toBe(true);
    expect(isRna('W2A1000123')).toBe(true);
    expect(isRna('173001234')).toBe(false);
  });

  it('knows Corsica and overseas commune codes', () => {
    for (const code of ['17300', '2A004', '2B033', '97411', '97611', '97502', '98735']) {
      expect(isInseeCommuneCode(code), code).toBe(true);
    }
    for (const code of ['20004', '2C004', '97911', '96001', '1730']) {
      expect(isInseeCommuneCode(code), code).toBe(false);
    }
    expect(departementOfCommune('97411')).toBe('974');
    expect(departementOfCommune('2A004')).toBe('2A');
  });

  it('knows départements, régions and postal codes', () => {
    expect(['17', '24', '2A', '2B', '971', '976'].every(isDepartementCode)).toBe(true);
    expect(['20', '96', '975', '100'].some(isDepartementCode)).toBe(false);
    expect(isRegionCode('75')).toBe(true);
    expect(isRegionCode('05')).toBe(false);
    expect(isPostalCode('17000')).toBe(true);
    expect(isPostalCode('00100')).toBe(false);
  });
});
