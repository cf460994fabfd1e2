import { describe, expect, it } from 'vitest';
import { communeLookupOf } from '../exchange/places/communes.ts';
import { findDuplicatePlaces } from '../exchange/places/duplicates.ts';
import { placeRecordsOf } from '../exchange/places/place-records.ts';
import { parsePlacesFile } from '../exchange/places/places-file.ts';
import { GENERATED_PLACES_COMMUNES, generatePlacesFile } from './places-file.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('generatePlacesFile', () => {
  it('gives the same file for the same seed, another for another', () => {
    expect(generatePlacesFile(50, 7)).toBe(generatePlacesFile(50, 7));
    expect(generatePlacesFile(50, 7)).not.toBe(generatePlacesFile(50, 8));
  });

  it('writes places the importer reads as real files, warts included', () => {
    const parsed = parsePlacesFile(bytes(generatePlacesFile(2_000, 1)));
    expect(parsed.format).toBe('json');
    expect(parsed.rows).toHaveLength(2_000);
    expect(parsed.rows[0]?.fields.dispositif_programmes_nationaux).toBeDefined();
    const { records, rejected } = placeRecordsOf(
      parsed.rows,
      communeLookupOf(GENERATED_PLACES_COMMUNES),
    );
    // About 0.5 % of the points are in the Atlantic, and those only.
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected.length).toBeLessThan(30);
    for (const r of rejected) expect(r.reason).toMatch(/hors de France/);
    expect(records.length + rejected.length).toBe(2_000);
    expect(records.filter((r) => r.fixes.some((f) => f.startsWith('code INSEE')))).not.toHaveLength(
      0,
    );
    expect(records.filter((r) => r.fixes.some((f) => f.startsWith('téléphone')))).not.toHaveLength(
      0,
    );
    expect(
      records.filter((r) => r.fixes.some((f) => f.startsWith('latitude et longitude'))),
    ).not.toHaveLength(0);
    const places = records.map((r) => ({ id: r.nationalId, ...r.fields }));
    expect(findDuplicatePlaces(places).length).toBeGreaterThan(10);
    // 2 000 records through the agency's checks: seconds on a machine busy with other suites.
  }, 60_000);
});
