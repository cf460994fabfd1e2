import {
  DispositifProgrammeNational,
  FormationLabel,
  Frais,
  ModaliteAcces,
  ModaliteAccompagnement,
  Itinerance as NationalItinerance,
  PriseEnChargeSpecifique,
  PublicSpecifiquementAdresse,
  Service,
  Typologie,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import {
  type AccessMode,
  type Fee,
  type Itinerance,
  type MediationService,
  type NationalProgramme,
  type PlaceTypology,
  type Public,
  placeTypologyLabels,
  type SpecificSupport,
  type SupportMode,
  type TrainingLabel,
} from '../../actors/organization.ts';
import { searchKey } from '../../shared/search.ts';
import type { NationalField } from './national-fields.ts';

/**
 * The kernel's codes and the values the national schema writes, taken from the national agency's
 * own model (`@gouvfr-anct/lieux-de-mediation-numerique`): a `Record` over the kernel's codes, so
 * a code without its national value does not compile.
 */

/** The organization fields that hold a list of codes from a national vocabulary. */
export type VocabularyKey =
  | 'services'
  | 'publics'
  | 'specificSupports'
  | 'fees'
  | 'itinerance'
  | 'nationalProgrammes'
  | 'trainingLabels'
  | 'accessModes'
  | 'supportModes'
  | 'typologies';

interface Vocabulary<C extends string> {
  key: VocabularyKey;
  field: NationalField;
  values: Readonly<Record<C, string>>;
}

const vocabulary = <C extends string>(
  key: VocabularyKey,
  field: NationalField,
  values: Record<C, string>,
): Vocabulary<C> => ({ key, field, values });

const TYPOLOGIES = Object.fromEntries(
  Object.values(Typologie).map((value) => [value.toLowerCase(), value]),
) as Record<PlaceTypology, string>;

/** Every list field of the schema with a vocabulary, in the schema's order. */
export const NATIONAL_VOCABULARIES = [
  vocabulary('typologies', 'typologie', TYPOLOGIES),
  vocabulary<Itinerance>('itinerance', 'itinerance', {
    itinerant: NationalItinerance.Itinerant,
    fixe: NationalItinerance.Fixe,
  }),
  vocabulary<MediationService>('services', 'services', {
    aide_aux_demarches_administratives: Service.AideAuxDemarchesAdministratives,
    maitrise_des_outils_numeriques_du_quotidien: Service.MaitriseDesOutilsNumeriquesDuQuotidien,
    insertion_professionnelle_via_le_numerique: Service.InsertionProfessionnelleViaLeNumerique,
    utilisation_securisee_du_numerique: Service.UtilisationSecuriseeDuNumerique,
    parentalite_et_education_avec_le_numerique: Service.ParentaliteEtEducationAvecLeNumerique,
    loisirs_et_creations_numeriques: Service.LoisirsEtCreationsNumeriques,
    comprehension_du_monde_numerique: Service.ComprehensionDuMondeNumerique,
    acces_internet_et_materiel_informatique: Service.AccesInternetEtMaterielInformatique,
    acquisition_de_materiel_informatique_a_prix_solidaire:
      Service.MaterielInformatiqueAPrixSolidaire,
  }),
  vocabulary<Public>('publics', 'publics_specifiquement_adresses', {
    jeunes: PublicSpecifiquementAdresse.Jeunes,
    etudiants: PublicSpecifiquementAdresse.Etudiants,
    familles_enfants: PublicSpecifiquementAdresse.FamillesEnfants,
    seniors: PublicSpecifiquementAdresse.Seniors,
    femmes: PublicSpecifiquementAdresse.Femmes,
  }),
  vocabulary<SpecificSupport>('specificSupports', 'prise_en_charge_specifique', {
    surdite: PriseEnChargeSpecifique.Surdite,
    handicaps_moteurs: PriseEnChargeSpecifique.HandicapsMoteurs,
    handicaps_mentaux: PriseEnChargeSpecifique.HandicapsMentaux,
    illettrisme: PriseEnChargeSpecifique.Illettrisme,
    langues_etrangeres_anglais: PriseEnChargeSpecifique.LanguesEtrangeresAnglais,
    langues_etrangeres_autres: PriseEnChargeSpecifique.LanguesEtrangeresAutre,
    deficience_visuelle: PriseEnChargeSpecifique.DeficienceVisuelle,
  }),
  vocabulary<Fee>('fees', 'frais_a_charge', {
    gratuit: Frais.Gratuit,
    gratuit_sous_condition: Frais.GratuitSousCondition,
    payant: Frais.Payant,
  }),
  vocabulary<NationalProgramme>('nationalProgrammes', 'dispositif_programmes_nationaux', {
    aidants_connect: DispositifProgrammeNational.AidantsConnect,
    bibliotheques_numerique_de_reference:
      DispositifProgrammeNational.BibliothequesNumeriqueDeReference,
    certification_pix: DispositifProgrammeNational.CertificationPIX,
    conseillers_numeriques: DispositifProgrammeNational.ConseillersNumeriques,
    emmaus_connect: DispositifProgrammeNational.EmmausConnect,
    france_services: DispositifProgrammeNational.FranceServices,
    grande_ecole_du_numerique: DispositifProgrammeNational.GrandeEcoleDuNumerique,
    la_croix_rouge: DispositifProgrammeNational.LaCroixRouge,
    point_d_acces_numerique_caf: DispositifProgrammeNational.PointNumeriqueCAF,
    promeneurs_du_net: DispositifProgrammeNational.PromeneursDuNet,
    relais_numerique_emmaus_connect: DispositifProgrammeNational.RelaisNumeriqueEmmausConnect,
  }),
  vocabulary<TrainingLabel>('trainingLabels', 'formations_labels', {
    forme_a_mon_espace_sante: FormationLabel.FormeAMonEspaceSante,
    forme_a_duplex_illettrisme: FormationLabel.FormeADuplex,
    arnia_mednum_bfc_bourgogne_franche_comte: FormationLabel.ArniaMednum,
    collectif_ressources_et_acteurs_reemploi_normandie:
      FormationLabel.CollectifRessourcesEtActeursReemploi,
    etapes_numeriques_la_poste: FormationLabel.EtapesNumeriques,
    fabriques_de_territoire: FormationLabel.FabriquesDeTerritoire,
    les_eclaireurs_du_numerique_drome: FormationLabel.LesEclaireurs,
    mes_papiers_metropole_de_lyon: FormationLabel.MesPapiers,
    ordi_3_0: FormationLabel.Ordi3,
    sud_labs_paca: FormationLabel.SudLabs,
  }),
  vocabulary<AccessMode>('accessModes', 'modalites_acces', {
    se_presenter: ModaliteAcces.SePresenter,
    telephoner: ModaliteAcces.Telephoner,
    contacter_par_mail: ModaliteAcces.ContacterParMail,
    envoyer_un_mail_avec_une_fiche_de_prescription: ModaliteAcces.PrescriptionParMail,
    prendre_un_rdv_en_ligne: ModaliteAcces.PrendreRdvEnLigne,
    ce_lieu_n_accueille_pas_de_public: ModaliteAcces.PasDePublic,
  }),
  vocabulary<SupportMode>('supportModes', 'modalites_accompagnement', {
    en_autonomie: ModaliteAccompagnement.EnAutonomie,
    accompagnement_individuel: ModaliteAccompagnement.AccompagnementIndividuel,
    dans_un_atelier_collectif: ModaliteAccompagnement.DansUnAtelier,
    a_distance: ModaliteAccompagnement.ADistance,
  }),
] as const;

// The schema 1.0.2 file spells one label without its space (`Étapes numériques(La Poste)`) where
// the agency's model has one: an export follows the schema, whose pattern checks it.
const SCHEMA_SPELLINGS: Readonly<Record<string, string>> = {
  [FormationLabel.EtapesNumeriques]: 'Étapes numériques(La Poste)',
};

/** The value the national schema writes for a kernel code. */
export function nationalValueOf(vocabularyKey: VocabularyKey, code: string): string {
  const value = vocabularyOf(vocabularyKey).values[code as never] as string;
  return SCHEMA_SPELLINGS[value] ?? value;
}

/** The value the agency's model expects for a kernel code (what its checks accept). */
export function modelValueOf(vocabularyKey: VocabularyKey, code: string): string {
  return vocabularyOf(vocabularyKey).values[code as never] as string;
}

/** Where a value of an older file goes, in the current schema. */
export interface Translation {
  key: VocabularyKey | 'otherTrainingLabels' | 'dropped';
  code?: string;
}

// Values of earlier versions of the schema (`CNFS`, `Jeunes (16-26 ans)`…) and where they go now.
// A value with no equivalent is dropped, and the importer says so; a value absent from here and
// from the current vocabularies is left for the agency's model to reject.
const FORMER_VALUES: Partial<Record<VocabularyKey, Readonly<Record<string, Translation>>>> = {
  nationalProgrammes: {
    cnfs: { key: 'nationalProgrammes', code: 'conseillers_numeriques' },
    'conseiller numerique': { key: 'nationalProgrammes', code: 'conseillers_numeriques' },
    'point numerique caf': { key: 'nationalProgrammes', code: 'point_d_acces_numerique_caf' },
    pix: { key: 'nationalProgrammes', code: 'certification_pix' },
    'fabriques de territoire': { key: 'trainingLabels', code: 'fabriques_de_territoire' },
    sudlabs: { key: 'trainingLabels', code: 'sud_labs_paca' },
    'sud labs': { key: 'trainingLabels', code: 'sud_labs_paca' },
    aptic: { key: 'otherTrainingLabels' },
    'campus connecte': { key: 'otherTrainingLabels' },
    'french tech tremplin': { key: 'otherTrainingLabels' },
    'mission societe numerique': { key: 'otherTrainingLabels' },
    'relais pass numerique': { key: 'otherTrainingLabels' },
  },
  publics: {
    'jeunes 16 26 ans': { key: 'publics', code: 'jeunes' },
    'familles enfants': { key: 'publics', code: 'familles_enfants' },
    'seniors 65 ans': { key: 'publics', code: 'seniors' },
    'uniquement femmes': { key: 'publics', code: 'femmes' },
    surdite: { key: 'specificSupports', code: 'surdite' },
    'deficience visuelle': { key: 'specificSupports', code: 'deficience_visuelle' },
    illettrisme: { key: 'specificSupports', code: 'illettrisme' },
    'personnes en situation d illettrisme': { key: 'specificSupports', code: 'illettrisme' },
    'handicaps moteurs': { key: 'specificSupports', code: 'handicaps_moteurs' },
    'handicaps mentaux': { key: 'specificSupports', code: 'handicaps_mentaux' },
    adultes: { key: 'dropped' },
    'tout public': { key: 'dropped' },
    'personnes en situation de handicap': { key: 'dropped' },
  },
  fees: {
    'accepte le pass numerique': { key: 'dropped' },
  },
  // Files that write a kind of place in words rather than the national code.
  typologies: {
    'france services': { key: 'typologies', code: 'rfs' },
    media: { key: 'typologies', code: 'bib' },
    mediatheque: { key: 'typologies', code: 'bib' },
    bibliotheque: { key: 'typologies', code: 'bib' },
    mairie: { key: 'typologies', code: 'muni' },
    commune: { key: 'typologies', code: 'muni' },
    'tiers lieu': { key: 'typologies', code: 'tiers_lieux' },
  },
};

const byKey = new Map(NATIONAL_VOCABULARIES.map((v) => [v.key, v as Vocabulary<string>]));

function vocabularyOf(key: VocabularyKey): Vocabulary<string> {
  return byKey.get(key) as Vocabulary<string>;
}

// Case, accents and punctuation aside (`gratuit`, `Point d’accès numérique CAF` with a curly
// apostrophe, the schema's `Étapes numériques(La Poste)`), a value names one code.
// A typology is also known by its label (`Association`, `Centre social`).
const codesByKey = new Map(
  NATIONAL_VOCABULARIES.map((v) => [
    v.key,
    new Map<string, string>([
      ...(v.key === 'typologies'
        ? Object.entries(placeTypologyLabels).map(([code, label]): [string, string] => [
            searchKey(label),
            code,
          ])
        : []),
      ...Object.entries(v.values).map(([code, value]): [string, string] => [
        searchKey(value as string),
        code,
      ]),
    ]),
  ]),
);

/**
 * Where a written value of a list field goes: its code in the field's vocabulary, a code in
 * another field for a value of an older version, or `undefined` when nothing knows it.
 *
 * @example
 * translateValue('nationalProgrammes', 'CNFS'); // { key: 'nationalProgrammes', code: 'conseillers_numeriques' }
 */
export function translateValue(key: VocabularyKey, written: string): Translation | undefined {
  const folded = searchKey(written);
  const code = codesByKey.get(key)?.get(folded);
  if (code !== undefined) return { key, code };
  return FORMER_VALUES[key]?.[folded];
}
