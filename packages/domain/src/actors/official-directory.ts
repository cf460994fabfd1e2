import {
  isDepartementCode,
  isInseeCommuneCode,
  isPostalCode,
  isRegionCode,
  isSiren,
} from '../shared/codes.ts';
import { directoryTerritoryId, type TerritoryRef } from './territory.ts';

/*
 * The official directory of French territories as `@etalab/decoupage-administratif` publishes it
 * (INSEE's code officiel géographique, with the EPCI of the DGCL and La Poste's postal codes).
 * Only the fields Maille reads are typed; the app reads the package's files and hands them here.
 */

export interface OfficialCommune {
  code: string;
  nom: string;
  /** `commune-actuelle`; the others (déléguée, associée, arrondissement) are not communes of their own. */
  type: string;
  departement?: string;
  region?: string;
  codesPostaux?: readonly string[];
  population?: number;
}

export interface OfficialEpci {
  /** The EPCI's SIREN. */
  code: string;
  nom: string;
  populationMunicipale?: number;
  membres: readonly { code: string }[];
}

export interface OfficialDepartement {
  code: string;
  nom: string;
  region: string;
}

export interface OfficialRegion {
  code: string;
  nom: string;
}

export interface OfficialDirectory {
  communes: readonly OfficialCommune[];
  epci: readonly OfficialEpci[];
  departements: readonly OfficialDepartement[];
  regions: readonly OfficialRegion[];
}

/** A territory as the official directory describes it, with the id it is stored under. */
export interface DirectoryTerritory extends TerritoryRef {
  id: string;
  name: string;
  parents: TerritoryRef[];
  population?: number;
  postalCodes: string[];
}

const FRANCE: TerritoryRef = { level: 'pays', code: 'FR' };

/**
 * The territories of an edition of the official directory: France, its régions, départements,
 * EPCI and current communes, each with its parents (a commune → its EPCI, département, région
 * and France), population and postal codes. Entries whose code Maille does not know as French
 * (the overseas collectivities outside the départements) are left out.
 *
 * @example
 * const territories = directoryTerritories({ communes, epci, departements, regions });
 * territories.find((t) => t.code === '17300')?.parents; // CDA de La Rochelle, 17, 75, FR
 */
export function directoryTerritories(directory: OfficialDirectory): DirectoryTerritory[] {
  const make = (
    ref: TerritoryRef,
    name: string,
    parents: TerritoryRef[],
    extra: { population?: number | undefined; postalCodes?: readonly string[] } = {},
  ): DirectoryTerritory => ({
    id: directoryTerritoryId(ref),
    ...ref,
    name,
    parents,
    ...(extra.population === undefined ? {} : { population: extra.population }),
    postalCodes: [...new Set((extra.postalCodes ?? []).filter(isPostalCode))],
  });

  const regions = directory.regions.filter((r) => isRegionCode(r.code));
  const regionCodes = new Set(regions.map((r) => r.code));
  const departements = directory.departements.filter(
    (d) => isDepartementCode(d.code) && regionCodes.has(d.region),
  );
  const regionOf = new Map(departements.map((d) => [d.code, d.region]));
  const upward = (departement: string): TerritoryRef[] => [
    { level: 'departement', code: departement },
    { level: 'region', code: regionOf.get(departement) as string },
    FRANCE,
  ];

  const communes = directory.communes.filter(
    (c) =>
      c.type === 'commune-actuelle' &&
      isInseeCommuneCode(c.code) &&
      c.departement !== undefined &&
      regionOf.has(c.departement),
  );
  const communeCodes = new Set(communes.map((c) => c.code));
  const epciOf = new Map<string, string>();
  const epcis = directory.epci.filter((e) => isSiren(e.code));
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);
  const departementOf = new Map(communes.map((c) => [c.code, c.departement as string]));

  const territories: DirectoryTerritory[] = [make(FRANCE, 'France', [])];
  for (const r of regions)
    territories.push(make({ level: 'region', code: r.code }, r.nom, [FRANCE]));
  for (const d of departements)
    territories.push(make({ level: 'departement', code: d.code }, d.nom, upward(d.code).slice(1)));
  for (const epci of epcis) {
    // An EPCI may straddle départements: it belongs to each of its members' départements.
    const members = epci.membres.map((m) => m.code).filter((code) => communeCodes.has(code));
    const spanned = [...new Set(members.map((code) => departementOf.get(code) as string))].sort();
    const regionsSpanned = [...new Set(spanned.map((d) => regionOf.get(d) as string))].sort();
    const parents: TerritoryRef[] = [
      ...spanned.map((code) => ({ level: 'departement' as const, code })),
      ...regionsSpanned.map((code) => ({ level: 'region' as const, code })),
      FRANCE,
    ].slice(0, 10);
    territories.push(
      make({ level: 'epci', code: epci.code }, epci.nom, parents, {
        population: epci.populationMunicipale,
      }),
    );
  }
  for (const c of communes) {
    const epci = epciOf.get(c.code);
    const parents: TerritoryRef[] = [
      ...(epci === undefined ? [] : [{ level: 'epci' as const, code: epci }]),
      ...upward(c.departement as string),
    ];
    territories.push(
      make({ level: 'commune', code: c.code }, c.nom, parents, {
        population: c.population,
        postalCodes: c.codesPostaux ?? [],
      }),
    );
  }
  return territories;
}
