/**
 * The fields of the national schema « Lieux de médiation numérique » (v1.0.2), in its order, and
 * the names earlier versions and the published files gave them.
 */
export const NATIONAL_FIELDS = [
  'id',
  'pivot',
  'nom',
  'commune',
  'code_postal',
  'code_insee',
  'adresse',
  'complement_adresse',
  'latitude',
  'longitude',
  'typologie',
  'telephone',
  'courriels',
  'site_web',
  'horaires',
  'presentation_resume',
  'presentation_detail',
  'source',
  'itinerance',
  'structure_parente',
  'date_maj',
  'services',
  'publics_specifiquement_adresses',
  'prise_en_charge_specifique',
  'frais_a_charge',
  'dispositif_programmes_nationaux',
  'formations_labels',
  'autres_formations_labels',
  'modalites_acces',
  'modalites_accompagnement',
  'fiche_acces_libre',
  'prise_rdv',
] as const;
export type NationalField = (typeof NATIONAL_FIELDS)[number];

/**
 * The columns a file cannot do without. The schema also requires `pivot`, but most published
 * files only hold its placeholder `00000000000000`: a file without the column reads the same.
 */
export const REQUIRED_FIELDS: readonly NationalField[] = [
  'id',
  'nom',
  'commune',
  'code_postal',
  'adresse',
  'date_maj',
];

/** Names from earlier versions of the schema, still found in published files. */
export const FORMER_FIELD_NAMES: Readonly<Record<string, NationalField>> = {
  courriel: 'courriels',
  labels_nationaux: 'dispositif_programmes_nationaux',
  labels_autres: 'autres_formations_labels',
  publics_accueillis: 'publics_specifiquement_adresses',
  conditions_acces: 'frais_a_charge',
  accessibilite: 'fiche_acces_libre',
  presentation_resumee: 'presentation_resume',
};

const CURRENT = new Set<string>(NATIONAL_FIELDS);

/** The current name of a column or JSON key, or `undefined` when the schema has no such field. */
export function nationalFieldOf(name: string): NationalField | undefined {
  const key = name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();
  return CURRENT.has(key) ? (key as NationalField) : FORMER_FIELD_NAMES[key];
}

/** Whether `name` is the field's current name rather than a former one. */
export function isCurrentName(name: string): boolean {
  return CURRENT.has(
    name
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
}

/**
 * The longest value read in each field, before any other check: generous for the field (a
 * description is a few pages), they keep a 1 MB cell from reaching the pattern checks, some of
 * which take cubic time on long malformed input.
 */
export const FIELD_MAX_LENGTH: Readonly<Record<NationalField, number>> = {
  id: 300,
  pivot: 30,
  nom: 200,
  commune: 100,
  code_postal: 10,
  code_insee: 10,
  adresse: 300,
  complement_adresse: 300,
  latitude: 30,
  longitude: 30,
  typologie: 1_000,
  telephone: 30,
  courriels: 3_000,
  site_web: 20_000,
  horaires: 500,
  presentation_resume: 500,
  presentation_detail: 5_000,
  source: 120,
  itinerance: 100,
  structure_parente: 300,
  date_maj: 30,
  services: 2_000,
  publics_specifiquement_adresses: 1_000,
  prise_en_charge_specifique: 1_000,
  frais_a_charge: 500,
  dispositif_programmes_nationaux: 2_000,
  formations_labels: 2_000,
  autres_formations_labels: 4_500,
  modalites_acces: 1_000,
  modalites_accompagnement: 500,
  fiche_acces_libre: 2_000,
  prise_rdv: 2_000,
};
