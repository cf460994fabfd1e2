import { describe, expect, it } from 'vitest';
import { communeLookupOf } from './communes.ts';
import type { NationalField } from './national-fields.ts';
import { placeRecordsOf } from './place-records.ts';
import type { NationalPlaceRow } from './places-file.ts';

// A few real communes, as the official directory (@etalab/decoupage-administratif 6.0.0) gives them.
const communes = communeLookupOf([
  { code: '16015', name: 'Angoulême', postalCodes: ['16000'] },
  { code: '16089', name: 'Châteaubernard', postalCodes: ['16100'] },
  { code: '16102', name: 'Cognac', postalCodes: ['16100'] },
  { code: '16028', name: 'Barbezieux-Saint-Hilaire', postalCodes: ['16300'] },
  { code: '01053', name: 'Bourg-en-Bresse', postalCodes: ['01000'] },
]);

/** A record of Cognac with what the schema requires, and `fields` over it. */
function row(fields: Partial<Record<NationalField, string>> = {}, position = 1): NationalPlaceRow {
  return {
    position,
    fields: {
      id: `lieu-${position}`,
      nom: 'Espace numérique de Cognac',
      commune: 'Cognac',
      code_postal: '16100',
      adresse: '6 rue de Valdepenas',
      date_maj: '2024-03-01',
      ...fields,
    },
  };
}

function recordOf(fields: Partial<Record<NationalField, string>>) {
  const { records, rejected } = placeRecordsOf([row(fields)], communes);
  expect(rejected).toEqual([]);
  return records[0] as NonNullable<(typeof records)[0]>;
}

function reasonOf(fields: Partial<Record<NationalField, string>>): string {
  const { records, rejected } = placeRecordsOf([row(fields)], communes);
  expect(records).toEqual([]);
  return rejected[0]?.reason ?? '';
}

describe('placeRecordsOf', () => {
  it('turns a record into an organization’s fields, its national id kept', () => {
    const record = recordOf({
      pivot: '00000000000000',
      typologie: 'MUNI|EPN',
      services: 'Aide aux démarches administratives;Compréhension du monde numérique',
      telephone: '+33545360000',
      courriels: 'Contact@Cognac.fr|mediation@cognac.fr',
      site_web: 'https://www.ville-cognac.fr',
      horaires: 'Mo-Fr 09:00-12:00',
      itinerance: 'Fixe',
      modalites_acces: 'Se présenter|Téléphoner',
      fiche_acces_libre: 'https://acceslibre.beta.gouv.fr/app/16-cognac/a/mairie/erp/mairie/',
      structure_parente: 'Ville de Cognac',
    });
    expect(record).toMatchObject({ position: 1, nationalId: 'lieu-1', warnings: [] });
    expect(record.fields).toMatchObject({
      name: 'Espace numérique de Cognac',
      category: 'commune',
      typologies: ['muni', 'epn'],
      address: {
        street: '6 rue de Valdepenas',
        postalCode: '16100',
        city: 'Cognac',
        inseeCode: '16102',
      },
      services: ['aide_aux_demarches_administratives', 'comprehension_du_monde_numerique'],
      phone: '+33545360000',
      email: 'contact@cognac.fr',
      otherEmails: ['mediation@cognac.fr'],
      website: 'https://www.ville-cognac.fr',
      openingHours: 'Mo-Fr 09:00-12:00',
      itinerance: ['fixe'],
      accessModes: ['se_presenter', 'telephoner'],
      accessibilityUrl: 'https://acceslibre.beta.gouv.fr/app/16-cognac/a/mairie/erp/mairie/',
      parentStructure: 'Ville de Cognac',
      source: 'fichier national',
      sourceUpdatedAt: '2024-03-01',
      nationalIds: ['lieu-1'],
    });
    // The placeholder is no SIRET: the place has no pivot.
    expect(record.fields).not.toHaveProperty('pivot');
  });

  it('finds a missing INSEE code from the postal code and the commune, and writes the commune as the directory does', () => {
    const record = recordOf({ commune: 'CHÂTEAUBERNARD' });
    expect(record.fields.address).toMatchObject({ city: 'Châteaubernard', inseeCode: '16089' });
    expect(record.fixes).toEqual([
      'code INSEE 16089 trouvé d’après le code postal 16100 et la commune',
      'commune écrite Châteaubernard (au lieu de CHÂTEAUBERNARD)',
    ]);
    expect(
      recordOf({ commune: 'BARBEZIEUX ST HILAIRE', code_postal: '16300' }).fields.address,
    ).toMatchObject({ city: 'Barbezieux-Saint-Hilaire', inseeCode: '16028' });
  });

  it('gives a code a spreadsheet stripped of its leading zero back', () => {
    const record = recordOf({ commune: 'Bourg-en-Bresse', code_postal: '1000' });
    expect(record.fields.address).toMatchObject({ postalCode: '01000', inseeCode: '01053' });
    expect(record.fixes[0]).toBe('code postal 1000 complété en 01000');
  });

  it('keeps a commune the directory cannot place, without INSEE code, and says so', () => {
    const record = recordOf({ commune: 'Saint-Brice', code_postal: '16100' });
    expect(record.fields.address?.inseeCode).toBeUndefined();
    expect(record.warnings).toEqual([
      'commune « Saint-Brice » introuvable parmi les communes du code postal 16100 (fusionnée ?) : code INSEE non renseigné',
    ]);
  });

  it('rejects an INSEE code unknown to the official directory', () => {
    expect(reasonOf({ code_insee: '99999' })).toBe(
      'code_insee : code INSEE « 99999 » inconnu du répertoire officiel des communes.',
    );
  });

  it('rejects a point outside France, and puts swapped coordinates back in order', () => {
    expect(reasonOf({ latitude: '45.1', longitude: '-20.4' })).toBe(
      'latitude, longitude : le point (45.1, -20.4) est hors de France (métropole, Corse et départements d’outre-mer).',
    );
    const swapped = recordOf({ latitude: '-0.3287', longitude: '45,6958' });
    expect(swapped.fields.address).toMatchObject({ latitude: 45.6958, longitude: -0.3287 });
    expect(swapped.fixes).toContain('latitude et longitude inversées : remises dans l’ordre');
    expect(recordOf({ latitude: '-21.11', longitude: '55.53' }).fields.address?.latitude).toBe(
      -21.11,
    );
  });

  it('normalises the phone number, and lets the national model refuse one it cannot read', () => {
    const record = recordOf({ telephone: '05.45.36.00.00' });
    expect(record.fields.phone).toBe('+33545360000');
    expect(record.fixes).toContain('téléphone normalisé : « 05.45.36.00.00 » → 05 45 36 00 00');
    expect(recordOf({ telephone: '05 45 36 00 00' }).fixes).not.toContain(
      expect.stringMatching(/^téléphone/),
    );
    expect(recordOf({ telephone: '+33 (0)5 45 36 00 00' }).fields.phone).toBe('+33545360000');
    // An overseas number keeps its country code (the kernel alone would make it +33 2 62…).
    expect(recordOf({ telephone: '0262 12 34 56' }).fields.phone).toBe('+262262123456');
    expect(reasonOf({ telephone: '12 34' })).toBe(
      "telephone : Le telephone 12 34 n'est pas valide.",
    );
  });

  it('reads the values of earlier versions of the schema, and says what it could not keep', () => {
    const record = recordOf({
      services: 'Aide aux démarches administratives',
      dispositif_programmes_nationaux: 'CNFS;France Services',
      publics_specifiquement_adresses: 'Adultes|Seniors (+ 65 ans)|Surdité',
      frais_a_charge: 'gratuit',
    });
    expect(record.fields.nationalProgrammes).toEqual(['conseillers_numeriques', 'france_services']);
    expect(record.fields.publics).toEqual(['seniors']);
    expect(record.fields.specificSupports).toEqual(['surdite']);
    expect(record.fields.fees).toEqual(['gratuit']);
    expect(record.fixes).toContain(
      '« Surdité » déplacé de publics_specifiquement_adresses vers prise_en_charge_specifique',
    );
    expect(record.warnings).toEqual([
      'publics_specifiquement_adresses : « Adultes » n’a pas d’équivalent dans le schéma 1.0.2, valeur ignorée',
    ]);
  });

  it('infers the category from the typologies, a label as well as a code', () => {
    expect(recordOf({ typologie: 'France Services' }).fields).toMatchObject({
      category: 'france_services',
      typologies: ['rfs'],
    });
    expect(recordOf({ typologie: 'EPN|ASSO' }).fields.category).toBe('association');
    expect(recordOf({ typologie: 'TIERS_LIEUX' }).fields.category).toBe('tiers_lieu');
    expect(recordOf({ typologie: 'BIB' }).fields.category).toBe('mediatheque');
    expect(recordOf({ typologie: 'EPN' }).fields.category).toBe('autre');
    const unknown = recordOf({ typologie: 'GUICHET' });
    expect(unknown.fields.typologies).toEqual([]);
    expect(unknown.warnings).toEqual([
      'typologie « GUICHET » absente de la liste nationale des typologies : ignorée',
    ]);
  });

  it('lets the national model refuse an unknown value, naming the field', () => {
    expect(reasonOf({ services: 'Aide aux démarches administratives|Cours de cuisine' })).toBe(
      "services : Le service 'Cours de cuisine' n'est pas une valeur admise.",
    );
    expect(reasonOf({ adresse: '12 rue de la Paix #3' })).toBe(
      "adresse : La voie 12 rue de la Paix #3 n'est pas valide.",
    );
    // The model only checks the lists of a place with services; the kernel refuses them anyway.
    expect(reasonOf({ modalites_accompagnement: 'Par pigeon voyageur' })).toBe(
      'modalites_accompagnement : « Par pigeon voyageur » n’est pas une valeur admise.',
    );
  });

  it('reads the update date, a French one too, and ignores the start of Unix time', () => {
    const french = recordOf({ date_maj: '22/02/2023' });
    expect(french.fields.sourceUpdatedAt).toBe('2023-02-22');
    expect(french.fixes).toContain('date de mise à jour 22/02/2023 lue comme 2023-02-22');
    const epoch = recordOf({ date_maj: '1970-01-01' });
    expect(epoch.fields.sourceUpdatedAt).toBeUndefined();
    expect(reasonOf({ date_maj: 'hier' })).toBe(
      'date_maj : « hier » n’est pas une date (AAAA-MM-JJ attendu).',
    );
    expect(reasonOf({ date_maj: '2023-02-30' })).toMatch(/^date_maj :/);
  });

  it('rejects a field of 1 MB with a reason, not a crash', () => {
    const started = performance.now();
    expect(reasonOf({ presentation_detail: 'a'.repeat(1024 * 1024) })).toBe(
      'presentation_detail : trop long, 1 048 576 caractères pour 5 000 au plus.',
    );
    expect(reasonOf({ nom: 'a'.repeat(201) })).toBe(
      'nom : trop long, 201 caractères pour 200 au plus.',
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('keeps the national model’s slow pattern away from a long malformed web address', () => {
    const started = performance.now();
    const url = `https://rdv.exemple.fr/${'a'.repeat(1_900)}"`;
    expect(recordOf({ prise_rdv: url }).fields.appointmentUrl).toBeDefined();
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects a missing required field, a bad e-mail, a bad website, naming the field', () => {
    expect(reasonOf({ adresse: undefined as unknown as string })).toBe(
      'adresse : ce champ obligatoire est vide.',
    );
    expect(reasonOf({ courriels: 'contact@cognac.fr|pas-une-adresse' })).toBe(
      'courriels : « pas-une-adresse » n’est pas une adresse électronique valide.',
    );
    expect(reasonOf({ site_web: 'ftp://cognac.fr' })).toBe(
      'site_web : « ftp://cognac.fr » n’est pas une adresse web valide (http ou https).',
    );
    const completed = recordOf({ site_web: 'www.ville-cognac.fr' });
    expect(completed.fields.website).toBe('https://www.ville-cognac.fr');
    expect(completed.fixes).toContain(
      'site web complété : « www.ville-cognac.fr » → https://www.ville-cognac.fr',
    );
  });

  it('drops a pivot that is no SIRET, SIREN nor RNA, and keeps a SIREN', () => {
    const wrong = recordOf({ pivot: '12345678901234' });
    expect(wrong.fields.pivot).toBeUndefined();
    expect(wrong.warnings).toEqual([
      'pivot « 12345678901234 » ignoré : ce n’est ni un SIRET, ni un SIREN, ni un numéro RNA valide',
    ]);
    expect(recordOf({ pivot: '211601026' }).fields.pivot).toBe('211601026');
    expect(recordOf({ pivot: '21160102600001' }).fields.pivot).toBe('21160102600001');
  });

  it('goes on after a rejected record, each with its position', () => {
    const { records, rejected } = placeRecordsOf(
      [row({ code_insee: '99999' }, 1), row({}, 2), row({ latitude: '0', longitude: '0' }, 3)],
      communes,
    );
    expect(records.map((r) => r.position)).toEqual([2]);
    expect(rejected.map((r) => [r.position, r.nationalId, r.name])).toEqual([
      [1, 'lieu-1', 'Espace numérique de Cognac'],
      [3, 'lieu-3', 'Espace numérique de Cognac'],
    ]);
  });
});
