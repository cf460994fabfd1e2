import {
  fromSchemaLieuDeMediationNumerique,
  isValidUrl,
  ModelError,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { z } from 'zod';
import { OrganizationFields, type PlaceTypology } from '../../actors/organization.ts';
import { frenchErrors } from '../../shared/french-errors.ts';
import { categoryOfTypologies } from './category.ts';
import { resolveCommune } from './commune-resolution.ts';
import type { CommuneLookup } from './communes.ts';
import {
  FIELD_MAX_LENGTH,
  NATIONAL_FIELDS,
  type NationalField,
  REQUIRED_FIELDS,
} from './national-fields.ts';
import { modelValueOf, NATIONAL_VOCABULARIES } from './national-vocabulary.ts';
import { nationalFieldOfPath } from './place-fields.ts';
import type { NationalPlaceRow, RejectedPlace } from './places-file.ts';
import { quoted, shortened } from './quote.ts';
import { type RecordLists, readLists } from './record-lists.ts';
import {
  PLACEHOLDER_PIVOT,
  type RecordNotes,
  RecordRejection,
  readCoordinates,
  readEmails,
  readPhone,
  readPivot,
  readPostalCode,
  readUpdateDate,
  readUrl,
  readWebsites,
} from './record-values.ts';

/** A record of the file as an organization's fields, with what was fixed on the way in. */
export interface PlaceRecord {
  position: number;
  nationalId: string;
  fields: z.output<typeof OrganizationFields>;
  /** What the importer changed, in French (« code INSEE 16089 trouvé d’après le code postal… »). */
  fixes: string[];
  /** What it could not keep or check, in French (« commune MANSLE introuvable… »). */
  warnings: string[];
}

/** Where the source of a record is unknown. */
const DEFAULT_SOURCE = 'fichier national';

// The agency's model checks web addresses with a pattern that takes cubic time on long
// malformed input (seconds at 2 000 characters): longer ones are only checked by the kernel.
const MODEL_URL_MAX_LENGTH = 250;

/**
 * Checks each row with the agency's model (`fromSchemaLieuDeMediationNumerique`) and the
 * kernel's `OrganizationFields`, and turns it into an organization's fields. A record that fails
 * is rejected with its position and a French reason naming the field, and the others go on.
 *
 * On the way: the placeholder pivot `00000000000000` means no pivot; a missing INSEE code is found
 * from the postal code and the commune's name, and the commune's spelling taken from the
 * directory (`communes`, looked up by the caller with `communeKeysOf`); an INSEE code unknown to
 * the directory, or a point outside France, rejects the record; the phone number is normalised;
 * the category is inferred from the typologies. Each change is listed in the record's `fixes`.
 *
 * @example
 * const { records, rejected } = placeRecordsOf(parsed.rows, communes);
 * records[0]?.fixes; // ['code INSEE 16089 trouvé d’après le code postal 16100 et la commune', …]
 */
export function placeRecordsOf(
  rows: readonly NationalPlaceRow[],
  communes: CommuneLookup,
): { records: PlaceRecord[]; rejected: RejectedPlace[] } {
  const records: PlaceRecord[] = [];
  const rejected: RejectedPlace[] = [];
  for (const row of rows) {
    const outcome = placeRecordOf(row, communes);
    if ('reason' in outcome) rejected.push(outcome);
    else records.push(outcome);
  }
  return { records, rejected };
}

function placeRecordOf(
  row: NationalPlaceRow,
  communes: CommuneLookup,
): PlaceRecord | RejectedPlace {
  const { fields, position } = row;
  try {
    return { position, ...placeOf(fields, communes) };
  } catch (error) {
    if (!(error instanceof RecordRejection)) throw error;
    return {
      position,
      ...(fields.id === undefined ? {} : { nationalId: shortened(fields.id, 300) }),
      ...(fields.nom === undefined ? {} : { name: shortened(fields.nom, 300) }),
      reason: shortened(error.message, 600),
    };
  }
}

/** A record's values as an organization's fields, or a `RecordRejection`. */
function placeOf(
  fields: NationalPlaceRow['fields'],
  communes: CommuneLookup,
): Omit<PlaceRecord, 'position'> {
  for (const field of NATIONAL_FIELDS) {
    const length = fields[field]?.length ?? 0;
    if (length > FIELD_MAX_LENGTH[field]) {
      throw new RecordRejection(
        `${field} : trop long, ${count(length)} caractères pour ${count(FIELD_MAX_LENGTH[field])} au plus.`,
      );
    }
  }
  const missing = REQUIRED_FIELDS.find((field) => fields[field] === undefined);
  if (missing !== undefined)
    throw new RecordRejection(`${missing} : ce champ obligatoire est vide.`);
  const required = fields as Record<(typeof REQUIRED_FIELDS)[number], string>;

  const notes: RecordNotes = { fixes: [], warnings: [] };
  const pivot = readPivot(fields.pivot, notes);
  const postalCode = readPostalCode(required.code_postal, notes);
  const date = readUpdateDate(required.date_maj, notes);
  const point = readCoordinates(fields.latitude, fields.longitude, notes);
  const phone = readPhone(fields.telephone, notes);
  const emails = readEmails(fields.courriels);
  const websites = readWebsites(fields.site_web, notes);
  const accessibilityUrl = optionalUrl('fiche_acces_libre', fields.fiche_acces_libre);
  const appointmentUrl = optionalUrl('prise_rdv', fields.prise_rdv);
  const commune = resolveCommune(
    { name: required.commune, postalCode, inseeCode: fields.code_insee },
    communes,
    notes,
  );
  const lists = readLists(fields, notes);

  checkWithNationalModel({
    id: required.id,
    nom: required.nom,
    // The model knows SIRET and RNA, not the SIREN the schema also allows (9 to 14 characters).
    pivot: pivot !== undefined && pivot.length !== 9 ? pivot : PLACEHOLDER_PIVOT,
    adresse: required.adresse,
    ...optional('complement_adresse', fields.complement_adresse),
    commune: commune.city,
    code_postal: postalCode,
    ...optional('code_insee', commune.inseeCode),
    ...point,
    ...optional('telephone', phone ?? fields.telephone),
    ...optional('courriels', joined(emails)),
    ...optional('site_web', joined(websites)),
    ...optional('horaires', fields.horaires),
    ...optional('presentation_resume', fields.presentation_resume),
    ...optional('presentation_detail', fields.presentation_detail),
    ...optional('source', fields.source),
    ...optional('structure_parente', fields.structure_parente),
    date_maj: date ?? required.date_maj,
    ...modelLists(lists),
    ...optional('autres_formations_labels', joined(lists.otherTrainingLabels)),
    ...optional('fiche_acces_libre', shortUrl(accessibilityUrl)),
    ...optional('prise_rdv', shortUrl(appointmentUrl)),
  });
  // The agency's model only checks the lists of a place offering services: the kernel refuses
  // an unknown value anywhere, so that none is dropped without a word.
  const [unknownField, unknownValues] = Object.entries(lists.unknown)[0] ?? [];
  if (unknownField !== undefined && unknownValues?.[0] !== undefined) {
    throw new RecordRejection(
      `${unknownField} : ${quoted(unknownValues[0])} n’est pas une valeur admise.`,
    );
  }

  const [email, ...otherEmails] = emails;
  const [website, ...otherWebsites] = websites;
  const parsed = OrganizationFields.safeParse(
    {
      name: required.nom,
      category: categoryOfTypologies(lists.codes.typologies as PlaceTypology[]),
      ...optional('pivot', pivot),
      address: {
        street: required.adresse,
        ...optional('complement', fields.complement_adresse),
        postalCode,
        ...commune,
        ...point,
      },
      ...optional('email', email),
      otherEmails,
      ...optional('phone', phone),
      ...optional('website', website),
      otherWebsites,
      ...optional('summary', fields.presentation_resume),
      ...optional('description', fields.presentation_detail),
      ...lists.codes,
      otherTrainingLabels: lists.otherTrainingLabels,
      ...optional('openingHours', fields.horaires),
      source: fields.source ?? DEFAULT_SOURCE,
      ...optional('sourceUpdatedAt', date),
      nationalIds: [required.id],
      ...optional('accessibilityUrl', accessibilityUrl),
      ...optional('appointmentUrl', appointmentUrl),
      ...optional('parentStructure', fields.structure_parente),
    },
    { error: frenchErrors },
  );
  if (!parsed.success) {
    throw new RecordRejection(
      parsed.error.issues
        .slice(0, 3)
        .map((issue) => `${nationalFieldOfPath(issue.path)} : ${issue.message}`)
        .join(' ; '),
    );
  }
  return { nationalId: required.id, fields: parsed.data, ...notes };
}

function optionalUrl(field: NationalField, raw: string | undefined): string | undefined {
  return raw === undefined ? undefined : readUrl(field, raw);
}

/**
 * The agency's model's check of a record: a `RecordRejection` with its message (French) after
 * the schema's name of the field when it refuses it.
 */
function checkWithNationalModel(record: SchemaLieuMediationNumerique): void {
  try {
    fromSchemaLieuDeMediationNumerique(record);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    throw new RecordRejection(
      `${nationalFieldOfModelKey(String(error.key), record)} : ${error.message}.`,
    );
  }
}

// The model names a few fields after its own structure rather than the schema.
const MODEL_KEYS: Readonly<Record<string, NationalField>> = {
  voie: 'adresse',
  courriel: 'courriels',
  typologies: 'typologie',
  siret: 'pivot',
  rna: 'pivot',
};

function nationalFieldOfModelKey(key: string, record: SchemaLieuMediationNumerique): string {
  if (key === 'url') {
    return record.fiche_acces_libre !== undefined && !isValidUrl(record.fiche_acces_libre)
      ? 'fiche_acces_libre'
      : 'prise_rdv';
  }
  return MODEL_KEYS[key] ?? key;
}

type TextField = Exclude<NationalField, 'latitude' | 'longitude'>;

/** The list fields as the agency's model expects them, the unknown values left in for it to refuse. */
function modelLists(lists: RecordLists): Partial<Record<TextField, string>> {
  const fields: Partial<Record<TextField, string>> = {};
  for (const vocabulary of NATIONAL_VOCABULARIES) {
    const values = [
      ...lists.codes[vocabulary.key].map((code) => modelValueOf(vocabulary.key, code)),
      ...(lists.unknown[vocabulary.field] ?? []),
    ];
    if (values.length > 0) fields[vocabulary.field as TextField] = values.join('|');
  }
  return fields;
}

function shortUrl(url: string | undefined): string | undefined {
  return url !== undefined && url.length <= MODEL_URL_MAX_LENGTH ? url : undefined;
}

function joined(values: readonly string[]): string | undefined {
  return values.length > 0 ? values.join('|') : undefined;
}

/** `{ [key]: value }`, or nothing when the value is absent (optional properties stay absent). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]: V });
}

function count(value: number): string {
  return value.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
}
