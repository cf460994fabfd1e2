import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type TableSchema, tableSchemaProblems } from './table-schema.ts';

const schema = JSON.parse(
  readFileSync(
    new URL('../../test-fixtures/lieux-mediation-numerique/schema-1.0.2.json', import.meta.url),
    'utf8',
  ),
) as TableSchema;

describe('tableSchemaProblems, the checker the export tests trust', () => {
  it('accepts the schema’s valid example', () => {
    const csv = readFileSync(
      new URL('../../test-fixtures/lieux-mediation-numerique/exemple-valide.csv', import.meta.url),
      'utf8',
    );
    const [header, row] = csv.trim().split('\n');
    // The example quotes every value, and its header line splits on commas: read apart from the importer.
    const names = (header ?? '').split(',').map((name) => name.replaceAll('"', ''));
    const values = (row ?? '').slice(1, -1).split('","');
    expect(values).toHaveLength(names.length);
    const record = Object.fromEntries(names.map((name, i) => [name, values[i]]));
    expect(tableSchemaProblems(schema, [record])).toEqual([]);
  });

  it('sees what the national schema forbids', () => {
    const problems = tableSchemaProblems(schema, [
      {
        id: 'a',
        pivot: '0',
        nom: 'Lieu',
        commune: 'Cognac',
        code_postal: '16100',
        adresse: '1 rue',
        date_maj: '2024-02-30',
        latitude: 'nord',
        services: 'Aide aux démarches administratives|Cours de cuisine',
        telephone: '05 45 00 00 00',
        champ: 'x',
      },
      {
        id: 'a',
        pivot: '00000000000000',
        commune: 'Cognac',
        code_postal: '16100',
        adresse: '1 rue',
        date_maj: '2024-02-01',
      },
    ]);
    expect(problems).toEqual([
      'ligne 1, champ : champ absent du schéma',
      'ligne 1, pivot : "0" ne suit pas le motif ^[a-zA-Z0-9]{9,14}$',
      'ligne 1, latitude : un nombre est attendu',
      expect.stringMatching(/^ligne 1, telephone : "05 45 00 00 00" ne suit pas le motif/),
      'ligne 1, date_maj : une date AAAA-MM-JJ est attendue',
      expect.stringMatching(
        /^ligne 1, services : "Aide aux démarches administratives\|Cours de cuisine" ne suit pas le motif/,
      ),
      'ligne 2, id : valeur en double',
      'ligne 2, nom : obligatoire et absent',
    ]);
  });
});
