import type { OrganizationCategory, PlaceTypology } from '../../actors/organization.ts';

// The schema's typologies that say what kind of organization a place is. The others (an EPN, a
// mission locale, a fablab…) say what it does rather than who runs it, and leave it « autre ».
const CATEGORY_OF: Partial<Record<PlaceTypology, OrganizationCategory>> = {
  rfs: 'france_services',
  msap: 'france_services',
  asso: 'association',
  asso_chomeur: 'association',
  ccas: 'ccas',
  cias: 'ccas',
  muni: 'commune',
  cc: 'epci',
  epci: 'epci',
  cd: 'departement',
  dept: 'departement',
  reg: 'region',
  pref: 'prefecture',
  caf: 'caf',
  cpam: 'cpam',
  msa: 'msa',
  la_poste: 'la_poste',
  bib: 'mediatheque',
  relais_lecture: 'mediatheque',
  tiers_lieux: 'tiers_lieu',
  fabrique: 'tiers_lieu',
  cs: 'centre_social',
  csc: 'centre_social',
  evs: 'centre_social',
  ccons: 'etablissement_public',
  afpa: 'etablissement_public',
  ft: 'etablissement_public',
  cfp: 'etablissement_public',
};

/**
 * The category of a place from its typologies, the first that says one; « autre » otherwise.
 *
 * @example
 * categoryOfTypologies(['epn', 'muni']); // 'commune'
 */
export function categoryOfTypologies(typologies: readonly PlaceTypology[]): OrganizationCategory {
  for (const typology of typologies) {
    const category = CATEGORY_OF[typology];
    if (category !== undefined) return category;
  }
  return 'autre';
}
