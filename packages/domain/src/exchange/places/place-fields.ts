import type { OrganizationFields } from '../../actors/organization.ts';
import type { NationalField } from './national-fields.ts';

/**
 * Each field of an organization, the national field it comes from and goes to, and its name in
 * French, for the messages of the import and of a merge.
 */
export const PLACE_FIELDS: Readonly<
  Record<keyof OrganizationFields, { national?: NationalField; label: string }>
> = {
  name: { national: 'nom', label: 'Nom' },
  category: { national: 'typologie', label: 'Catégorie' },
  pivot: { national: 'pivot', label: 'SIRET, SIREN ou RNA' },
  territory: { label: 'Territoire' },
  address: { national: 'adresse', label: 'Adresse' },
  email: { national: 'courriels', label: 'Courriel' },
  phone: { national: 'telephone', label: 'Téléphone' },
  website: { national: 'site_web', label: 'Site web' },
  summary: { national: 'presentation_resume', label: 'Présentation résumée' },
  description: { national: 'presentation_detail', label: 'Présentation détaillée' },
  services: { national: 'services', label: 'Services' },
  publics: {
    national: 'publics_specifiquement_adresses',
    label: 'Publics spécifiquement adressés',
  },
  supportModes: { national: 'modalites_accompagnement', label: 'Modalités d’accompagnement' },
  fees: { national: 'frais_a_charge', label: 'Frais à charge' },
  nationalProgrammes: {
    national: 'dispositif_programmes_nationaux',
    label: 'Dispositifs et programmes nationaux',
  },
  openingHours: { national: 'horaires', label: 'Horaires' },
  source: { national: 'source', label: 'Source' },
  sourceUpdatedAt: { national: 'date_maj', label: 'Date de mise à jour' },
  nationalIds: { national: 'id', label: 'Identifiants nationaux' },
  typologies: { national: 'typologie', label: 'Typologies' },
  itinerance: { national: 'itinerance', label: 'Itinérance' },
  accessModes: { national: 'modalites_acces', label: 'Modalités d’accès' },
  specificSupports: { national: 'prise_en_charge_specifique', label: 'Prise en charge spécifique' },
  trainingLabels: { national: 'formations_labels', label: 'Formations et labels' },
  otherTrainingLabels: {
    national: 'autres_formations_labels',
    label: 'Autres formations et labels',
  },
  accessibilityUrl: { national: 'fiche_acces_libre', label: 'Fiche Accès libre' },
  appointmentUrl: { national: 'prise_rdv', label: 'Prise de rendez-vous' },
  parentStructure: { national: 'structure_parente', label: 'Structure parente' },
  otherEmails: { national: 'courriels', label: 'Autres courriels' },
  otherWebsites: { national: 'site_web', label: 'Autres sites web' },
};

// The parts of an address, each from its own national field.
const ADDRESS_FIELDS: Readonly<Record<string, NationalField>> = {
  street: 'adresse',
  complement: 'complement_adresse',
  postalCode: 'code_postal',
  city: 'commune',
  inseeCode: 'code_insee',
  latitude: 'latitude',
  longitude: 'longitude',
};

/** The national field a path of the organization's schema points to (`['address', 'city']` → `commune`). */
export function nationalFieldOfPath(path: readonly PropertyKey[]): string {
  const [key, inner] = path;
  if (key === 'address' && typeof inner === 'string' && ADDRESS_FIELDS[inner]) {
    return ADDRESS_FIELDS[inner];
  }
  return PLACE_FIELDS[key as keyof OrganizationFields]?.national ?? String(key);
}
