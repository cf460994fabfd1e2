import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Organization, type OrganizationInput } from '../../actors/organization.ts';
import { ValidationError } from '../../shared/errors.ts';
import { type TableSchema, tableSchemaProblems } from '../../testing/table-schema.ts';
import { communeLookupOf } from './communes.ts';
import {
  isExportablePlace,
  nationalPlacesCsv,
  nationalPlacesJson,
  toNationalPlace,
} from './export.ts';
import { NATIONAL_FIELDS } from './national-fields.ts';
import { placeRecordsOf } from './place-records.ts';
import { parsePlacesFile } from './places-file.ts';

const FIXTURES = new URL('../../../test-fixtures/lieux-mediation-numerique/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, FIXTURES));
const schema = JSON.parse(read('schema-1.0.2.json').toString('utf8')) as TableSchema;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
// The example is in Reims.
const communes = communeLookupOf([{ code: '51454', name: 'Reims', postalCodes: ['51100'] }]);

const META = {
  version: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
};

function organization(input: Partial<OrganizationInput> & { id?: string }): Organization {
  return Organization.parse({
    id: 'org_mediatheque1',
    name: 'Médiathèque de Cognac',
    category: 'mediatheque',
    address: {
      street: '10 place Cagouillet',
      postalCode: '16100',
      city: 'Cognac',
      inseeCode: '16102',
    },
    ...META,
    ...input,
  });
}

/** The places a national file holds, as Maille stores them. */
function placesOf(content: Uint8Array): Organization[] {
  const { rows } = parsePlacesFile(content);
  const { records, rejected } = placeRecordsOf(rows, communes);
  expect(rejected).toEqual([]);
  return records.map((record) =>
    Organization.parse({ ...record.fields, id: `org_place${record.position}`, ...META }),
  );
}

/** The CSV rows of a national CSV file, each as a record of texts. */
function csvRecords(csv: string): Record<string, string>[] {
  return parsePlacesFile(utf8(csv)).rows.map((row) => row.fields as Record<string, string>);
}

describe('the export in the national schema', () => {
  it('writes the schema’s valid example back as it was', () => {
    const [example] = placesOf(read('exemple-valide.csv'));
    const original = parsePlacesFile(read('exemple-valide.csv')).rows[0]?.fields;
    const exported = toNationalPlace(example as Organization);
    expect(exported).toEqual({ ...original, latitude: 43.52609, longitude: 5.41423 });
    expect(tableSchemaProblems(schema, [exported])).toEqual([]);
  });

  it('writes JSON and CSV files every record of which the schema accepts', () => {
    const places = [
      ...placesOf(read('exemple-valide.csv')),
      organization({}),
      organization({
        id: 'org_tierslieu1',
        name: 'La Quincaillerie, "tiers-lieu"',
        category: 'tiers_lieu',
        summary: `${'Un tiers-lieu ouvert à tous, '.repeat(12)}fin.`,
        trainingLabels: ['etapes_numeriques_la_poste', 'ordi_3_0'],
        nationalProgrammes: ['point_d_acces_numerique_caf'],
        accessModes: ['ce_lieu_n_accueille_pas_de_public'],
        phone: '+262262123456',
      }),
    ];
    const json = JSON.parse(nationalPlacesJson(places)) as Record<string, unknown>[];
    expect(json).toHaveLength(3);
    expect(tableSchemaProblems(schema, json)).toEqual([]);
    const csv = nationalPlacesCsv(places);
    expect(csv.split('\r\n')[0]).toBe(NATIONAL_FIELDS.join(','));
    expect(tableSchemaProblems(schema, csvRecords(csv))).toEqual([]);
    // What the agency's model spells otherwise follows the schema.
    expect(json[2]).toMatchObject({
      formations_labels: 'Étapes numériques(La Poste)|ORDI 3.0',
      dispositif_programmes_nationaux: "Point d'accès numérique CAF",
      modalites_acces: "Ce lieu n'accueille pas de public",
      telephone: '+262262123456',
    });
    // The summary is cut at a word within the schema's 280 characters.
    const summary = String(json[2]?.presentation_resume);
    expect(summary.length).toBeLessThanOrEqual(280);
    expect(summary.endsWith('…')).toBe(true);
    expect(places[2]?.summary?.startsWith(`${summary.slice(0, -1)} `)).toBe(true);
  });

  it('quotes CSV cells as needed, so that the file reads back the same', () => {
    const place = organization({
      name: 'La Quincaillerie, "tiers-lieu"',
      openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
    });
    const csv = nationalPlacesCsv([place]);
    expect(csv).toContain('"La Quincaillerie, ""tiers-lieu"""');
    expect(csvRecords(csv)).toEqual([
      Object.fromEntries(Object.entries(toNationalPlace(place)).map(([k, v]) => [k, String(v)])),
    ]);
  });

  it('gives a place created in Maille its id, the placeholder pivot and its last change as date', () => {
    expect(toNationalPlace(organization({}))).toMatchObject({
      id: 'org_mediatheque1',
      pivot: '00000000000000',
      date_maj: '2025-03-04',
      commune: 'Cognac',
      code_insee: '16102',
    });
    const published = organization({
      nationalIds: ['cnfs-1', 'fs-2'],
      pivot: '21160102600001',
      sourceUpdatedAt: '2023-02-22',
    });
    expect(toNationalPlace(published)).toMatchObject({
      id: 'cnfs-1',
      pivot: '21160102600001',
      date_maj: '2023-02-22',
    });
  });

  it('refuses a place without address, in French, and says which can be published', () => {
    const { address: _, ...withoutAddress } = organization({});
    const place = Organization.parse(withoutAddress);
    expect(isExportablePlace(place)).toBe(false);
    expect(() => toNationalPlace(place)).toThrow(ValidationError);
    expect(() => toNationalPlace(place)).toThrow(
      '« Médiathèque de Cognac » n’a pas d’adresse : le schéma national en exige une (adresse, code postal, commune).',
    );
  });
});
