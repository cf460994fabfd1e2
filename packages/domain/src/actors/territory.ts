import { z } from 'zod';
import {
  departementOfCommune,
  isDepartementCode,
  isInseeCommuneCode,
  isRegionCode,
  isSiren,
  PostalCode,
} from '../shared/codes.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Name } from '../shared/text.ts';

export const territoryLevelLabels = {
  commune: 'Commune',
  epci: 'Intercommunalité (EPCI)',
  departement: 'Département',
  region: 'Région',
  pays: 'Pays',
} as const;
export const TerritoryLevel = enumOf(territoryLevelLabels);
export type TerritoryLevel = z.infer<typeof TerritoryLevel>;

/** Levels from the smallest to the largest: a territory's parents are of a larger level. */
export const TERRITORY_LEVELS_BY_SIZE: readonly TerritoryLevel[] = [
  'commune',
  'epci',
  'departement',
  'region',
  'pays',
];

const CODE_CHECKS: Record<TerritoryLevel, { test: (code: string) => boolean; message: string }> = {
  commune: {
    test: isInseeCommuneCode,
    message: 'Code INSEE de commune invalide (ex. 17300, 2A004, 97411).',
  },
  epci: { test: isSiren, message: 'SIREN d’EPCI invalide (9 chiffres avec clé de contrôle).' },
  departement: {
    test: isDepartementCode,
    message: 'Code de département invalide (ex. 17, 2A, 974).',
  },
  region: { test: isRegionCode, message: 'Code de région INSEE invalide (ex. 75).' },
  pays: { test: (code) => code === 'FR', message: 'Le seul pays connu est la France (FR).' },
};

/** Tells whether `code` is a valid code for a territory of `level`. */
export function isTerritoryCode(level: TerritoryLevel, code: string): boolean {
  return CODE_CHECKS[level].test(code);
}

/** A reference to a territory by its level and official code, as exports carry it. */
export const TerritoryRef = z
  .object({ level: TerritoryLevel, code: z.string().trim().min(1).max(14) })
  .superRefine((ref, ctx) => {
    const check = CODE_CHECKS[ref.level];
    if (!check.test(ref.code))
      ctx.addIssue({ code: 'custom', path: ['code'], message: check.message });
  });
export type TerritoryRef = z.infer<typeof TerritoryRef>;

function checkTerritory(
  territory: { level: TerritoryLevel; code: string; parents: TerritoryRef[] },
  ctx: z.RefinementCtx,
): void {
  const check = CODE_CHECKS[territory.level];
  if (!check.test(territory.code))
    ctx.addIssue({ code: 'custom', path: ['code'], message: check.message });
  const rank = TERRITORY_LEVELS_BY_SIZE.indexOf(territory.level);
  territory.parents.forEach((parent, index) => {
    if (
      territory.level === 'commune' &&
      parent.level === 'departement' &&
      check.test(territory.code) &&
      parent.code !== departementOfCommune(territory.code)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['parents', index, 'code'],
        message: `La commune ${territory.code} appartient au département ${departementOfCommune(territory.code)}.`,
      });
    }
    if (TERRITORY_LEVELS_BY_SIZE.indexOf(parent.level) <= rank) {
      ctx.addIssue({
        code: 'custom',
        path: ['parents', index, 'level'],
        message: 'Un territoire parent doit être d’un niveau plus large.',
      });
    }
  });
}

/** The fields of a territory that people set (no id, no timestamps); checked as a whole by `Territory`. */
export const TerritoryFields = z.object({
  level: TerritoryLevel,
  code: z.string().trim().min(1).max(14),
  name: Name,
  parents: z.array(TerritoryRef).max(10).default([]),
  /** Inhabitants (the official "population municipale" for a commune, the sum for an EPCI). */
  population: z.number().int().min(0).max(100_000_000).optional(),
  /** The postal codes serving a commune (a commune may have several, a code several communes). */
  postalCodes: z
    .array(PostalCode)
    .max(100)
    .default([])
    .transform((codes) => [...new Set(codes)]),
});

/** What a client sends to create a territory. */
export const TerritoryInput = TerritoryFields.superRefine(checkTerritory);
export type TerritoryInput = z.input<typeof TerritoryInput>;

/**
 * A commune, an EPCI, a département, a région or the country. `code` is the INSEE code (SIREN for
 * an EPCI); `parents` lists the larger territories it belongs to, which the roll-up of indicators
 * follows (a commune → its EPCI, its département, its région).
 */
export const Territory = TerritoryFields.extend({
  id: idOf('territory'),
  /** Listed by the official directory (or listed until `retiredIn`); absent for a hand-typed territory. */
  official: z.boolean().optional(),
  /**
   * The edition of the official directory that first no longer lists it (a commune merged into a
   * commune nouvelle): it is kept, so that what is attached to it is neither lost nor orphaned,
   * but it is no longer part of any perimeter.
   */
  retiredIn: z.string().trim().min(1).max(60).optional(),
})
  .extend(EntityMeta.shape)
  .superRefine(checkTerritory);
export type Territory = z.infer<typeof Territory>;

/**
 * The id of a territory of the official directory: its level and code, so that loading an edition
 * twice, or on two instances, gives the same ids (`ter_commune17300`, `ter_epci241700434`).
 */
export function directoryTerritoryId(ref: TerritoryRef): string {
  return `ter_${ref.level}${ref.code}`;
}

/** Whether a territory is still listed by the official directory (or was typed by hand). */
export function isCurrentTerritory(territory: Pick<Territory, 'retiredIn'>): boolean {
  return territory.retiredIn === undefined;
}
