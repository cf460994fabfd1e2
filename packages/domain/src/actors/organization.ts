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

export const itineranceLabels = {
  itinerant: 'Itinérant',
  fixe: 'Fixe',
} as const;
export const Itinerance = enumOf(itineranceLabels);
export type Itinerance = z.infer<typeof Itinerance>;

/** How a person gets in (`modalites_acces`). */
export const accessModeLabels = {
  se_presenter: 'Se présenter',
  telephoner: 'Téléphoner',
  contacter_par_mail: 'Contacter par mail',
  envoyer_un_mail_avec_une_fiche_de_prescription: 'Envoyer un mail avec une fiche de prescription',
  prendre_un_rdv_en_ligne: 'Prendre un RDV en ligne',
  ce_lieu_n_accueille_pas_de_public: 'Ce lieu n’accueille pas de public',
} as const;
export const AccessMode = enumOf(accessModeLabels);
export type AccessMode = z.infer<typeof AccessMode>;

/** The people a place is equipped to support (`prise_en_charge_specifique`). */
export const specificSupportLabels = {
  surdite: 'Surdité',
  handicaps_moteurs: 'Handicaps moteurs',
  handicaps_mentaux: 'Handicaps mentaux',
  illettrisme: 'Illettrisme',
  langues_etrangeres_anglais: 'Langues étrangères (anglais)',
  langues_etrangeres_autres: 'Langues étrangères (autres)',
  deficience_visuelle: 'Déficience visuelle',
} as const;
export const SpecificSupport = enumOf(specificSupportLabels);
export type SpecificSupport = z.infer<typeof SpecificSupport>;

/** Trainings its mediators followed and quality labels it holds (`formations_labels`). */
export const trainingLabelLabels = {
  forme_a_mon_espace_sante: 'Formé à « Mon Espace Santé »',
  forme_a_duplex_illettrisme: 'Formé à « DUPLEX » (illettrisme)',
  arnia_mednum_bfc_bourgogne_franche_comte: 'Arnia/MedNum BFC (Bourgogne-Franche-Comté)',
  collectif_ressources_et_acteurs_reemploi_normandie:
    'Collectif ressources et acteurs réemploi (Normandie)',
  etapes_numeriques_la_poste: 'Étapes numériques (La Poste)',
  fabriques_de_territoire: 'Fabriques de Territoire',
  les_eclaireurs_du_numerique_drome: 'Les Éclaireurs du numérique (Drôme)',
  mes_papiers_metropole_de_lyon: 'Mes Papiers (Métropole de Lyon)',
  ordi_3_0: 'ORDI 3.0',
  sud_labs_paca: 'SUD LABS (PACA)',
} as const;
export const TrainingLabel = enumOf(trainingLabelLabels);
export type TrainingLabel = z.infer<typeof TrainingLabel>;

// The schema's typologies are already codes (`RFS`, `TIERS_LIEUX`, `Autre`): stored in lower
// case. The labels are those the national map shows, spelled out.
export const placeTypologyLabels = {
  aci: 'Structure porteuse d’ateliers et chantiers d’insertion',
  aciphc: 'Atelier chantier d’insertion premières heures en chantier',
  afpa: 'Agence nationale pour la formation professionnelle des adultes (AFPA)',
  ai: 'Association intermédiaire',
  ase: 'Aide sociale à l’enfance',
  asso: 'Association',
  asso_chomeur: 'Association de chômeurs',
  autre: 'Autre',
  avip: 'Crèche à vocation d’insertion professionnelle',
  bib: 'Bibliothèque, médiathèque',
  caarud: 'Centre d’accueil et d’accompagnement à la réduction des risques pour usagers de drogues',
  cada: 'Centre d’accueil de demandeurs d’asile',
  caf: 'Caisse d’allocations familiales',
  cap_emploi: 'Cap emploi',
  cava: 'Centre d’adaptation à la vie active',
  cc: 'Communauté de communes',
  ccas: 'Centre communal d’action sociale',
  ccons: 'Chambre consulaire (CCI, CMA, chambre d’agriculture)',
  cd: 'Conseil départemental',
  cdas: 'Centre départemental d’action sociale',
  cfp: 'Centre des finances publiques',
  chrs: 'Centre d’hébergement et de réinsertion sociale',
  chu: 'Centre d’hébergement d’urgence',
  cias: 'Centre intercommunal d’action sociale',
  cidff: 'Centre d’information sur les droits des femmes et des familles',
  citmet: 'Cité des métiers',
  cmp: 'Centre médico-psychologique',
  cms: 'Centre médico-social',
  cpam: 'Caisse primaire d’assurance maladie',
  cph: 'Centre provisoire d’hébergement',
  cs: 'Centre social',
  csapa: 'Centre de soins, d’accompagnement et de prévention en addictologie',
  csc: 'Centre socioculturel',
  deets: 'Direction de l’économie, de l’emploi, du travail et des solidarités',
  dept: 'Services sociaux du conseil départemental',
  diplp: 'Délégation interministérielle à la prévention et à la lutte contre la pauvreté',
  e2c: 'École de la deuxième chance',
  ea: 'Entreprise adaptée',
  eatt: 'Entreprise adaptée de travail temporaire',
  ei: 'Entreprise d’insertion',
  eiti: 'Entreprise d’insertion par le travail indépendant',
  enm: 'Espace numérique mobile',
  epci: 'Intercommunalité',
  epi: 'Espace public internet',
  epide: 'Établissement pour l’insertion dans l’emploi',
  epn: 'Espace public numérique',
  es: 'Épicerie solidaire',
  esat: 'Établissement ou service d’aide par le travail',
  ess: 'Entreprise de l’économie sociale et solidaire',
  etti: 'Entreprise de travail temporaire d’insertion',
  evs: 'Espace de vie sociale',
  fablab: 'Fablab',
  fabrique: 'Fabrique de territoire',
  fais: 'Fédération d’acteurs de l’insertion et de la solidarité',
  ft: 'France Travail',
  geiq: 'Groupement d’employeurs pour l’insertion et la qualification',
  huda: 'Hébergement d’urgence pour demandeurs d’asile',
  la_poste: 'La Poste',
  mde: 'Maison de l’emploi',
  mdh: 'Maison des habitants',
  mdef: 'Maison de l’emploi et de la formation',
  mdph: 'Maison départementale des personnes handicapées',
  mds: 'Maison départementale des solidarités',
  mjc: 'Maison des jeunes et de la culture',
  ml: 'Mission locale',
  mq: 'Maison de quartier',
  msa: 'Mutualité sociale agricole',
  msap: 'Maison de services au public',
  muni: 'Municipalité',
  oacas: 'Organisme d’accueil communautaire et d’activités solidaires',
  odc: 'Organisation délégataire d’un conseil départemental',
  of: 'Organisme de formation',
  oil: 'Opérateur d’intermédiation locative',
  opcs: 'Organisation porteuse de la clause sociale',
  pad: 'Point d’accès au droit',
  pension: 'Pension de famille, résidence accueil',
  pi: 'Point info',
  pij_bij: 'Point ou bureau information jeunesse',
  pimms: 'Point information médiation multi-services',
  pjj: 'Protection judiciaire de la jeunesse',
  plie: 'Plan local pour l’insertion et l’emploi',
  pref: 'Préfecture, sous-préfecture',
  prevention: 'Service ou club de prévention',
  reg: 'Région',
  relais_lecture: 'Relais lecture',
  ressourcerie: 'Ressourcerie',
  rfs: 'Réseau France Services',
  rs_fjt: 'Résidence sociale, foyer de jeunes travailleurs',
  scp: 'Services et clubs de prévention',
  spip: 'Service pénitentiaire d’insertion et de probation',
  tiers_lieux: 'Tiers-lieu, coworking',
  udaf: 'Union départementale des associations familiales',
} as const;
export const PlaceTypology = enumOf(placeTypologyLabels);
export type PlaceTypology = z.infer<typeof PlaceTypology>;

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
  // What the national file carries beyond the above, so that a place read from it and exported
  // again loses nothing. All optional or empty by default: organizations stored before still parse.
  /** The national record ids (`id`) it was published under; a merge of two places keeps both. */
  nationalIds: uniqueList(singleLine(300), 20),
  /** The schema's `typologie`, e.g. `rfs` (Réseau France Services); `category` is inferred from it. */
  typologies: uniqueList(PlaceTypology, 20),
  itinerance: uniqueList(Itinerance, 2),
  accessModes: uniqueList(AccessMode, 10),
  specificSupports: uniqueList(SpecificSupport, 10),
  trainingLabels: uniqueList(TrainingLabel, 20),
  /** Trainings and labels outside the national list (`autres_formations_labels`). */
  otherTrainingLabels: uniqueList(singleLine(200), 20),
  /** Its page on Accès libre, the national accessibility register (`fiche_acces_libre`). */
  accessibilityUrl: Url.optional(),
  /** Where to book an appointment online (`prise_rdv`). */
  appointmentUrl: Url.optional(),
  /** The structure it depends on, as the file names it (`structure_parente`). */
  parentStructure: singleLine(300).optional(),
  /** Addresses beyond `email`, which stays the first. */
  otherEmails: uniqueList(Email, 10),
  /** Websites beyond `website`, which stays the first. */
  otherWebsites: uniqueList(Url, 10),
});
export type OrganizationFields = z.infer<typeof OrganizationFields>;
export type OrganizationInput = z.input<typeof OrganizationFields>;

/** Any actor of the territory: a commune, the CAF, an association, a France Services desk… */
export const Organization = OrganizationFields.extend({
  id: idOf('organization'),
  /** Set when this record was merged into another one (a place published twice): it is kept, not shown. */
  mergedInto: idOf('organization').optional(),
}).extend(EntityMeta.shape);
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
