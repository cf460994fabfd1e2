import { describe, expect, it } from 'vitest';
import { localDate } from '../shared/time.ts';
import type { MilestoneStatus } from './milestone.ts';
import {
  daysLate,
  isLate,
  MilestoneState,
  milestoneState,
  milestoneStateLabels,
} from './milestone-state.ts';

const PARIS = 'Europe/Paris';

function due(dueDate: string, status: MilestoneStatus = 'a_venir') {
  return { dueDate, status };
}

/** The state of a milestone at an instant, read in Paris as the governance would. */
function stateAt(milestone: { dueDate: string; status: MilestoneStatus }, now: string) {
  return milestoneState(milestone, localDate(now, PARIS));
}

describe('localDate: today in the governance’s zone', () => {
  it('reads the calendar day in the governance’s zone, not in UTC', () => {
    // Winter (UTC+1): 23:30 UTC is already the next day in Paris.
    expect(localDate('2024-01-15T22:59:59Z', PARIS)).toBe('2024-01-15');
    expect(localDate('2024-01-15T23:00:00Z', PARIS)).toBe('2024-01-16');
    // Summer (UTC+2).
    expect(localDate('2024-07-14T21:59:59Z', PARIS)).toBe('2024-07-14');
    expect(localDate('2024-07-14T22:00:00Z', PARIS)).toBe('2024-07-15');
  });

  it('follows overseas zones too', () => {
    // Cayenne is UTC−3 all year: 02:00 UTC is still the evening before.
    expect(localDate('2024-05-10T02:00:00Z', 'America/Cayenne')).toBe('2024-05-09');
    // La Réunion is UTC+4.
    expect(localDate('2024-05-09T20:00:00Z', 'Indian/Reunion')).toBe('2024-05-10');
  });
});

describe('milestoneState', () => {
  it('is not late on its due day, late from the next day', () => {
    expect(milestoneState(due('2024-05-10'), '2024-05-09')).toBe('a_venir');
    expect(milestoneState(due('2024-05-10'), '2024-05-10')).toBe('a_venir');
    expect(milestoneState(due('2024-05-10'), '2024-05-11')).toBe('en_retard');
  });

  it('turns late exactly at midnight in Paris, in winter', () => {
    const milestone = due('2024-01-15');
    expect(stateAt(milestone, '2024-01-15T22:59:59Z')).toBe('a_venir');
    expect(stateAt(milestone, '2024-01-15T23:00:00Z')).toBe('en_retard');
  });

  it('turns late at midnight in Paris on the night of the March clock change', () => {
    // 31 March 2024: clocks jump from 02:00 to 03:00. The next midnight is at 22:00 UTC.
    const milestone = due('2024-03-31');
    expect(stateAt(milestone, '2024-03-31T21:59:00Z')).toBe('a_venir'); // 23:59 in Paris
    expect(stateAt(milestone, '2024-03-31T22:00:00Z')).toBe('en_retard'); // 00:00 in Paris
  });

  it('is due all day long on the day the clocks jump forward', () => {
    const milestone = due('2024-03-31');
    // 00:30 before the jump (UTC+1) and 03:30 after it (UTC+2), both on 31 March in Paris.
    expect(stateAt(milestone, '2024-03-30T23:30:00Z')).toBe('a_venir');
    expect(stateAt(milestone, '2024-03-31T01:30:00Z')).toBe('a_venir');
  });

  it('turns late at midnight in Paris on the night of the October clock change', () => {
    // 27 October 2024: clocks go back from 03:00 to 02:00, so that day lasts 25 hours.
    const milestone = due('2024-10-27');
    expect(stateAt(milestone, '2024-10-26T22:00:00Z')).toBe('a_venir'); // 00:00 on the 27th
    expect(stateAt(milestone, '2024-10-27T00:30:00Z')).toBe('a_venir'); // 02:30, first time
    expect(stateAt(milestone, '2024-10-27T01:30:00Z')).toBe('a_venir'); // 02:30, second time
    expect(stateAt(milestone, '2024-10-27T22:59:00Z')).toBe('a_venir'); // 23:59 (UTC+1 again)
    expect(stateAt(milestone, '2024-10-27T23:00:00Z')).toBe('en_retard'); // 00:00 on the 28th
  });

  it('never calls a reached or cancelled milestone late', () => {
    expect(milestoneState(due('2023-01-01', 'atteint'), '2024-05-10')).toBe('atteint');
    expect(milestoneState(due('2023-01-01', 'annule'), '2024-05-10')).toBe('annule');
  });

  it('measures a postponed milestone against its new due date', () => {
    expect(milestoneState(due('2024-06-30', 'reporte'), '2024-06-30')).toBe('reporte');
    expect(milestoneState(due('2024-06-30', 'reporte'), '2024-07-01')).toBe('en_retard');
  });

  it('gives a French label for every state', () => {
    for (const state of MilestoneState.options) {
      expect(milestoneStateLabels[state]).toMatch(/^\p{Lu}/u);
    }
    expect(milestoneStateLabels.en_retard).toBe('En retard');
  });
});

describe('isLate and daysLate', () => {
  it('counts the days past the due date', () => {
    expect(isLate(due('2024-05-10'), '2024-05-10')).toBe(false);
    expect(daysLate(due('2024-05-10'), '2024-05-10')).toBe(0);
    expect(isLate(due('2024-05-10'), '2024-05-11')).toBe(true);
    expect(daysLate(due('2024-05-10'), '2024-05-11')).toBe(1);
    expect(daysLate(due('2024-05-10'), '2024-05-17')).toBe(7);
  });

  it('counts whole days across a clock change', () => {
    expect(daysLate(due('2024-03-30'), '2024-04-02')).toBe(3);
    expect(daysLate(due('2024-10-26'), '2024-10-29')).toBe(3);
  });

  it('counts across a leap day', () => {
    expect(daysLate(due('2024-02-28'), '2024-03-01')).toBe(2);
  });

  it('is 0 for a reached milestone, however old', () => {
    expect(daysLate(due('2020-01-01', 'atteint'), '2024-05-10')).toBe(0);
    expect(daysLate(due('2020-01-01', 'annule'), '2024-05-10')).toBe(0);
  });
});
