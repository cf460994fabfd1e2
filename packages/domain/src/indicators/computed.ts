import { type Organization, offersMediation } from '../actors/organization.ts';
import type { Territory } from '../actors/territory.ts';
import type { Governance } from '../governance/governance.ts';
import type { Meeting } from '../governance/meeting.ts';
import type { Person, PersonFunction } from '../people/person.ts';
import type { Action, ActionStatus } from '../roadmap/action.ts';
import { type FundingLine, SECURED_FUNDING_STATUSES } from '../roadmap/funding-line.ts';
import { localDate } from '../shared/time.ts';
import type { ComputedRule } from './indicator.ts';
import { firstDay, lastDay } from './periods.ts';

/**
 * Indicators computed from the governance's own data, one function per `ComputedRule`.
 *
 * Counts are taken as they stand at the end of the period (its last day, in the governance's
 * time zone): an actor recorded in March 2025 is not in the 2024 figure, and an action sheet
 * done in 2025 does not raise the 2024 completion rate. Only what the data keeps can be
 * replayed: a deleted organization is gone from past figures too, and a person's functions are
 * read as they are today. Erased persons never count.
 *
 * Scoping is the caller's job: it passes the governance's actor map, members, meetings, action
 * sheets and funding lines, and the communes of the governance's territory.
 */

export type ComputationOrganization = Pick<
  Organization,
  'createdAt' | 'services' | 'territory' | 'address'
>;
export type ComputationPerson = Pick<Person, 'createdAt' | 'functions' | 'erasedAt'>;
export type ComputationCommune = Pick<Territory, 'level' | 'code'>;
export type ComputationMeeting = Pick<Meeting, 'status' | 'startsAt'>;
export type ComputationAction = Pick<
  Action,
  'createdAt' | 'status' | 'statusHistory' | 'kind' | 'promotedAt'
>;
export type ComputationFundingLine = Pick<
  FundingLine,
  'createdAt' | 'status' | 'amountCents' | 'decidedOn'
>;

/** Everything the computed indicators read, for one governance. */
export interface ComputationData {
  governance: Pick<Governance, 'timeZone'>;
  /** The governance's actor map. */
  organizations: readonly ComputationOrganization[];
  /** The governance's members. */
  persons: readonly ComputationPerson[];
  /** The communes of the governance's territory (the denominator of `communes_couvertes`). */
  communes: readonly ComputationCommune[];
  /** Meetings of the governance's bodies. */
  meetings: readonly ComputationMeeting[];
  /** Action sheets of the governance's roadmap(s). */
  actions: readonly ComputationAction[];
  /** Funding lines of those action sheets. */
  fundingLines: readonly ComputationFundingLine[];
}

const MEDIATOR_FUNCTIONS: readonly PersonFunction[] = [
  'conseiller_numerique',
  'mediateur_numerique',
];
const HELPER_FUNCTIONS: readonly PersonFunction[] = ['aidant_numerique', 'aidant_connect'];

/** Whether an entity created at `createdAt` already existed on `day` in the time zone. */
function existsOn(createdAt: string, day: string, timeZone: string): boolean {
  return localDate(createdAt, timeZone) <= day;
}

/**
 * `acteurs_recenses`: organizations of the actor map recorded by the end of the period.
 *
 * @example
 * countRecordedActors(data, '2024'); // 37
 */
export function countRecordedActors(
  data: Pick<ComputationData, 'governance' | 'organizations'>,
  period: string,
): number {
  const end = lastDay(period);
  return data.organizations.filter((o) => existsOn(o.createdAt, end, data.governance.timeZone))
    .length;
}

/**
 * `lieux_mediation`: organizations that offer at least one digital-mediation service, recorded
 * by the end of the period.
 *
 * @example
 * countMediationPlaces(data, '2024-S1'); // 12
 */
export function countMediationPlaces(
  data: Pick<ComputationData, 'governance' | 'organizations'>,
  period: string,
): number {
  const end = lastDay(period);
  return data.organizations.filter(
    (o) => offersMediation(o) && existsOn(o.createdAt, end, data.governance.timeZone),
  ).length;
}

function countPersonsWith(
  data: Pick<ComputationData, 'governance' | 'persons'>,
  period: string,
  functions: readonly PersonFunction[],
): number {
  const end = lastDay(period);
  return data.persons.filter(
    (p) =>
      p.erasedAt === undefined &&
      p.functions.some((f) => functions.includes(f)) &&
      existsOn(p.createdAt, end, data.governance.timeZone),
  ).length;
}

/**
 * `mediateurs`: members who are conseillers or médiateurs numériques (each counted once),
 * erased members left out.
 *
 * @example
 * countMediators(data, '2024-T2'); // 8
 */
export function countMediators(
  data: Pick<ComputationData, 'governance' | 'persons'>,
  period: string,
): number {
  return countPersonsWith(data, period, MEDIATOR_FUNCTIONS);
}

/**
 * `aidants`: members who are aidants numériques, habilités Aidants Connect or not (each counted
 * once), erased members left out.
 *
 * @example
 * countDigitalHelpers(data, '2024-T2'); // 15
 */
export function countDigitalHelpers(
  data: Pick<ComputationData, 'governance' | 'persons'>,
  period: string,
): number {
  return countPersonsWith(data, period, HELPER_FUNCTIONS);
}

/**
 * `communes_couvertes`: the percentage (0–100) of the territory's communes with at least one
 * organization offering digital mediation, located by its territory (a commune) or its
 * address's INSEE code. `null` when no commune is given: a share of nothing is not 0 %.
 *
 * @example
 * communeCoverageRate(data, '2024'); // 62.5 (5 communes covered out of 8)
 */
export function communeCoverageRate(
  data: Pick<ComputationData, 'governance' | 'organizations' | 'communes'>,
  period: string,
): number | null {
  const communes = new Set(data.communes.filter((t) => t.level === 'commune').map((t) => t.code));
  if (communes.size === 0) return null;
  const end = lastDay(period);
  const covered = new Set<string>();
  for (const o of data.organizations) {
    if (!offersMediation(o) || !existsOn(o.createdAt, end, data.governance.timeZone)) continue;
    if (o.territory?.level === 'commune' && communes.has(o.territory.code)) {
      covered.add(o.territory.code);
    }
    const insee = o.address?.inseeCode;
    if (insee !== undefined && communes.has(insee)) covered.add(insee);
  }
  return (covered.size / communes.size) * 100;
}

/**
 * `reunions_gouvernance`: meetings held (`tenue`) whose start falls in the period, read in the
 * governance's time zone (a meeting at 00:30 on 1 January in Paris belongs to the new year).
 *
 * @example
 * countHeldMeetings(data, '2024-T1'); // 2
 */
export function countHeldMeetings(
  data: Pick<ComputationData, 'governance' | 'meetings'>,
  period: string,
): number {
  const start = firstDay(period);
  const end = lastDay(period);
  return data.meetings.filter((m) => {
    if (m.status !== 'tenue') return false;
    const day = localDate(m.startsAt, data.governance.timeZone);
    return day >= start && day <= end;
  }).length;
}

/** The status an action sheet had at the end of `day`, replayed from its status history. */
function statusOn(action: ComputationAction, day: string, timeZone: string): ActionStatus {
  if (action.statusHistory.length === 0) return action.status;
  let latestAt: string | undefined;
  let status: ActionStatus | undefined;
  let earliestAt: string | undefined;
  let initial: ActionStatus = action.status;
  for (const change of action.statusHistory) {
    if (earliestAt === undefined || change.at < earliestAt) {
      earliestAt = change.at;
      initial = change.from;
    }
    if (
      localDate(change.at, timeZone) <= day &&
      (latestAt === undefined || change.at >= latestAt)
    ) {
      latestAt = change.at;
      status = change.to;
    }
  }
  return status ?? initial;
}

/**
 * `fiches_realisees`: the percentage (0–100) of fiches-actions done (`realisee`) among those not
 * abandoned — done / (all − abandoned) — at the end of the period. A fiche-projet counts from the
 * day it was promoted: before, it is not yet a commitment of the roadmap (the indicator is the
 * "taux de réalisation des fiches-actions"). `null` when no sheet is left to count.
 *
 * @example
 * // Dronne et Belle: 8 sheets, 4 done after a year
 * actionSheetCompletionRate(data, '2023'); // 50
 */
export function actionSheetCompletionRate(
  data: Pick<ComputationData, 'governance' | 'actions'>,
  period: string,
): number | null {
  const end = lastDay(period);
  const zone = data.governance.timeZone;
  let counted = 0;
  let done = 0;
  for (const action of data.actions) {
    if (!existsOn(action.createdAt, end, zone)) continue;
    if (action.kind !== 'fiche_action') continue;
    if (action.promotedAt && !existsOn(action.promotedAt, end, zone)) continue;
    const status = statusOn(action, end, zone);
    if (status === 'abandonnee') continue;
    counted += 1;
    if (status === 'realisee') done += 1;
  }
  return counted === 0 ? null : (done / counted) * 100;
}

/**
 * `financements_mobilises`: the sum, in euros, of funding lines granted or paid (`accorde`,
 * `verse`), decided by the end of the period (the decision date, or else the day the line was
 * recorded). Summed in integer cents, then divided once, so no cent is lost to rounding.
 *
 * @example
 * mobilisedFundingEuros(data, '2024'); // 400000
 */
export function mobilisedFundingEuros(
  data: Pick<ComputationData, 'governance' | 'fundingLines'>,
  period: string,
): number {
  const end = lastDay(period);
  let cents = 0;
  for (const line of data.fundingLines) {
    if (!SECURED_FUNDING_STATUSES.includes(line.status)) continue;
    const decided = line.decidedOn ?? localDate(line.createdAt, data.governance.timeZone);
    if (decided <= end) cents += line.amountCents;
  }
  return cents / 100;
}

/**
 * Computes an indicator of method `calcul` for a period. Counts are whole numbers, percentages
 * are 0–100 (not rounded: rounding is for display), money is in euros. `null` means the figure
 * cannot be computed (a percentage of nothing).
 *
 * @example
 * computeIndicator('fiches_realisees', data, '2023'); // 50
 * computeIndicator('mediateurs', data, '2024-T2');    // 8
 */
export function computeIndicator(
  rule: ComputedRule,
  data: ComputationData,
  period: string,
): number | null {
  switch (rule) {
    case 'acteurs_recenses':
      return countRecordedActors(data, period);
    case 'lieux_mediation':
      return countMediationPlaces(data, period);
    case 'mediateurs':
      return countMediators(data, period);
    case 'aidants':
      return countDigitalHelpers(data, period);
    case 'communes_couvertes':
      return communeCoverageRate(data, period);
    case 'reunions_gouvernance':
      return countHeldMeetings(data, period);
    case 'fiches_realisees':
      return actionSheetCompletionRate(data, period);
    case 'financements_mobilises':
      return mobilisedFundingEuros(data, period);
  }
}
