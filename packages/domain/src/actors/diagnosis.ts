import { type CsvColumn, toCsv } from '../exchange/csv.ts';
import {
  type Freshness,
  freshness,
  type MediationService,
  mediationServiceLabels,
  type Public,
  publicLabels,
} from './organization.ts';

/*
 * The « diagnostic territorial » the préfectures' roadmaps must hold, for a governance's perimeter:
 * where the places of digital mediation are, who lives far from any, what they offer and to whom,
 * when they open, which travel, which records have aged. Pure: the caller passes the perimeter's
 * communes and the places located in them.
 */

/** A commune of the perimeter, as the official directory gives it. */
export interface DiagnosisCommune {
  code: string;
  name: string;
  population?: number | undefined;
}

/** A place of the perimeter: an organization offering digital mediation, located in a commune. */
export interface DiagnosisPlace {
  commune: string;
  services: readonly string[];
  publics: readonly string[];
  openingHours?: string | undefined;
  itinerance?: readonly string[] | undefined;
  sourceUpdatedAt?: string | undefined;
}

export interface DiagnosisCommuneRow extends DiagnosisCommune {
  places: number;
  saturday: number;
  evening: number;
  mobile: number;
  outdated: number;
}

export interface TerritorialDiagnosis {
  communes: {
    total: number;
    withPlace: number;
    withoutPlace: number;
    /** Inhabitants of the perimeter, and of its communes without any place. */
    population: number;
    populationWithoutPlace: number;
  };
  places: {
    total: number;
    byService: { service: MediationService; label: string; places: number }[];
    byPublic: { public: Public; label: string; places: number }[];
    /** Open on Saturdays, in the evening (after 18:00), travelling (itinérance). */
    saturday: number;
    evening: number;
    mobile: number;
    /** By freshness of their record: over 18 months since the source's update is « à actualiser ». */
    byFreshness: Record<Freshness, number>;
  };
  /** One row per commune, by name: what the CSV holds. */
  rows: DiagnosisCommuneRow[];
}

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

/** Whether an OpenStreetMap day selector (`Mo-Fr`, `Sa`, `Fr-Su`, `Mo,We,Sa`) includes Saturday. */
function includesSaturday(selector: string): boolean {
  return selector.split(',').some((part) => {
    const [from, to] = part.split('-') as [string, string | undefined];
    const start = DAYS.indexOf(from as (typeof DAYS)[number]);
    if (to === undefined) return from === 'Sa';
    const end = DAYS.indexOf(to as (typeof DAYS)[number]);
    if (start < 0 || end < 0) return false;
    return start <= end ? start <= 5 && 5 <= end : start <= 5 || 5 <= end;
  });
}

/**
 * When a place opens, read from its OpenStreetMap opening hours (`Mo-Fr 09:00-12:00; Sa
 * 09:00-12:00`): on Saturdays, and in the evening (a time range ending after 18:00). A rule
 * marked `off` or `closed` opens nothing.
 *
 * @example
 * openingOf('Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00'); // { saturday: true, evening: true }
 */
export function openingOf(hours: string | undefined): { saturday: boolean; evening: boolean } {
  let saturday = false;
  let evening = false;
  for (const rule of (hours ?? '').split(/;|\|\|/)) {
    const text = rule.trim();
    if (text === '' || /\b(off|closed)\b/i.test(text)) continue;
    const days = /^((?:Mo|Tu|We|Th|Fr|Sa|Su)(?:\s*[-,]\s*(?:Mo|Tu|We|Th|Fr|Sa|Su))*)/.exec(text);
    if (days && includesSaturday(days[1]?.replace(/\s/g, '') ?? '')) saturday = true;
    for (const range of text.matchAll(/(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})/g))
      if (Number(range[3]) * 60 + Number(range[4]) > 18 * 60) evening = true;
  }
  return { saturday, evening };
}

/**
 * The territorial diagnosis of a perimeter on `today` (ISO instant or date).
 *
 * @example
 * const diagnosis = territorialDiagnosis({ communes, places, today: '2026-12-06' });
 * diagnosis.communes.populationWithoutPlace; // 18 245
 */
export function territorialDiagnosis({
  communes,
  places,
  today,
}: {
  communes: readonly DiagnosisCommune[];
  places: readonly DiagnosisPlace[];
  today: string;
}): TerritorialDiagnosis {
  const now = today.length === 10 ? `${today}T12:00:00.000Z` : today;
  const rows = new Map<string, DiagnosisCommuneRow>(
    communes.map((c) => [
      c.code,
      { ...c, places: 0, saturday: 0, evening: 0, mobile: 0, outdated: 0 },
    ]),
  );
  const byService = new Map<string, number>();
  const byPublic = new Map<string, number>();
  const byFreshness: Record<Freshness, number> = {
    a_jour: 0,
    a_verifier: 0,
    a_actualiser: 0,
    inconnue: 0,
  };
  let total = 0;
  let saturday = 0;
  let evening = 0;
  let mobile = 0;
  for (const place of places) {
    const row = rows.get(place.commune);
    if (!row) continue;
    total += 1;
    row.places += 1;
    for (const service of new Set(place.services))
      byService.set(service, (byService.get(service) ?? 0) + 1);
    for (const audience of new Set(place.publics))
      byPublic.set(audience, (byPublic.get(audience) ?? 0) + 1);
    const opening = openingOf(place.openingHours);
    if (opening.saturday) {
      saturday += 1;
      row.saturday += 1;
    }
    if (opening.evening) {
      evening += 1;
      row.evening += 1;
    }
    if (place.itinerance?.includes('itinerant')) {
      mobile += 1;
      row.mobile += 1;
    }
    const fresh = freshness(
      place.sourceUpdatedAt === undefined ? {} : { sourceUpdatedAt: place.sourceUpdatedAt },
      now,
    );
    byFreshness[fresh] += 1;
    if (fresh === 'a_actualiser') row.outdated += 1;
  }
  const list = [...rows.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'fr') || (a.code < b.code ? -1 : 1),
  );
  const without = list.filter((r) => r.places === 0);
  const people = (rs: readonly DiagnosisCommuneRow[]) =>
    rs.reduce((sum, r) => sum + (r.population ?? 0), 0);
  return {
    communes: {
      total: list.length,
      withPlace: list.length - without.length,
      withoutPlace: without.length,
      population: people(list),
      populationWithoutPlace: people(without),
    },
    places: {
      total,
      byService: (Object.keys(mediationServiceLabels) as MediationService[]).map((service) => ({
        service,
        label: mediationServiceLabels[service],
        places: byService.get(service) ?? 0,
      })),
      byPublic: (Object.keys(publicLabels) as Public[]).map((audience) => ({
        public: audience,
        label: publicLabels[audience],
        places: byPublic.get(audience) ?? 0,
      })),
      saturday,
      evening,
      mobile,
      byFreshness,
    },
    rows: list,
  };
}

const DIAGNOSIS_COLUMNS: readonly CsvColumn<DiagnosisCommuneRow>[] = [
  { header: 'Code INSEE', cell: (r) => r.code },
  { header: 'Commune', cell: (r) => r.name },
  { header: 'Population', cell: (r) => r.population },
  { header: 'Lieux de médiation', cell: (r) => r.places },
  { header: 'Ouverts le samedi', cell: (r) => r.saturday },
  { header: 'Ouverts en soirée', cell: (r) => r.evening },
  { header: 'Itinérants', cell: (r) => r.mobile },
  { header: 'À actualiser (plus de 18 mois)', cell: (r) => r.outdated },
];

/** The diagnosis as a spreadsheet: one line per commune of the perimeter. */
export function diagnosisCsv(diagnosis: TerritorialDiagnosis): string {
  return toCsv(DIAGNOSIS_COLUMNS, diagnosis.rows);
}
