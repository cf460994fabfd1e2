import { z } from 'zod';
import { InseeCommuneCode, Pivot, PostalCode } from '../shared/codes.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Email, Name, Phone, ShortText, singleLine, Text, Url } from '../shared/text.ts';
import { Instant, IsoDate } from '../shared/time.ts';
import { TerritoryRef } from './territory.ts';

export const organizationCategoryLabels = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  prefecture: 'Préfecture',
  caf: 'CAF',
  cpam: 'CPAM',
  carsat: 'CARSAT',
  msa: 'MSA',
  la_poste: 'La Poste',
  france_services: 'France Services',
  association: 'Association',
  centre_social: 'Centre social',
  ccas: 'CCAS',
  mediatheque: 'Médiathèque',
  tiers_lieu: 'Tiers-lieu',
  entreprise: 'Entreprise',
  hub: 'Hub territorial',
  etablissement_public: 'Établissement public',
  autre: 'Autre',
} as const;
export const OrganizationCategory = enumOf(organizationCategoryLabels);
export type OrganizationCategory = z.infer<typeof OrganizationCategory>;

// The vocabularies below are those of the national schema "Lieux de médiation numérique"
// (v1.0.2). Codes are the labels in snake_case; the labels are the schema's own values, so an
// export can be read back by the national tools.

export const mediationServiceLabels = {
  aide_aux_demarches_administratives: 'Aide aux démarches administratives',
  maitrise_des_outils_numeriques_du_quotidien: 'Maîtrise des outils numériques du quotidien',
  insertion_professionnelle_via_le_numerique: 'Insertion professionnelle via le numérique',
  utilisation_securisee_du_numerique: 'Utilisation sécurisée du numérique',
  parentalite_et_education_avec_le_numerique: 'Parentalité et éducation avec le numérique',
  loisirs_et_creations_numeriques: 'Loisirs et créations numériques',
  comprehension_du_monde_numerique: 'Compréhension du monde numérique',
  acces_internet_et_materiel_informatique: 'Accès internet et matériel informatique',
  acquisition_de_materiel_informatique_a_prix_solidaire:
    'Acquisition de matériel informatique à prix solidaire',
} as const;
export const MediationService = enumOf(mediationServiceLabels);
export type MediationService = z.infer<typeof MediationService>;

export const publicLabels = {
  jeunes: 'Jeunes',
  etudiants: 'Étudiants',
  familles_enfants: 'Familles et/ou enfants',
  seniors: 'Seniors',
  femmes: 'Femmes',
} as const;
export const Public = enumOf(publicLabels);
export type Public = z.infer<typeof Public>;

export const supportModeLabels = {
  en_autonomie: 'En autonomie',
  accompagnement_individuel: 'Accompagnement individuel',
  dans_un_atelier_collectif: 'Dans un atelier collectif',
  a_distance: 'À distance',
} as const;
export const SupportMode = enumOf(supportModeLabels);
export type SupportMode = z.infer<typeof SupportMode>;

export const feeLabels = {
  gratuit: 'Gratuit',
  gratuit_sous_condition: 'Gratuit sous condition',
  payant: 'Payant',
} as const;
export const Fee = enumOf(feeLabels);
export type Fee = z.infer<typeof Fee>;

export const nationalProgrammeLabels = {
  aidants_connect: 'Aidants Connect',
  bibliotheques_numerique_de_reference: 'Bibliothèques numérique de référence',
  certification_pix: 'Certification PIX',
  conseillers_numeriques: 'Conseillers numériques',
  emmaus_connect: 'Emmaüs Connect',
  france_services: 'France Services',
  grande_ecole_du_numerique: 'Grande école du numérique',
  la_croix_rouge: 'La Croix Rouge',
  point_d_acces_numerique_caf: 'Point d’accès numérique CAF',
  promeneurs_du_net: 'Promeneurs du net',
  relais_numerique_emmaus_connect: 'Relais numérique (Emmaüs Connect)',
} as const;
export const NationalProgramme = enumOf(nationalProgrammeLabels);
export type NationalProgramme = z.infer<typeof NationalProgramme>;

export const Address = z.object({
  street: singleLine(300),
  complement: singleLine(300).optional(),
  postalCode: PostalCode,
  city: singleLine(100),
  inseeCode: InseeCommuneCode.optional(),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
});
export type Address = z.infer<typeof Address>;

/**
 * Opening hours in OpenStreetMap's `opening_hours` syntax (`Mo-Fr 09:00-12:00,14:00-17:00`), as
 * the national schema stores them. Only the character set and length are checked.
 */
export const OpeningHours = z
  .string()
  .trim()
  .max(500)
  .regex(
    /^[A-Za-z0-9 :;,\-+/"[\]|.]*$/,
    'Horaires au format OpenStreetMap attendus (ex. Mo-Fr 09:00-12:00).',
  );

const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .default([])
    .transform((list) => [...new Set(list)]);

/** The fields of an organization that people set. */
export const OrganizationFields = z.object({
  name: Name,
  category: OrganizationCategory,
  /** SIRET, SIREN or RNA. Absent when unknown: never a placeholder like `00000000000000`. */
  pivot: Pivot.optional(),
  territory: TerritoryRef.optional(),
  address: Address.optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  website: Url.optional(),
  summary: ShortText.optional(),
  description: Text.optional(),
  services: uniqueList(MediationService, 20),
  publics: uniqueList(Public, 10),
  supportModes: uniqueList(SupportMode, 10),
  fees: uniqueList(Fee, 5),
  nationalProgrammes: uniqueList(NationalProgramme, 20),
  openingHours: OpeningHours.optional(),
  /** Where the record comes from (`conseiller-numerique`, `import:charente-2023`…). */
  source: singleLine(120).optional(),
  /** When the source last updated it (`date_maj`): freshness of the actor map. */
  sourceUpdatedAt: IsoDate.optional(),
});
export type OrganizationInput = z.input<typeof OrganizationFields>;

/** Any actor of the territory: a commune, the CAF, an association, a France Services desk… */
export const Organization = OrganizationFields.extend({ id: idOf('organization') }).extend(
  EntityMeta.shape,
);
export type Organization = z.infer<typeof Organization>;

/** An organization offers digital mediation when it lists at least one mediation service. */
export function offersMediation(organization: Pick<Organization, 'services'>): boolean {
  return organization.services.length > 0;
}

export const freshnessLabels = {
  a_jour: 'À jour',
  a_verifier: 'À vérifier',
  a_actualiser: 'À actualiser',
  inconnue: 'Date de mise à jour inconnue',
} as const;
export type Freshness = keyof typeof freshnessLabels;

/**
 * How fresh an actor's record is, as the national tools judge it: over 12 months since the
 * source's update it is "à vérifier", over 18 months "à actualiser".
 */
export function freshness(
  organization: Pick<Organization, 'sourceUpdatedAt'>,
  now: string,
): Freshness {
  if (!organization.sourceUpdatedAt) return 'inconnue';
  const [y, m, d] = organization.sourceUpdatedAt.split('-').map(Number) as [number, number, number];
  const today = Instant.parse(now).slice(0, 10);
  const months =
    (Number(today.slice(0, 4)) - y) * 12 +
    (Number(today.slice(5, 7)) - m) -
    (Number(today.slice(8, 10)) < d ? 1 : 0);
  if (months >= 18) return 'a_actualiser';
  if (months >= 12) return 'a_verifier';
  return 'a_jour';
}
