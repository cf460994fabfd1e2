import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../shared/errors.ts';
import { MAX_PLACES_FILE_BYTES, parsePlacesFile } from './places-file.ts';

const FIXTURES = new URL('../../../test-fixtures/lieux-mediation-numerique/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The French message of the file-level error `parsePlacesFile` throws. */
function refusal(content: Uint8Array): string {
  try {
    parsePlacesFile(content);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).message;
  }
  throw new Error('le fichier a été lu');
}

describe('the test fixtures', () => {
  // The copies under test-fixtures are what CI reads; where the shared originals exist, they match.
  const shared = new URL(
    '../../../../../../shared/data/lieux-mediation-numerique/',
    import.meta.url,
  );
  it.skipIf(!existsSync(shared))('are the published files, unedited', () => {
    for (const name of ['charente-2023-07-11.json', 'exemple-valide.csv', 'schema-1.0.2.json']) {
      expect(
        readFileSync(new URL(name, FIXTURES)).equals(readFileSync(new URL(name, shared))),
        name,
      ).toBe(true);
    }
  });
});

describe('parsePlacesFile', () => {
  it('reads the Charente file of July 2023 under the current field names', () => {
    const { format, rows, rejected } = parsePlacesFile(fixture('charente-2023-07-11.json'));
    expect(format).toBe('json');
    expect(rows).toHaveLength(188);
    expect(rejected).toEqual([]);
    const first = rows[0];
    expect(first?.position).toBe(1);
    expect(first?.fields).toMatchObject({
      nom: 'Médiathèque chateaubernard',
      commune: 'CHÂTEAUBERNARD',
      latitude: '45.681367',
      dispositif_programmes_nationaux: 'CNFS;France Services',
      fiche_acces_libre:
        'https://acceslibre.beta.gouv.fr/app/16-chateaubernard/a/mairie/erp/mairie-chateaubernard/',
    });
    expect(first?.fields).not.toHaveProperty('labels_nationaux');
    expect(rows.filter((row) => row.fields.courriels !== undefined)).toHaveLength(53);
    expect(rows.filter((row) => row.fields.publics_specifiquement_adresses)).toHaveLength(24);
    expect(rows[187]?.position).toBe(188);
  });

  it('reads the schema’s valid example, every column of it', () => {
    const { format, rows, rejected } = parsePlacesFile(fixture('exemple-valide.csv'));
    expect(format).toBe('csv');
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]?.fields ?? {})).toHaveLength(32);
    expect(rows[0]?.fields.horaires).toBe('Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00');
  });

  it('reads a spreadsheet’s CSV: `;`, byte order mark, CRLF, quotes around separators, line breaks and quotes', () => {
    const csv = [
      'id;nom;commune;code_postal;adresse;date_maj;horaires',
      'a-1;"Bus; numérique";Cognac;16100;"2 rue du Port\r\nBâtiment B";2024-01-02;Mo 09:00-12:00',
      '',
      'a-2;"Le ""Cyber"" café";Cognac;16100;5 place Jean Monnet;2024-01-03;',
    ].join('\r\n');
    const { format, rows } = parsePlacesFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv)]));
    expect(format).toBe('csv');
    expect(rows.map((row) => row.position)).toEqual([1, 2]);
    expect(rows[0]?.fields).toEqual({
      id: 'a-1',
      nom: 'Bus; numérique',
      commune: 'Cognac',
      code_postal: '16100',
      adresse: '2 rue du Port\r\nBâtiment B',
      date_maj: '2024-01-02',
      horaires: 'Mo 09:00-12:00',
    });
    expect(rows[1]?.fields.nom).toBe('Le "Cyber" café');
    expect(rows[1]?.fields).not.toHaveProperty('horaires');
  });

  it('takes the list out of an object such as {"data": […]}, and numbers as text', () => {
    const json = JSON.stringify({
      data: [{ id: 7, nom: 'Mairie', latitude: 45.5, courriel: 'a@b.fr' }],
    });
    expect(parsePlacesFile(utf8(json)).rows[0]?.fields).toEqual({
      id: '7',
      nom: 'Mairie',
      latitude: '45.5',
      courriels: 'a@b.fr',
    });
  });

  it('rejects what is not a record, with its position, and reads the others', () => {
    const json = JSON.stringify([
      { id: 'a', nom: 'Un' },
      42,
      { id: 'c', nom: 'Trois', adresse: { rue: 'x' } },
      { id: 'd', nom: 'Quatre' },
    ]);
    const { rows, rejected } = parsePlacesFile(utf8(json));
    expect(rows.map((row) => row.position)).toEqual([1, 4]);
    expect(rejected).toEqual([
      { position: 2, reason: 'Cet élément de la liste n’est pas un lieu (objet JSON attendu).' },
      {
        position: 3,
        nationalId: 'c',
        name: 'Trois',
        reason:
          'Le champ adresse contient un objet JSON : un texte, un nombre ou une liste de textes est attendu.',
      },
    ]);
  });

  it('rejects a CSV line with more cells than columns, and says which line', () => {
    const csv =
      'id,nom,commune,code_postal,adresse,date_maj\na,Un,Cognac,16100,1 rue,2024-01-01,en trop\n';
    const { rows, rejected } = parsePlacesFile(utf8(csv));
    expect(rows).toEqual([]);
    expect(rejected).toEqual([
      {
        position: 1,
        nationalId: 'a',
        name: 'Un',
        reason:
          'La ligne 2 compte 7 cellules pour 6 colonnes : un « , » en trop ou un guillemet manquant ?',
      },
    ]);
  });

  it('tells a Latin-1 file apart, and says how to save it in UTF-8', () => {
    const latin1 = new Uint8Array(
      Buffer.from('id;nom\na;Médiathèque d’Angoulême\n'.replace('’', "'"), 'latin1'),
    );
    expect(refusal(latin1)).toMatch(/^Ce fichier n’est pas en UTF-8 : il semble encodé en Latin-1/);
  });

  it('refuses an image, a spreadsheet, an empty file, a file over 50 MB, in French', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(refusal(png)).toBe(
      'Ce fichier est une image PNG, pas un fichier JSON ou CSV de lieux de médiation numérique.',
    );
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatch(
      /classeur \(XLSX, ODS\)/,
    );
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x69, 0]))).toMatch(/UTF-16/);
    expect(refusal(new Uint8Array())).toBe('Le fichier est vide.');
    expect(refusal(utf8(' \n\r\n'))).toBe('Le fichier est vide.');
    // Zeros, allocated at once: no 50 MB of text is built to test the limit.
    expect(refusal(new Uint8Array(MAX_PLACES_FILE_BYTES + 1))).toBe(
      'Le fichier pèse 51 Mo : au plus 50 Mo. Découpez-le en plusieurs fichiers.',
    );
  });

  it('refuses binary content that no signature names', () => {
    expect(refusal(new Uint8Array([0x81, 0x00, 0x02, 0x03]))).toBe(
      'Ce fichier n’est pas un texte (contenu binaire) : déposez le fichier JSON ou CSV des lieux.',
    );
    // NUL bytes are valid UTF-8: refused as binary, not read as one CSV line of 50 MB.
    expect(refusal(new Uint8Array(MAX_PLACES_FILE_BYTES))).toBe(
      'Ce fichier n’est pas un texte (contenu binaire) : déposez le fichier JSON ou CSV des lieux.',
    );
  });

  it('refuses what is neither JSON nor CSV, and JSON that is not a list of places', () => {
    expect(refusal(utf8('Bonjour, voici nos lieux'))).toMatch(/ni JSON ni CSV|ne ressemble pas/);
    expect(refusal(utf8('Bonjour\nvoici nos lieux'))).toBe(
      'Ce fichier n’est ni du JSON ni du CSV : sa première ligne n’a ni virgule ni point-virgule entre des noms de colonnes.',
    );
    expect(refusal(utf8('{"lieux": [], "autres": []}'))).toMatch(
      /^Le JSON doit être une liste de lieux/,
    );
    expect(refusal(utf8('[]'))).toBe('Le fichier ne contient aucun lieu.');
    expect(refusal(utf8('[{"id": "a",}]'))).toMatch(
      /^Le fichier commence comme du JSON mais est mal formé/,
    );
    expect(refusal(utf8('[{"titre": "x"}]'))).toMatch(/^Ce fichier ne ressemble pas à des lieux/);
    expect(refusal(utf8('[\n{"id": "a"\n"nom": "b"}\n]'))).toBe(
      'Le fichier commence comme du JSON mais est mal formé (vers la ligne 3) : vérifiez les virgules, guillemets et crochets.',
    );
  });

  it('names the required columns a CSV lacks', () => {
    expect(refusal(utf8('id,nom,commune,code_postal,adresse\na,b,c,16100,e\n'))).toMatch(
      /^Colonne obligatoire absente : date_maj\./,
    );
  });

  it('says where a quote opens and never closes', () => {
    const csv =
      'id,nom,commune,code_postal,adresse,date_maj\na,"Un,Cognac,16100,1 rue,2024-01-01\n';
    expect(refusal(utf8(csv))).toBe(
      'Un guillemet ouvert ligne 2 n’est jamais refermé : le reste du fichier ne peut pas être lu.',
    );
  });

  it('refuses more than 100 000 records, in JSON and in CSV', () => {
    expect(refusal(utf8(`[${'{"id":1},'.repeat(100_000)}{"id":2}]`))).toBe(
      'Le fichier compte plus de 100 000 lieux : découpez-le en plusieurs fichiers.',
    );
    const csv = `id,nom,commune,code_postal,adresse,date_maj\n${'a,b,c,16100,e,2024-01-01\n'.repeat(100_001)}`;
    expect(refusal(utf8(csv))).toBe(
      'Le fichier compte plus de 100 000 lieux : découpez-le en plusieurs fichiers.',
    );
  });
});
