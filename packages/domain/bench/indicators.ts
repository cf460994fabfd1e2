import { type BenchRow, formatMs, measure } from '@maille/bench';
import type { TerritoryRef } from '../src/actors/territory.ts';
import type { MeasurementValue } from '../src/indicators/aggregation.ts';
import type { Indicator } from '../src/indicators/indicator.ts';
import type { Period } from '../src/indicators/period.ts';
import { periodsWithin } from '../src/indicators/periods.ts';
import {
  type RollupTerritory,
  rollUpTerritories,
  rollUpTerritoriesByPeriod,
} from '../src/indicators/rollup.ts';
import { DEPARTEMENT_CODES, REGION_CODES } from '../src/shared/codes.ts';

/**
 * Roll-up of a national data set: 1 250 EPCI spread over every département, 800 monthly values
 * each (1 000 000 measurements, one in fifty a correction), consolidated into départements and
 * régions. The data is built once, outside the measured functions.
 *
 * The first row is the heavy case: every one of the million measurements is consolidated (all
 * 800 months at once, `rollUpTerritoriesByPeriod`). The second is the everyday one: one month,
 * found among the million (`rollUpTerritories`).
 */

// The real régions of the départements (INSEE codes, 2016 map).
const REGION_OF_DEPARTEMENTS: Record<string, readonly string[]> = {
  '84': ['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74'],
  '27': ['21', '25', '39', '58', '70', '71', '89', '90'],
  '53': ['22', '29', '35', '56'],
  '24': ['18', '28', '36', '37', '41', '45'],
  '94': ['2A', '2B'],
  '44': ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88'],
  '32': ['02', '59', '60', '62', '80'],
  '11': ['75', '77', '78', '91', '92', '93', '94', '95'],
  '28': ['14', '27', '50', '61', '76'],
  '75': ['16', '17', '19', '23', '24', '33', '40', '47', '64', '79', '86', '87'],
  '76': ['09', '11', '12', '30', '31', '32', '34', '46', '48', '65', '66', '81', '82'],
  '52': ['44', '49', '53', '72', '85'],
  '93': ['04', '05', '06', '13', '83', '84'],
  '01': ['971'],
  '02': ['972'],
  '03': ['973'],
  '04': ['974'],
  '06': ['976'],
};

const EPCI_COUNT = 1_250;
const MONTHS_PER_EPCI = 800;

function regionOf(): Map<string, string> {
  const map = new Map<string, string>();
  for (const [region, departements] of Object.entries(REGION_OF_DEPARTEMENTS)) {
    if (!REGION_CODES.includes(region)) throw new Error(`unknown region ${region}`);
    for (const departement of departements) map.set(departement, region);
  }
  for (const departement of DEPARTEMENT_CODES) {
    if (!map.has(departement)) throw new Error(`no region for département ${departement}`);
  }
  return map;
}

function buildData(): {
  territories: RollupTerritory[];
  measurements: MeasurementValue[];
  months: Period[];
} {
  const regions = regionOf();
  const territories: RollupTerritory[] = [];
  for (let i = 0; i < EPCI_COUNT; i++) {
    const departement = DEPARTEMENT_CODES[i % DEPARTEMENT_CODES.length] ?? '17';
    const region = regions.get(departement) ?? '75';
    territories.push({
      level: 'epci',
      code: String(200_000_000 + i * 37),
      parents: [
        { level: 'departement', code: departement },
        { level: 'region', code: region },
      ],
    });
  }
  // 800 consecutive months ending in December 2025.
  const months = periodsWithin('1959', 'mensuelle').slice(4);
  for (let year = 1960; year <= 2025; year++)
    months.push(...periodsWithin(String(year), 'mensuelle'));
  if (months.length !== MONTHS_PER_EPCI)
    throw new Error(`expected 800 months, got ${months.length}`);

  const measurements: MeasurementValue[] = [];
  let seed = 42;
  for (const territory of territories) {
    const ref: TerritoryRef = { level: territory.level, code: territory.code };
    for (const period of months) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      measurements.push({
        indicatorId: 'ind_personnes01',
        territory: ref,
        period,
        value: seed % 500,
        status: seed % 7 === 0 ? 'provisoire' : 'valide',
        revision: 1,
      });
    }
  }
  // One value in fifty is a correction: it replaces the last one in place of a first revision,
  // so the data set stays at exactly one million measurements while revisions are exercised.
  for (let i = 49; i < measurements.length; i += 50) {
    const previous = measurements[i - 1];
    if (previous) measurements[i] = { ...previous, value: previous.value + 1, revision: 2 };
  }
  return { territories, measurements, months };
}

/** Measures the roll-up of indicators over territories; see the rows for what and how fast. */
export function benchIndicators(): BenchRow[] {
  const { territories, measurements, months } = buildData();
  const indicator: Pick<Indicator, 'id' | 'territoryRollup'> = {
    id: 'ind_personnes01',
    territoryRollup: 'somme',
  };
  const all = measure(() => rollUpTerritoriesByPeriod(indicator, measurements, territories), {
    runs: 5,
    warmup: 1,
  });
  const lastMonth = months[months.length - 1] ?? '2025-12';
  const one = measure(() => rollUpTerritories(indicator, measurements, territories, lastMonth));
  return [
    {
      what: 'Consolider 1 000 000 mesures de 1 250 EPCI en départements et régions',
      result: formatMs(all.medianMs),
      target: '< 1 s',
      met: all.medianMs < 1000,
    },
    {
      what: 'Consolider un mois parmi 1 000 000 mesures (1 250 EPCI)',
      result: formatMs(one.medianMs),
      target: '< 1 s',
      met: one.medianMs < 1000,
    },
  ];
}
