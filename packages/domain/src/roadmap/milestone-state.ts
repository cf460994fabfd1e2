import type { z } from 'zod';
import { enumOf } from '../shared/entity.ts';
import type { IsoDate } from '../shared/time.ts';
import { daysBetween } from '../shared/time.ts';
import type { Milestone } from './milestone.ts';

/**
 * The state a person sees for a milestone: its stored status, plus `en_retard`, which is never
 * stored but derived from the due date and today's date in the governance's time zone.
 */
export const milestoneStateLabels = {
  a_venir: 'À venir',
  en_retard: 'En retard',
  atteint: 'Atteint',
  reporte: 'Reporté',
  annule: 'Annulé',
} as const;
export const MilestoneState = enumOf(milestoneStateLabels);
export type MilestoneState = z.infer<typeof MilestoneState>;

/** What the state of a milestone depends on. */
export type MilestoneDue = Pick<Milestone, 'status' | 'dueDate'>;

/**
 * The state of a milestone on `today` (a date in the governance's zone, `localDate(now, governance.timeZone)`).
 *
 * A milestone is late (`en_retard`) once its due day is over — from the day after it — while it
 * is neither reached nor cancelled. A postponed (`reporte`) milestone is measured against its new
 * due date: it is late again once that one passes too.
 *
 * @example
 * milestoneState({ status: 'a_venir', dueDate: '2024-03-31' }, '2024-03-31'); // 'a_venir'
 * milestoneState({ status: 'a_venir', dueDate: '2024-03-31' }, '2024-04-01'); // 'en_retard'
 * milestoneState({ status: 'atteint', dueDate: '2024-03-31' }, '2024-06-01'); // 'atteint'
 */
export function milestoneState(milestone: MilestoneDue, today: IsoDate): MilestoneState {
  if (milestone.status === 'atteint' || milestone.status === 'annule') return milestone.status;
  // Dates are `YYYY-MM-DD`: comparing them as strings compares them as days.
  if (today > milestone.dueDate) return 'en_retard';
  return milestone.status;
}

/**
 * Whether a milestone is late on `today`.
 *
 * @example
 * isLate({ status: 'reporte', dueDate: '2024-05-10' }, '2024-05-11'); // true
 */
export function isLate(milestone: MilestoneDue, today: IsoDate): boolean {
  return milestoneState(milestone, today) === 'en_retard';
}

/**
 * How many days a milestone is late on `today`: 1 the day after its due date, 0 when it is not
 * late (including when it is reached or cancelled, however long ago its due date was).
 *
 * @example
 * daysLate({ status: 'a_venir', dueDate: '2024-05-10' }, '2024-05-17'); // 7
 * daysLate({ status: 'atteint', dueDate: '2024-05-10' }, '2024-05-17'); // 0
 */
export function daysLate(milestone: MilestoneDue, today: IsoDate): number {
  return isLate(milestone, today) ? daysBetween(milestone.dueDate, today) : 0;
}
