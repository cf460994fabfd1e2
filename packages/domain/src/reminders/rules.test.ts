import { describe, expect, it } from 'vitest';
import { GovernanceFields } from '../governance/governance.ts';
import { ValidationError } from '../shared/errors.ts';
import { validate } from '../shared/validate.ts';
import { DEFAULT_REMINDER_RULES, ReminderRules } from './rules.ts';

function issuesOf(input: unknown): string[] {
  try {
    validate(ReminderRules, input);
  } catch (error) {
    if (error instanceof ValidationError) return error.issues.map((i) => i.message);
    throw error;
  }
  return [];
}

describe('ReminderRules', () => {
  it('defaults to the field’s rhythm', () => {
    expect(DEFAULT_REMINDER_RULES).toEqual({
      sendTime: '09:00',
      milestoneReminder: { enabled: true, daysBefore: [14, 3, 0] },
      milestoneOverdue: { enabled: true, firstAfterDays: 1, everyDays: 7, maxCount: 8 },
      actionCheckin: { enabled: true, weekday: 1 },
      indicatorCollection: { enabled: true, moment: 'fin_de_periode', toChannel: true },
      meetingAgenda: { enabled: true, daysBefore: [7, 1] },
      fundingDeadline: { enabled: true, daysBefore: [30, 7, 1] },
      communityDigest: { enabled: true, weekday: 5 },
    });
  });

  it('changes only what a partial input names', () => {
    const rules = ReminderRules.parse({ sendTime: '08:30', communityDigest: { enabled: false } });
    expect(rules.sendTime).toBe('08:30');
    expect(rules.communityDigest).toEqual({ enabled: false, weekday: 5 });
    expect(rules.milestoneReminder.daysBefore).toEqual([14, 3, 0]);
  });

  it('sorts reminder days from the furthest and drops repeats', () => {
    const rules = ReminderRules.parse({ milestoneReminder: { daysBefore: [0, 7, 3, 7] } });
    expect(rules.milestoneReminder.daysBefore).toEqual([7, 3, 0]);
  });

  it('explains wrong values in French', () => {
    expect(issuesOf({ actionCheckin: { weekday: 6 } })).toEqual([
      'Jour de la semaine attendu : 1 (lundi) à 5 (vendredi).',
    ]);
    expect(issuesOf({ milestoneReminder: { daysBefore: [-1] } })).toEqual([
      'Un nombre de jours ne peut pas être négatif.',
    ]);
    expect(issuesOf({ milestoneOverdue: { everyDays: 0 } })).toEqual([
      'Au moins 1 jour entre deux relances.',
    ]);
    expect(issuesOf({ sendTime: '9h' })).toEqual(['Heure attendue au format HH:MM (ex. 09:30).']);
  });

  it('is part of a governance, with the defaults when absent', () => {
    const rules = GovernanceFields.shape.reminderRules.parse(undefined);
    expect(rules).toEqual(DEFAULT_REMINDER_RULES);
  });

  it('cannot be changed through the shared default', () => {
    const rules = GovernanceFields.shape.reminderRules.parse(undefined);
    expect(() => {
      rules.milestoneReminder.enabled = false;
    }).toThrow(TypeError);
    expect(DEFAULT_REMINDER_RULES.milestoneReminder.enabled).toBe(true);
  });
});
