import {
  TERRITORY_LEVELS_BY_SIZE,
  type Territory,
  type TerritoryLevel,
  type TerritoryRef,
} from '../actors/territory.ts';
import type { MeasurementValue } from './aggregation.ts';
import { supersedes } from './aggregation.ts';
import type { Indicator } from './indicator.ts';
import type { Period } from './period.ts';

/**
 * Roll-up over territories: from the values of small territories (communes, EPCI) to the larger
 * ones that contain them (département, région, pays), for an indicator whose `territoryRollup`
 * is `somme` or `moyenne`.
 *
 * Built for volume (a million measurements in well under a second): one pass over the
 * measurements into one Map per level keyed by code, then one pass over the current values that
 * adds each into numbered slots of its parents. Nothing is allocated per measurement but the
 * result itself.
 */

/** What the roll-up reads of a territory: its level, code and the larger territories it belongs to. */
export type RollupTerritory = Pick<Territory, 'level' | 'code' | 'parents'>;

export const territoryValueSourceLabels = {
  mesure: 'Valeur saisie ou calculée pour ce territoire',
  consolidation: 'Consolidée à partir des territoires qu’il contient',
} as const;
export type TerritoryValueSource = keyof typeof territoryValueSourceLabels;

/** The value of an indicator on one territory for one period. */
export interface TerritoryValue {
  territory: TerritoryRef;
  value: number;
  /** How many measured territories make the value (1 for a measured territory). */
  parts: number;
  /** At least one value it is made of is still `provisoire`. */
  provisional: boolean;
  source: TerritoryValueSource;
}

interface ParentLink {
  /** The parent's slot in the accumulators of `ParentIndex`. */
  slot: number;
  code: string;
  rank: number;
}

/**
 * Each territory's parents, and one numbered slot per distinct parent: the roll-up adds into
 * typed arrays indexed by slot, so the hot loop builds no `level:code` key and looks nothing up
 * by string to add a value to a parent.
 */
interface ParentIndex {
  links: LevelMaps<ParentLink[]>;
  refs: TerritoryRef[];
}

/**
 * The current measurement of each territory for one period: one Map per level (indexed by the
 * level's rank), keyed by code. Keying by the code alone spares building a `level:code` string
 * for each of a million measurements, which was half the time of the roll-up.
 */
type LevelMaps<T> = (Map<string, T> | undefined)[];

const RANK: Record<TerritoryLevel, number> = Object.fromEntries(
  TERRITORY_LEVELS_BY_SIZE.map((level, rank) => [level, rank]),
) as Record<TerritoryLevel, number>;

/** Keeps `m` if it is the first or the latest revision seen for its territory. */
function keep(current: LevelMaps<MeasurementValue>, m: MeasurementValue): void {
  const rank = RANK[m.territory.level];
  let byCode = current[rank];
  if (!byCode) {
    byCode = new Map();
    current[rank] = byCode;
  }
  const held = byCode.get(m.territory.code);
  if (!held || supersedes(m, held)) byCode.set(m.territory.code, m);
}

/** Each territory's parents, smaller levels first; parents not larger than the child are ignored. */
function parentIndex(territories: readonly RollupTerritory[]): ParentIndex {
  const links: LevelMaps<ParentLink[]> = [];
  const refs: TerritoryRef[] = [];
  const slots = new Map<string, number>();
  for (const territory of territories) {
    const ownRank = RANK[territory.level];
    const own: ParentLink[] = [];
    for (const parent of territory.parents) {
      const rank = RANK[parent.level];
      if (rank <= ownRank) continue;
      const key = `${parent.level}:${parent.code}`;
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = refs.length;
        slots.set(key, slot);
        refs.push(parent);
      }
      if (!own.some((link) => link.slot === slot)) own.push({ slot, code: parent.code, rank });
    }
    own.sort((a, b) => a.rank - b.rank);
    let byCode = links[ownRank];
    if (!byCode) {
      byCode = new Map();
      links[ownRank] = byCode;
    }
    byCode.set(territory.code, own);
  }
  return { links, refs };
}

function rollUpOnePeriod(
  current: LevelMaps<MeasurementValue>,
  parents: ParentIndex,
  mode: Indicator['territoryRollup'],
): TerritoryValue[] {
  const values: TerritoryValue[] = [];
  const slotCount = parents.refs.length;
  const sums = new Float64Array(slotCount);
  const parts = new Uint32Array(slotCount);
  const provisionals = new Uint8Array(slotCount);
  // Slots in the order they are first reached, so the output order follows the input.
  const touched: number[] = [];
  for (let rank = 0; rank < current.length; rank++) {
    const byCode = current[rank];
    if (!byCode) continue;
    const linksByCode = parents.links[rank];
    for (const m of byCode.values()) {
      const provisional = m.status === 'provisoire';
      values.push({
        territory: m.territory,
        value: m.value,
        parts: 1,
        provisional,
        source: 'mesure',
      });
      if (mode === 'aucun') continue;
      const links = linksByCode?.get(m.territory.code);
      if (!links) continue;
      // A parent measured in its own right keeps its own value, and it already carries this
      // territory into the larger levels: adding this one again there would count it twice.
      let blockedAbove = Number.POSITIVE_INFINITY;
      for (const link of links) {
        if (link.rank > blockedAbove) break;
        if (current[link.rank]?.has(link.code)) {
          blockedAbove = link.rank;
          continue;
        }
        const slot = link.slot;
        if (parts[slot] === 0) touched.push(slot);
        sums[slot] = (sums[slot] ?? 0) + m.value;
        parts[slot] = (parts[slot] ?? 0) + 1;
        if (provisional) provisionals[slot] = 1;
      }
    }
  }
  for (const slot of touched) {
    const ref = parents.refs[slot];
    const sum = sums[slot] ?? 0;
    const count = parts[slot] ?? 0;
    if (!ref || count === 0) continue;
    values.push({
      territory: ref,
      value: mode === 'moyenne' ? sum / count : sum,
      parts: count,
      provisional: provisionals[slot] === 1,
      source: 'consolidation',
    });
  }
  return values;
}

/**
 * The values of an indicator for one period on the measured territories and on every larger
 * territory listed in their `parents`:
 * - `somme`: a parent's value is the sum of its parts (people helped in the département = the
 *   sum over its EPCI); `moyenne`: their unweighted mean; `aucun`: no roll-up, only the measured
 *   territories come back.
 * - Only the latest revision of each measurement counts.
 * - A territory measured in its own right keeps its value (the figure typed in by the one who
 *   knows it wins) and is not also counted from its parts; so nothing is counted twice when
 *   communes and their EPCI are both measured.
 * - A measured territory missing from `territories` has no known parents: it comes back alone.
 * - A territory listed under two parents of the same level (an EPCI over two départements)
 *   counts whole in each.
 *
 * Order: measured territories first, smaller levels first and then in order of first
 * appearance; then consolidated parents.
 *
 * @example
 * rollUpTerritories(indicator, measurements, epcis, '2024-05');
 * // [{ territory: { level: 'epci', code: '241700434' }, value: 120, parts: 1, source: 'mesure', … },
 * //  { territory: { level: 'departement', code: '17' }, value: 610, parts: 6, source: 'consolidation', … }, …]
 */
export function rollUpTerritories(
  indicator: Pick<Indicator, 'id' | 'territoryRollup'>,
  measurements: readonly MeasurementValue[],
  territories: readonly RollupTerritory[],
  period: Period,
): TerritoryValue[] {
  const current: LevelMaps<MeasurementValue> = [];
  for (const m of measurements) {
    if (m.period === period && m.indicatorId === indicator.id) keep(current, m);
  }
  return rollUpOnePeriod(current, parentIndex(territories), indicator.territoryRollup);
}

/**
 * The roll-up of `rollUpTerritories` for every period found in the measurements at once, in
 * one pass over them: for a dashboard's time series or a full export.
 *
 * @example
 * const series = rollUpTerritoriesByPeriod(indicator, measurements, epcis);
 * series.get('2024-05'); // the same list as rollUpTerritories(indicator, measurements, epcis, '2024-05')
 */
export function rollUpTerritoriesByPeriod(
  indicator: Pick<Indicator, 'id' | 'territoryRollup'>,
  measurements: readonly MeasurementValue[],
  territories: readonly RollupTerritory[],
): Map<Period, TerritoryValue[]> {
  const byPeriod = new Map<Period, LevelMaps<MeasurementValue>>();
  for (const m of measurements) {
    if (m.indicatorId !== indicator.id) continue;
    let current = byPeriod.get(m.period);
    if (!current) {
      current = [];
      byPeriod.set(m.period, current);
    }
    keep(current, m);
  }
  const parents = parentIndex(territories);
  const series = new Map<Period, TerritoryValue[]>();
  for (const [period, current] of byPeriod) {
    series.set(period, rollUpOnePeriod(current, parents, indicator.territoryRollup));
  }
  return series;
}
