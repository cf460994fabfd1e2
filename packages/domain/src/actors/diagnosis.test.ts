import { describe, expect, it } from 'vitest';
import { diagnosisCsv, openingOf, territorialDiagnosis } from './diagnosis.ts';

const communes = [
  { code: '17300', name: 'La Rochelle', population: 79_851 },
  { code: '17028', name: 'Aytré', population: 9_746 },
  { code: '17200', name: 'Lagord', population: 7_802 },
  { code: '17274', name: 'Périgny', population: 8_877 },
];
const place = (commune: string, extra: Record<string, unknown> = {}) => ({
  commune,
  services: ['aide_aux_demarches_administratives'],
  publics: [],
  sourceUpdatedAt: '2026-10-01',
  ...extra,
});

describe('the territorial diagnosis', () => {
  it('counts the communes without a place and the people living there', () => {
    const { communes: c } = territorialDiagnosis({
      communes,
      places: [place('17300'), place('17300'), place('17028')],
      today: '2026-12-06',
    });
    expect(c).toEqual({
      total: 4,
      withPlace: 2,
      withoutPlace: 2,
      population: 79_851 + 9_746 + 7_802 + 8_877,
      populationWithoutPlace: 7_802 + 8_877,
    });
  });

  it('counts places by service and public, each once however it lists them', () => {
    const { places } = territorialDiagnosis({
      communes,
      places: [
        place('17300', {
          services: ['aide_aux_demarches_administratives', 'aide_aux_demarches_administratives'],
          publics: ['seniors'],
        }),
        place('17028', {
          services: ['loisirs_et_creations_numeriques'],
          publics: ['seniors', 'jeunes'],
        }),
        // Outside the perimeter: not counted.
        place('16015', { publics: ['seniors'] }),
      ],
      today: '2026-12-06',
    });
    expect(places.total).toBe(2);
    const service = (code: string) => places.byService.find((s) => s.service === code)?.places;
    expect(service('aide_aux_demarches_administratives')).toBe(1);
    expect(service('loisirs_et_creations_numeriques')).toBe(1);
    expect(places.byPublic.find((p) => p.public === 'seniors')).toMatchObject({
      label: 'Seniors',
      places: 2,
    });
  });

  it('reads Saturdays and evenings out of OpenStreetMap opening hours', () => {
    expect(openingOf('Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00')).toEqual({
      saturday: true,
      evening: true,
    });
    expect(openingOf('Mo-Fr 09:00-12:00,14:00-17:00')).toEqual({ saturday: false, evening: false });
    expect(openingOf('Th-Sa 10:00-18:00')).toEqual({ saturday: true, evening: false });
    expect(openingOf('Fr-Mo 10:00-12:00')).toEqual({ saturday: true, evening: false });
    expect(openingOf('Mo,We,Sa 14:00-20:00')).toEqual({ saturday: true, evening: true });
    expect(openingOf('Mo-Fr 09:00-19:00; Sa off')).toEqual({ saturday: false, evening: true });
    expect(openingOf(undefined)).toEqual({ saturday: false, evening: false });
  });

  it('counts the mobile places and those not updated for over 18 months', () => {
    const { places, rows } = territorialDiagnosis({
      communes,
      places: [
        place('17300', { itinerance: ['itinerant', 'fixe'], openingHours: 'Sa 09:00-12:00' }),
        place('17300', { sourceUpdatedAt: '2025-05-01' }),
        place('17028', { sourceUpdatedAt: '2025-11-01' }),
        place('17028', { sourceUpdatedAt: undefined }),
      ],
      today: '2026-12-06',
    });
    expect(places.mobile).toBe(1);
    expect(places.saturday).toBe(1);
    expect(places.byFreshness).toEqual({ a_jour: 1, a_verifier: 1, a_actualiser: 1, inconnue: 1 });
    expect(rows.find((r) => r.code === '17300')).toMatchObject({
      places: 2,
      mobile: 1,
      outdated: 1,
    });
  });

  it('gives a spreadsheet of one line per commune, by name', () => {
    const csv = diagnosisCsv(
      territorialDiagnosis({ communes, places: [place('17300')], today: '2026-12-06' }),
    );
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'Code INSEE;Commune;Population;Lieux de médiation;Ouverts le samedi;Ouverts en soirée;Itinérants;À actualiser (plus de 18 mois)',
    );
    expect(lines.slice(1).map((l) => l.split(';')[1])).toEqual([
      'Aytré',
      'La Rochelle',
      'Lagord',
      'Périgny',
    ]);
    expect(lines[2]).toBe('17300;La Rochelle;79851;1;0;0;0;0');
  });
});
