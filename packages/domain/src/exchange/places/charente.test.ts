import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { type Address, Organization, OrganizationFields } from '../../actors/organization.ts';
import { searchKey } from '../../shared/search.ts';
import { type TableSchema, tableSchemaProblems } from '../../testing/table-schema.ts';
import { communeLookupOf, type DirectoryCommune } from './communes.ts';
import { findDuplicatePlaces } from './duplicates.ts';
import { nationalPlacesCsv, nationalPlacesJson } from './export.ts';
import { type MergeConflict, mergePlaces } from './merge.ts';
import { placeRecordsOf } from './place-records.ts';
import { parsePlacesFile } from './places-file.ts';

/*
 * The Charente file the national map published in July 2023 (188 places, in the JSON of an
 * earlier schema version), read against the communes of Charente of the official directory.
 */

const FIXTURES = new URL('../../../test-fixtures/lieux-mediation-numerique/', import.meta.url);
const read = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const schema = JSON.parse(Buffer.from(read('schema-1.0.2.json')).toString('utf8')) as TableSchema;

interface OfficialCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
}
const officialCommunes = createRequire(import.meta.url)(
  '@etalab/decoupage-administratif/data/communes.json',
) as OfficialCommune[];
const charente: DirectoryCommune[] = officialCommunes
  .filter((c) => c.type === 'commune-actuelle' && c.departement === '16')
  .map((c) => ({ code: c.code, name: c.nom, postalCodes: c.codesPostaux ?? [] }));

const parsed = parsePlacesFile(read('charente-2023-07-11.json'));
const { records, rejected } = placeRecordsOf(parsed.rows, communeLookupOf(charente));
const META = {
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};
const places = records.map((record) =>
  Organization.parse({ ...record.fields, id: `org_place${record.position}`, ...META }),
);
const at = (position: number) => records.find((r) => r.position === position);
const addressKey = (address: Address) =>
  [searchKey(address.street), address.postalCode, searchKey(address.city)].join('|');
/** Whether a merge kept `value` of `field`, or listed it among its conflicts. */
function isKept(
  merged: OrganizationFields,
  conflicts: readonly MergeConflict[],
  field: keyof OrganizationFields,
  value: unknown,
): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (conflicts.some((c) => c.field === field && same(c.other, value))) return true;
  const emails = [merged.email, ...merged.otherEmails];
  const websites = [merged.website, ...merged.otherWebsites];
  const kept: unknown[] =
    field === 'email' || field === 'otherEmails'
      ? emails
      : field === 'website' || field === 'otherWebsites'
        ? websites
        : [merged[field]].flat();
  if (field === 'address') {
    // Two spellings of one address are one address, completed from both.
    const address = value as Address;
    return (
      merged.address !== undefined &&
      addressKey(merged.address) === addressKey(address) &&
      (['inseeCode', 'latitude', 'longitude'] as const).every(
        (part) => address[part] === undefined || merged.address?.[part] !== undefined,
      )
    );
  }
  return [value].flat().every((item) => kept.some((k) => same(k, item)));
}

const positionsWith = (pattern: RegExp, list: 'fixes' | 'warnings') =>
  records.filter((r) => r[list].some((line) => pattern.test(line))).map((r) => r.position);

describe('the Charente file of July 2023', () => {
  it('reads its 188 places, none rejected', () => {
    expect(parsed.rejected).toEqual([]);
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(188);
    expect(at(1)?.fields).toMatchObject({
      name: 'Médiathèque chateaubernard',
      category: 'france_services',
      typologies: ['rfs'],
      nationalProgrammes: ['conseillers_numeriques', 'france_services'],
      source: 'conseiller-numerique',
      sourceUpdatedAt: '2023-02-22',
      address: { city: 'Châteaubernard', inseeCode: '16089', postalCode: '16100' },
    });
    expect(at(1)?.fields.pivot).toBeUndefined();
    // `CNFS` of 109 records is now « Conseillers numériques ».
    expect(
      records.filter((r) => r.fields.nationalProgrammes.includes('conseillers_numeriques')),
    ).toHaveLength(109);
    // 67 records carry the placeholder pivot, one an invalid SIRET: 120 keep theirs.
    expect(records.filter((r) => r.fields.pivot !== undefined)).toHaveLength(120);
  });

  it('finds the INSEE code of 164 places, and writes 93 communes as the directory does', () => {
    // 177 records lack the code; 13 of them name a commune the directory cannot place.
    expect(positionsWith(/^code INSEE \d+ trouvé/, 'fixes')).toHaveLength(164);
    expect(at(1)?.fixes).toEqual([
      'code INSEE 16089 trouvé d’après le code postal 16100 et la commune',
      'commune écrite Châteaubernard (au lieu de CHÂTEAUBERNARD)',
    ]);
    expect(positionsWith(/^commune écrite/, 'fixes')).toHaveLength(93);
    expect(records.filter((r) => r.fields.address?.inseeCode !== undefined)).toHaveLength(175);
    expect(at(56)?.fixes).toContain(
      'date de mise à jour 1970-01-01 ignorée : c’est une date par défaut, pas une mise à jour',
    );
  });

  it('says which communes it could not place, and what it could not keep', () => {
    // Communes merged since 2023 (Mansle, Segonzac…) and CEDEX postal codes of Angoulême.
    expect(positionsWith(/introuvable parmi les communes/, 'warnings')).toEqual([
      17, 53, 70, 86, 122, 126, 150, 152, 163, 182, 187,
    ]);
    expect(at(69)?.warnings).toEqual([
      'code postal 16016 inconnu du répertoire officiel (CEDEX ?) : code INSEE de « ANGOULEME » non renseigné',
    ]);
    expect(positionsWith(/CEDEX/, 'warnings')).toEqual([69, 109]);
    // `Adultes`, a public of the earlier schema, has no equivalent in 1.0.2.
    expect(positionsWith(/« Adultes » n’a pas d’équivalent/, 'warnings')).toHaveLength(22);
    expect(at(60)?.warnings).toEqual([
      'pivot « 20006801400015 » ignoré : ce n’est ni un SIRET, ni un SIREN, ni un numéro RNA valide',
    ]);
    expect(records.filter((r) => r.warnings.length > 0)).toHaveLength(35);
  });

  it('finds the places published twice, and not the branches sharing a head office’s SIRET', () => {
    const groups = findDuplicatePlaces(places).map((group) =>
      group.map((place) => Number(place.id.slice('org_place'.length))),
    );
    expect(groups).toEqual([
      [2, 184], // Communauté de communes de Jarnac, 1 rue du Port
      [7, 8], // Département de la Charente, 31 boulevard Émile Roux
      [26, 57], // France Services de Barbezieux, 32 rue de la Motte
      [32, 33], // UDAF, 73 impasse / rue Joseph Niepce
      [42, 61, 110], // FLEP de Soyaux, boulevard Léon Blum
      [60, 123], // Communauté de communes La Rochefoucauld Porte du Périgord (one SIRET mistyped)
      [74, 99], // Mairie de Soyaux, 235 avenue du Général de Gaulle
      [90, 106], // MJC Mosaïque, 17 rue Antoine de Saint-Exupéry
      [94, 144, 179], // APEJ, 72 rue de Pons
      [130, 185], // Rives de Charente, 5 rue / chemin du Halage
      [142, 146], // Les Quatre Routes, 112 rue d’Angelier
    ]);
    // The four offices of the chambre d’agriculture share a SIRET: none is grouped.
    const chambre = places.filter((p) => p.pivot === '18160001600024').map((p) => p.id);
    expect(chambre).toHaveLength(4);
    expect(groups.flat().map((n) => `org_place${n}`)).not.toContain(chambre[0]);
  });

  it('merges a place published twice without losing a national id or a field of either', () => {
    for (const group of findDuplicatePlaces(places)) {
      const [first, ...others] = group as [Organization, ...Organization[]];
      let merged: OrganizationFields = first;
      const conflicts: MergeConflict[] = [];
      for (const other of others) {
        const result = mergePlaces(merged, other);
        conflicts.push(...result.conflicts);
        merged = result.fields;
      }
      expect(merged.nationalIds).toEqual(group.flatMap((place) => place.nationalIds));
      expect(Organization.parse({ ...merged, id: first.id, ...META })).toBeTruthy();
      for (const place of group) {
        for (const field of OrganizationFields.keyof().options) {
          const value = place[field];
          // « autre » says no more than an empty category.
          if (value === undefined || (field === 'category' && value === 'autre')) continue;
          expect(isKept(merged, conflicts, field, value), `${field} de ${place.id}`).toBe(true);
        }
      }
    }
  });

  it('merges Jarnac’s two records into one with both national ids, and says where they differ', () => {
    const jarnac = places.filter((p) => p.id === 'org_place2' || p.id === 'org_place184') as [
      Organization,
      Organization,
    ];
    const { fields, conflicts } = mergePlaces(jarnac[0], jarnac[1]);
    expect(fields.nationalIds).toEqual([...jarnac[0].nationalIds, ...jarnac[1].nationalIds]);
    expect(fields.nationalIds).toHaveLength(2);
    expect(fields.services).toEqual(
      expect.arrayContaining([...jarnac[0].services, ...jarnac[1].services]),
    );
    // The same record published twice, five days apart.
    expect(conflicts).toEqual([
      {
        field: 'sourceUpdatedAt',
        label: 'Date de mise à jour',
        kept: '2023-01-26',
        other: '2023-01-31',
      },
    ]);
  });

  it('exports every place in the national schema, JSON and CSV, and reads back the same places', () => {
    const json = JSON.parse(nationalPlacesJson(places)) as Record<string, unknown>[];
    expect(json).toHaveLength(188);
    expect(tableSchemaProblems(schema, json)).toEqual([]);
    const csv = nationalPlacesCsv(places);
    const csvRows = parsePlacesFile(new Uint8Array(Buffer.from(csv, 'utf8'))).rows;
    expect(csvRows).toHaveLength(188);
    expect(
      tableSchemaProblems(
        schema,
        csvRows.map((row) => row.fields),
      ),
    ).toEqual([]);

    for (const exported of [nationalPlacesJson(places), csv]) {
      const again = placeRecordsOf(
        parsePlacesFile(new Uint8Array(Buffer.from(exported, 'utf8'))).rows,
        communeLookupOf(charente),
      );
      expect(again.rejected).toEqual([]);
      again.records.forEach((record, index) => {
        const before = records[index]?.fields as OrganizationFields;
        // The one record without a real update date goes out with the day it last changed in Maille.
        const expected =
          before.sourceUpdatedAt === undefined
            ? { ...before, sourceUpdatedAt: '2025-01-01' }
            : before;
        expect(record.fields).toEqual(expected);
      });
    }
  });
});
