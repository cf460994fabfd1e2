import {
  type LieuMediationNumerique,
  toSchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { Organization } from '../../actors/organization.ts';
import { ValidationError } from '../../shared/errors.ts';
import { NATIONAL_FIELDS, type NationalField } from './national-fields.ts';
import { NATIONAL_VOCABULARIES, nationalValueOf } from './national-vocabulary.ts';
import { PLACEHOLDER_PIVOT } from './record-values.ts';

/** A place as one record of the national schema: its field names, numbers for coordinates. */
export type NationalPlace = Partial<Record<NationalField, string | number>>;

// The schema caps the summary at 280 characters; the kernel allows 500.
const SUMMARY_MAX_LENGTH = 280;

/** A place can be published when it has an address: the schema requires street, postal code and commune. */
export function isExportablePlace(organization: Pick<Organization, 'address'>): boolean {
  return organization.address !== undefined;
}

/**
 * An organization as a record of the national schema « Lieux de médiation numérique » (1.0.2),
 * written by the agency's own mapping (`toSchemaLieuMediationNumerique`). The `id` is the first
 * national id it was published under, else its Maille id; with no SIRET known, the pivot is the
 * placeholder `00000000000000` the schema expects; `date_maj` is the source's update date, else the
 * day the record last changed in Maille. Throws a `ValidationError` for a place without address.
 *
 * @example
 * toNationalPlace(organization).dispositif_programmes_nationaux; // 'Aidants Connect|France Services'
 */
export function toNationalPlace(organization: Organization): NationalPlace {
  const { address } = organization;
  if (address === undefined) {
    const message = `« ${organization.name} » n’a pas d’adresse : le schéma national en exige une (adresse, code postal, commune).`;
    throw new ValidationError([{ path: ['address'], message }], message);
  }
  const lists = Object.fromEntries(
    NATIONAL_VOCABULARIES.map((v) => [
      v.field,
      (organization[v.key] as readonly string[]).map((code) => nationalValueOf(v.key, code)),
    ]),
  ) as Record<NationalField, string[]>;
  const emails = [organization.email, ...organization.otherEmails].filter(isText);
  const websites = [organization.website, ...organization.otherWebsites].filter(isText);
  const summary = organization.summary;
  // The agency's constructors check as they build and would throw on what the kernel accepts
  // (a `#` in a street): the place is given in the model's shape, only its mapping is used.
  const place = {
    id: organization.nationalIds[0] ?? organization.id,
    pivot: organization.pivot ?? PLACEHOLDER_PIVOT,
    nom: organization.name,
    adresse: {
      voie: address.street,
      code_postal: address.postalCode,
      commune: address.city,
      ...maybe('code_insee', address.inseeCode),
      ...maybe('complement_adresse', address.complement),
    },
    ...(address.latitude === undefined || address.longitude === undefined
      ? {}
      : { localisation: { latitude: address.latitude, longitude: address.longitude } }),
    ...list('typologies', lists.typologie),
    ...(organization.phone || emails.length > 0 || websites.length > 0
      ? {
          contact: {
            ...maybe('telephone', organization.phone),
            ...list('courriels', emails),
            ...list('site_web', websites),
          },
        }
      : {}),
    ...maybe('horaires', organization.openingHours),
    ...(summary || organization.description
      ? {
          presentation: {
            ...maybe('resume', summary && shortenedSummary(summary)),
            ...maybe('detail', organization.description),
          },
        }
      : {}),
    ...maybe('source', organization.source),
    ...maybe('structure_parente', organization.parentStructure),
    date_maj: new Date(
      `${organization.sourceUpdatedAt ?? organization.updatedAt.slice(0, 10)}T00:00:00.000Z`,
    ),
    ...list('services', lists.services),
    ...list('publics_specifiquement_adresses', lists.publics_specifiquement_adresses),
    ...list('prise_en_charge_specifique', lists.prise_en_charge_specifique),
    ...list('modalites_acces', lists.modalites_acces),
    ...list('frais_a_charge', lists.frais_a_charge),
    ...list('itinerance', lists.itinerance),
    ...list('dispositif_programmes_nationaux', lists.dispositif_programmes_nationaux),
    ...list('formations_labels', lists.formations_labels),
    ...list('autres_formations_labels', organization.otherTrainingLabels),
    ...list('modalites_accompagnement', lists.modalites_accompagnement),
    ...maybe('fiche_acces_libre', organization.accessibilityUrl),
    ...maybe('prise_rdv', organization.appointmentUrl),
  } as unknown as LieuMediationNumerique;
  return toSchemaLieuMediationNumerique(place) as NationalPlace;
}

/**
 * The places as a CSV file of the national schema: its columns in its order, `,` between cells,
 * quotes where a cell needs them, a `.` in decimal numbers. Unlike the spreadsheets Maille offers
 * for download (`toCsv`), cells are not guarded against formulas: the file is read by programs, and
 * a phone number must start with its `+`.
 *
 * @example
 * nationalPlacesCsv(places).split('\r\n')[0]; // 'id,pivot,nom,commune,code_postal,…'
 */
export function nationalPlacesCsv(organizations: readonly Organization[]): string {
  const lines = [
    NATIONAL_FIELDS.join(','),
    ...organizations.map((organization) => {
      const place = toNationalPlace(organization);
      return NATIONAL_FIELDS.map((field) => csvCell(place[field])).join(',');
    }),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The places as a JSON list of records of the national schema.
 *
 * @example
 * JSON.parse(nationalPlacesJson(places))[0].nom; // 'Médiathèque de Châteaubernard'
 */
export function nationalPlacesJson(organizations: readonly Organization[]): string {
  return `${JSON.stringify(organizations.map(toNationalPlace), null, 2)}\n`;
}

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The summary within the schema's 280 characters, cut at a word with an ellipsis. */
function shortenedSummary(summary: string): string {
  if (summary.length <= SUMMARY_MAX_LENGTH) return summary;
  const cut = summary.slice(0, SUMMARY_MAX_LENGTH - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_MAX_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function isText(value: string | undefined): value is string {
  return value !== undefined && value !== '';
}

function maybe<K extends string, V>(key: K, value: V | undefined | '' | false): { [P in K]?: V } {
  return value === undefined || value === '' || value === false
    ? {}
    : ({ [key]: value } as { [P in K]: V });
}

function list<K extends string>(key: K, values: readonly string[]): { [P in K]?: string[] } {
  return values.length === 0 ? {} : ({ [key]: [...values] } as { [P in K]: string[] });
}
