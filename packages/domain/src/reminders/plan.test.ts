import { describe, expect, it } from 'vitest';
import type { BodyMember } from '../governance/body.ts';
import type { ChatBinding } from '../governance/governance.ts';
import { DEFAULT_REMINDER_PREFERENCES, type ReminderPreferences } from '../people/person.ts';
import { ValidationError } from '../shared/errors.ts';
import type { PlannedDelivery } from './delivery.ts';
import {
  type PlanningAction,
  type PlanningGovernance,
  type PlanningIndicator,
  type PlanningMeeting,
  type PlanningMilestone,
  type PlanningPerson,
  type PlanRemindersInput,
  planReminders,
} from './plan.ts';
import { ReminderRules } from './rules.ts';

// ---- builders ---------------------------------------------------------------------------------

const GOV = 'gov_rochelle1';
const ALICE = 'per_alice001';
const BOB = 'per_bob00001';
const SINCE = '2024-01-01T00:00:00.000Z';

const CHAT: ChatBinding = {
  platform: 'discord',
  guildId: '100000000000000001',
  channelId: '100000000000000002',
  boundAt: SINCE,
};

/** A governance in Paris with Alice as coordinator, no chat binding unless given. */
function governance(changes: Partial<PlanningGovernance> = {}): PlanningGovernance {
  return {
    id: GOV,
    timeZone: 'Europe/Paris',
    roles: [{ personId: ALICE, role: 'coordinateur', since: SINCE }],
    ...changes,
  };
}

function person(
  id: string,
  preferences: Partial<ReminderPreferences> = {},
  changes: Partial<PlanningPerson> = {},
): PlanningPerson {
  return {
    id,
    reminders: { ...DEFAULT_REMINDER_PREFERENCES, ...preferences },
    chatAccounts: [{ platform: 'discord', userId: '200000000000000001', linkedAt: SINCE }],
    ...changes,
  };
}

function milestone(dueDate: string, changes: Partial<PlanningMilestone> = {}): PlanningMilestone {
  return {
    id: 'mil_jalon001',
    governanceId: GOV,
    dueDate,
    ownerId: ALICE,
    status: 'a_venir',
    ...changes,
  };
}

function action(changes: Partial<PlanningAction> = {}): PlanningAction {
  return { id: 'act_fiche001', governanceId: GOV, ownerId: BOB, status: 'en_cours', ...changes };
}

function meeting(startsAt: string, changes: Partial<PlanningMeeting> = {}): PlanningMeeting {
  return {
    id: 'mtg_copil001',
    governanceId: GOV,
    bodyId: 'bod_copil001',
    startsAt,
    status: 'prevue',
    ...changes,
  };
}

function seat(personId: string, since: string, until?: string): BodyMember {
  return { personId, position: 'membre', since, ...(until ? { until } : {}) };
}

function indicator(changes: Partial<PlanningIndicator> = {}): PlanningIndicator {
  return {
    id: 'ind_accomp01',
    governanceId: GOV,
    method: { type: 'saisie' },
    periodicity: 'mensuelle',
    ...changes,
  };
}

/** Plans with Alice and Bob, from `now` on (no look-back unless asked): what tests look at. */
function plan(input: Partial<PlanRemindersInput> & { now: string }): PlannedDelivery[] {
  return planReminders({
    governance: governance(),
    persons: [person(ALICE), person(BOB)],
    lookbackDays: 0,
    ...input,
  });
}

/** `J-3 2024-06-11T07:00:00.000Z` for each delivery of one kind: the part a test looks at. */
function slots(deliveries: PlannedDelivery[], kind: PlannedDelivery['kind']): string[] {
  return deliveries
    .filter((d) => d.kind === kind)
    .map((d) => `${d.dedupeKey.split(':').at(-2)} ${d.dueAt}`);
}

const reminders = (deliveries: PlannedDelivery[]) => slots(deliveries, 'milestone_reminder');
const overdue = (deliveries: PlannedDelivery[]) => slots(deliveries, 'milestone_overdue');

// ---- milestones -------------------------------------------------------------------------------

describe('milestone reminders', () => {
  it('reminds the owner at J-14, J-3 and J0, at 09:00 in Paris', () => {
    const deliveries = plan({ now: '2024-05-20T08:00:00Z', milestones: [milestone('2024-06-14')] });
    const planned = deliveries.filter((d) => d.kind === 'milestone_reminder');
    expect(planned).toEqual([
      {
        dedupeKey: 'milestone:mil_jalon001:2024-06-14:J-14:per_alice001',
        governanceId: GOV,
        kind: 'milestone_reminder',
        recipient: { type: 'person', personId: ALICE },
        subject: { type: 'milestone', id: 'mil_jalon001' },
        dueAt: '2024-05-31T07:00:00.000Z',
        // Useless once J-3 is due: after a downtime only the latest reminder goes out.
        expiresAt: '2024-06-11T07:00:00.000Z',
      },
      expect.objectContaining({
        dedupeKey: 'milestone:mil_jalon001:2024-06-14:J-3:per_alice001',
        dueAt: '2024-06-11T07:00:00.000Z',
        expiresAt: '2024-06-14T07:00:00.000Z',
      }),
      expect.objectContaining({
        dedupeKey: 'milestone:mil_jalon001:2024-06-14:J0:per_alice001',
        dueAt: '2024-06-14T07:00:00.000Z',
        // J0 is worth sending until the due date is over, at midnight in Paris.
        expiresAt: '2024-06-14T22:00:00.000Z',
      }),
    ]);
  });

  it('keeps 09:00 local across the March clock change (08:00Z before, 07:00Z after)', () => {
    const deliveries = plan({
      now: '2024-03-15T12:00:00Z',
      milestones: [
        milestone('2024-03-28', { id: 'mil_avant0001' }),
        milestone('2024-04-04', { id: 'mil_apres0001' }),
      ],
    });
    const j0 = deliveries.filter((d) => d.dedupeKey.includes(':J0:'));
    expect(j0.map((d) => d.dueAt)).toEqual([
      '2024-03-28T08:00:00.000Z',
      '2024-04-04T07:00:00.000Z',
    ]);
    // J-3 of 4 April is Easter Monday: it moves back to Friday 29 March, still in winter time.
    const j3 = deliveries.find(
      (d) => d.dedupeKey === 'milestone:mil_apres0001:2024-04-04:J-3:per_alice001',
    );
    expect(j3?.dueAt).toBe('2024-03-29T08:00:00.000Z');
  });

  it('keeps 09:00 local across the October clock change (07:00Z before, 08:00Z after)', () => {
    const deliveries = plan({
      now: '2024-10-15T12:00:00Z',
      milestones: [
        milestone('2024-10-24', { id: 'mil_avant0001' }),
        milestone('2024-10-31', { id: 'mil_apres0001' }),
      ],
    });
    expect(reminders(deliveries).filter((s) => s.startsWith('J0'))).toEqual([
      'J0 2024-10-24T07:00:00.000Z',
      'J0 2024-10-31T08:00:00.000Z',
    ]);
    expect(reminders(deliveries).filter((s) => s.startsWith('J-3'))).toEqual([
      'J-3 2024-10-21T07:00:00.000Z',
      'J-3 2024-10-28T08:00:00.000Z',
    ]);
  });

  it('brings J0 on 14 July forward to the Friday, and sends one message, not two, that day', () => {
    // 14 July 2025 is a Monday: J0 goes to Friday 11, where J-3 already was.
    const deliveries = plan({ now: '2025-06-25T08:00:00Z', milestones: [milestone('2025-07-14')] });
    expect(reminders(deliveries)).toEqual([
      'J-14 2025-06-30T07:00:00.000Z',
      'J0 2025-07-11T07:00:00.000Z',
    ]);
    expect(overdue(deliveries)[0]).toBe('J+1 2025-07-15T07:00:00.000Z');
  });

  it('brings J0 on Ascension Thursday forward to Tuesday, 8 May being off too', () => {
    const deliveries = plan({ now: '2024-04-25T06:00:00Z', milestones: [milestone('2024-05-09')] });
    expect(reminders(deliveries)).toEqual([
      'J-14 2024-04-25T07:00:00.000Z',
      'J-3 2024-05-06T07:00:00.000Z',
      'J0 2024-05-07T07:00:00.000Z',
    ]);
    // The Friday after Ascension is a working day, bridge or not.
    expect(overdue(deliveries)[0]).toBe('J+1 2024-05-10T07:00:00.000Z');
  });

  it('moves an overdue reminder later, past Whit Monday', () => {
    const deliveries = plan({ now: '2024-05-10T08:00:00Z', milestones: [milestone('2024-05-19')] });
    expect(reminders(deliveries)).toEqual([
      'J-3 2024-05-16T07:00:00.000Z',
      'J0 2024-05-17T07:00:00.000Z',
    ]);
    expect(overdue(deliveries)[0]).toBe('J+1 2024-05-21T07:00:00.000Z');
  });

  it('chases a late milestone at J+1 then every 7 days, 8 times at most', () => {
    const deliveries = plan({
      now: '2024-03-05T08:00:00Z',
      horizonDays: 120,
      milestones: [milestone('2024-03-04')],
    });
    expect(overdue(deliveries).map((s) => s.split(' ')[0])).toEqual([
      'J+1',
      'J+8',
      'J+15',
      'J+22',
      'J+29',
      'J+36',
      'J+43',
      'J+50',
    ]);
  });

  it('forgets reached and cancelled milestones, and treats a postponed one like any other', () => {
    const deliveries = plan({
      now: '2024-06-01T08:00:00Z',
      milestones: [
        milestone('2024-06-14', { id: 'mil_atteint01', status: 'atteint' }),
        milestone('2024-06-14', { id: 'mil_annule001', status: 'annule' }),
        milestone('2024-06-14', { id: 'mil_reporte01', status: 'reporte' }),
      ],
    });
    expect(new Set(deliveries.map((d) => d.subject.id))).toEqual(new Set(['mil_reporte01']));
  });

  it('gives a rescheduled milestone new keys, so the new date is reminded again', () => {
    const now = '2024-05-20T08:00:00Z';
    const before = plan({ now, milestones: [milestone('2024-06-14')] }).map((d) => d.dedupeKey);
    const after = plan({ now, milestones: [milestone('2024-06-21')] }).map((d) => d.dedupeKey);
    expect(after.filter((key) => before.includes(key))).toEqual([]);
    expect(after).toContain('milestone:mil_jalon001:2024-06-21:J-3:per_alice001');
  });

  it('falls back on the action’s owner when the milestone has none, or an erased one', () => {
    const withoutOwner = milestone('2024-06-14', { actionId: 'act_fiche001' });
    delete withoutOwner.ownerId;
    const now = '2024-06-01T08:00:00Z';
    const recipients = (deliveries: PlannedDelivery[]) =>
      new Set(deliveries.map((d) => (d.recipient.type === 'person' ? d.recipient.personId : '')));
    const noCheckin = governance({
      reminderRules: ReminderRules.parse({ actionCheckin: { enabled: false } }),
    });

    const a = planReminders({
      governance: noCheckin,
      now,
      milestones: [withoutOwner],
      actions: [action()],
      persons: [person(ALICE), person(BOB)],
    });
    expect(recipients(a)).toEqual(new Set([BOB]));

    const b = planReminders({
      governance: noCheckin,
      now,
      milestones: [milestone('2024-06-14', { actionId: 'act_fiche001' })],
      actions: [action()],
      persons: [person(ALICE, {}, { erasedAt: SINCE, chatAccounts: [] }), person(BOB)],
    });
    expect(recipients(b)).toEqual(new Set([BOB]));
  });

  it('sends nothing to a person without chat account, nor for a stopped action', () => {
    const now = '2024-06-01T08:00:00Z';
    expect(
      plan({
        now,
        milestones: [milestone('2024-06-14')],
        persons: [person(ALICE, {}, { chatAccounts: [] })],
      }).length,
    ).toBe(0);
    for (const status of ['suspendue', 'abandonnee', 'realisee'] as const) {
      const deliveries = plan({
        now,
        milestones: [milestone('2024-06-14', { actionId: 'act_fiche001' })],
        actions: [action({ status })],
      });
      expect(deliveries.filter((d) => d.subject.type === 'milestone')).toEqual([]);
    }
  });

  it('still yields what was missed during the last 7 days, and nothing older', () => {
    // Due on Friday 7 June; the planner was down from Monday 3 until Tuesday 11 at noon.
    const deliveries = planReminders({
      governance: governance(),
      now: '2024-06-11T12:00:00Z',
      milestones: [milestone('2024-06-07')],
      persons: [person(ALICE)],
    });
    // J-3 (Tuesday 4, 09:00) is more than 7 days old; J0 and J+1 (Monday 10) are not.
    expect(reminders(deliveries)).toEqual(['J0 2024-06-07T07:00:00.000Z']);
    expect(overdue(deliveries)[0]).toBe('J+1 2024-06-10T07:00:00.000Z');
    // J0 is already expired: the dispatcher records it as such instead of sending it late.
    expect(deliveries[0]?.expiresAt).toBe('2024-06-07T22:00:00.000Z');
  });

  it('plans no further than the horizon', () => {
    const deliveries = plan({
      now: '2024-06-01T08:00:00Z',
      horizonDays: 10,
      milestones: [milestone('2024-06-14')],
    });
    expect(reminders(deliveries)).toEqual(['J-3 2024-06-11T07:00:00.000Z']);
  });
});

// ---- preferences ------------------------------------------------------------------------------

describe('preferences', () => {
  it('moves a slot out of quiet hours that cross midnight', () => {
    // Send time 20:00, quiet 19:00–08:30: before the deadline the same morning, after it the next.
    const deliveries = plan({
      governance: governance({ reminderRules: ReminderRules.parse({ sendTime: '20:00' }) }),
      now: '2024-06-01T08:00:00Z',
      milestones: [milestone('2024-06-14')],
    });
    expect(reminders(deliveries)).toEqual([
      'J-3 2024-06-11T06:30:00.000Z',
      'J0 2024-06-14T06:30:00.000Z',
    ]);
    // J+1 is a Saturday: to Monday 08:30.
    expect(overdue(deliveries)[0]).toBe('J+1 2024-06-17T06:30:00.000Z');
  });

  it('moves a 09:00 slot to the end of a late morning quiet window', () => {
    const deliveries = plan({
      now: '2024-06-01T08:00:00Z',
      milestones: [milestone('2024-06-14')],
      persons: [person(ALICE, { quietHours: { from: '18:00', to: '09:30' } })],
    });
    expect(reminders(deliveries)).toEqual([
      'J-3 2024-06-11T07:30:00.000Z',
      'J0 2024-06-14T07:30:00.000Z',
    ]);
  });

  it('keeps the keys when preferences move the slots', () => {
    const now = '2024-05-20T08:00:00Z';
    const keysOf = (deliveries: PlannedDelivery[]) => deliveries.map((d) => d.dedupeKey).sort();
    const plain = plan({ now, milestones: [milestone('2024-06-14')] });
    const moved = plan({
      now,
      milestones: [milestone('2024-06-14')],
      persons: [person(ALICE, { quietHours: { from: '18:00', to: '10:00' } })],
    });
    expect(keysOf(moved)).toEqual(keysOf(plain));
    expect(moved.map((d) => d.dueAt)).not.toEqual(plain.map((d) => d.dueAt));
  });

  it('holds reminders during a pause and delivers them on the first day back', () => {
    const deliveries = plan({
      now: '2024-05-20T08:00:00Z',
      milestones: [milestone('2024-06-14')],
      persons: [person(ALICE, { pausedUntil: '2024-06-12' })],
    });
    // J-3 waits for Thursday 13; J-14 fell in the pause too, and once back J-3 is what matters.
    expect(reminders(deliveries)).toEqual([
      'J-3 2024-06-13T07:00:00.000Z',
      'J0 2024-06-14T07:00:00.000Z',
    ]);
  });

  it('drops what a pause made useless: one overdue reminder on return, not four', () => {
    // Due Friday 14 June, on leave from before J-14 until Friday 5 July: every reminder up to
    // J+15 is dropped, J+22 (Saturday 6 July) goes out on Monday 8.
    const deliveries = plan({
      now: '2024-06-01T08:00:00Z',
      horizonDays: 60,
      milestones: [milestone('2024-06-14')],
      persons: [person(ALICE, { pausedUntil: '2024-07-05' })],
    });
    expect(reminders(deliveries)).toEqual([]);
    expect(overdue(deliveries).slice(0, 2)).toEqual([
      'J+22 2024-07-08T07:00:00.000Z',
      'J+29 2024-07-15T07:00:00.000Z',
    ]);
  });

  it('sends on Sundays and public holidays to a person who accepts them', () => {
    const deliveries = plan({
      now: '2024-06-29T08:00:00Z',
      milestones: [milestone('2024-07-14')],
      persons: [person(ALICE, { weekends: true })],
    });
    expect(reminders(deliveries)).toEqual([
      'J-14 2024-06-30T07:00:00.000Z',
      'J-3 2024-07-11T07:00:00.000Z',
      'J0 2024-07-14T07:00:00.000Z',
    ]);
  });
});

// ---- time zones -------------------------------------------------------------------------------

describe('overseas time zones', () => {
  it('sends at 09:00 in Cayenne (12:00Z) and at La Réunion (05:00Z)', () => {
    const at = (timeZone: string) =>
      reminders(
        plan({
          governance: governance({ timeZone }),
          now: '2024-06-01T08:00:00Z',
          milestones: [milestone('2024-06-14')],
        }),
      );
    expect(at('America/Cayenne')).toEqual([
      'J-3 2024-06-11T12:00:00.000Z',
      'J0 2024-06-14T12:00:00.000Z',
    ]);
    expect(at('Indian/Reunion')).toEqual([
      'J-3 2024-06-11T05:00:00.000Z',
      'J0 2024-06-14T05:00:00.000Z',
    ]);
  });
});

// ---- other kinds ------------------------------------------------------------------------------

describe('action check-ins', () => {
  it('asks the owner of an action in progress every Monday, Tuesday after Easter Monday', () => {
    const deliveries = plan({
      now: '2024-03-20T08:00:00Z',
      lookbackDays: 7,
      horizonDays: 14,
      actions: [action(), action({ id: 'act_prete0001', status: 'prete' })],
    });
    expect(deliveries.filter((d) => d.kind === 'action_checkin')).toEqual([
      expect.objectContaining({
        dedupeKey: 'action:act_fiche001:checkin:2024-W12:per_bob00001',
        dueAt: '2024-03-18T08:00:00.000Z',
      }),
      expect.objectContaining({
        dedupeKey: 'action:act_fiche001:checkin:2024-W13:per_bob00001',
        dueAt: '2024-03-25T08:00:00.000Z',
      }),
      expect.objectContaining({
        dedupeKey: 'action:act_fiche001:checkin:2024-W14:per_bob00001',
        dueAt: '2024-04-02T07:00:00.000Z',
        expiresAt: '2024-04-08T07:00:00.000Z',
      }),
    ]);
  });
});

describe('indicator collection', () => {
  it('asks coordinators and the community for an entered figure on the last working day', () => {
    const deliveries = plan({
      now: '2024-06-10T08:00:00Z',
      governance: governance({ chat: CHAT }),
      indicators: [
        indicator(),
        indicator({ id: 'ind_calcul001', method: { type: 'calcul', rule: 'mediateurs' } }),
      ],
    });
    expect(deliveries.filter((d) => d.kind === 'indicator_collection')).toEqual([
      {
        dedupeKey: 'indicator:ind_accomp01:2024-06:gov_rochelle1',
        governanceId: GOV,
        kind: 'indicator_collection',
        recipient: { type: 'channel', governanceId: GOV },
        subject: { type: 'indicator', id: 'ind_accomp01', period: '2024-06' },
        dueAt: '2024-06-28T07:00:00.000Z',
        expiresAt: '2024-07-12T07:00:00.000Z',
      },
      expect.objectContaining({
        dedupeKey: 'indicator:ind_accomp01:2024-06:per_alice001',
        recipient: { type: 'person', personId: ALICE },
        dueAt: '2024-06-28T07:00:00.000Z',
      }),
    ]);
  });

  it('can ask once the period is over, and only coordinators when the channel is off', () => {
    const deliveries = planReminders({
      governance: governance({
        reminderRules: ReminderRules.parse({
          indicatorCollection: { moment: 'debut_periode_suivante' },
        }),
      }),
      now: '2024-06-10T08:00:00Z',
      indicators: [indicator({ periodicity: 'trimestrielle' })],
      persons: [person(ALICE)],
    });
    expect(deliveries.map((d) => d.dedupeKey)).toEqual([
      'indicator:ind_accomp01:2024-T2:per_alice001',
    ]);
    expect(deliveries[0]?.dueAt).toBe('2024-07-01T07:00:00.000Z');
  });
});

describe('meeting agendas', () => {
  const bodies = [
    {
      id: 'bod_copil001',
      members: [seat(ALICE, '2024-01-01'), seat(BOB, '2023-01-01', '2024-06-01')],
    },
  ];

  it('sends the agenda at J-7 and J-1 to the members seated that day', () => {
    // Monday 17 June 2024, 14:00: J-1 is a Sunday, so the agenda goes on Friday.
    const deliveries = plan({
      now: '2024-06-05T08:00:00Z',
      meetings: [meeting('2024-06-17T12:00:00Z')],
      bodies,
    });
    expect(deliveries.filter((d) => d.kind === 'meeting_agenda')).toEqual([
      expect.objectContaining({
        dedupeKey: 'meeting:mtg_copil001:2024-06-17:J-7:per_alice001',
        dueAt: '2024-06-10T07:00:00.000Z',
        expiresAt: '2024-06-16T07:00:00.000Z',
      }),
      expect.objectContaining({
        dedupeKey: 'meeting:mtg_copil001:2024-06-17:J-1:per_alice001',
        dueAt: '2024-06-14T07:00:00.000Z',
        expiresAt: '2024-06-17T12:00:00.000Z',
      }),
    ]);
  });

  it('forgets cancelled meetings', () => {
    const deliveries = plan({
      now: '2024-06-05T08:00:00Z',
      meetings: [meeting('2024-06-17T12:00:00Z', { status: 'annulee' })],
      bodies,
    });
    expect(deliveries.filter((d) => d.kind === 'meeting_agenda')).toEqual([]);
  });
});

describe('community digest', () => {
  it('posts every Friday, on Thursday when Friday is Toussaint', () => {
    const deliveries = plan({
      now: '2024-10-21T08:00:00Z',
      governance: governance({ chat: CHAT }),
      horizonDays: 14,
    });
    expect(deliveries.filter((d) => d.kind === 'community_digest')).toEqual([
      {
        dedupeKey: 'digest:gov_rochelle1:2024-W43',
        governanceId: GOV,
        kind: 'community_digest',
        recipient: { type: 'channel', governanceId: GOV },
        subject: { type: 'governance', id: GOV },
        dueAt: '2024-10-25T07:00:00.000Z',
        expiresAt: '2024-10-27T08:00:00.000Z',
      },
      expect.objectContaining({
        dedupeKey: 'digest:gov_rochelle1:2024-W44',
        dueAt: '2024-10-31T08:00:00.000Z',
      }),
    ]);
  });

  it('posts nothing to a channel without an active chat binding', () => {
    const now = '2024-10-21T08:00:00Z';
    const disabled = { ...CHAT, disabledAt: '2024-10-01T00:00:00.000Z' };
    expect(planReminders({ governance: governance(), now })).toEqual([]);
    expect(planReminders({ governance: governance({ chat: disabled }), now })).toEqual([]);
    expect(planReminders({ governance: governance({ chat: CHAT }), now })).not.toEqual([]);
  });

  describe('by e-mail', () => {
    const CAROLE = 'per_carole01';
    const DAVID = 'per_david001';
    const EMMA = 'per_emma0001';
    const mailOnly = { chatAccounts: [], email: 'x@exemple.fr' };
    const now = '2024-10-21T08:00:00Z';
    /** Alice coordinates (Discord and e-mail), Bob is a member (Discord only), Carole sits on the
     * comité (e-mail only), David left it, Emma has no tie to the governance. */
    const input = (changes: Partial<PlanRemindersInput> = {}): PlanRemindersInput => ({
      governance: governance({
        roles: [
          { personId: ALICE, role: 'coordinateur', since: SINCE },
          { personId: BOB, role: 'membre', since: SINCE },
        ],
      }),
      now,
      horizonDays: 6,
      lookbackDays: 0,
      bodies: [
        {
          id: 'bod_copil001',
          members: [seat(CAROLE, '2024-01-01'), seat(DAVID, '2024-01-01', '2024-09-30')],
        },
      ],
      persons: [
        person(ALICE, { medium: 'les_deux' }, { email: 'alice@exemple.fr' }),
        person(BOB),
        person(CAROLE, {}, mailOnly),
        person(DAVID, {}, mailOnly),
        person(EMMA, {}, mailOnly),
      ],
      ...changes,
    });
    const digests = (deliveries: PlannedDelivery[]) =>
      deliveries.filter((d) => d.kind === 'community_digest');

    it('reaches the coordination and the seated members who receive e-mail, without a binding', () => {
      expect(digests(planReminders(input()))).toEqual([
        {
          dedupeKey: `digest:${GOV}:2024-W43:${ALICE}:email`,
          governanceId: GOV,
          kind: 'community_digest',
          recipient: { type: 'person', personId: ALICE, medium: 'email' },
          subject: { type: 'governance', id: GOV },
          dueAt: '2024-10-25T07:00:00.000Z',
          expiresAt: '2024-10-27T08:00:00.000Z',
        },
        expect.objectContaining({
          dedupeKey: `digest:${GOV}:2024-W43:${CAROLE}:email`,
          recipient: { type: 'person', personId: CAROLE, medium: 'email' },
        }),
      ]);
    });

    it('comes beside the channel post when a binding is active', () => {
      const keys = digests(
        planReminders(input({ governance: { ...input().governance, chat: CHAT } })),
      ).map((d) => d.dedupeKey);
      expect(keys).toEqual([
        `digest:${GOV}:2024-W43`,
        `digest:${GOV}:2024-W43:${ALICE}:email`,
        `digest:${GOV}:2024-W43:${CAROLE}:email`,
      ]);
    });

    it('is not planned for whoever turned the digest off, chose the chat or was erased', () => {
      const persons = [
        person(ALICE, { medium: 'discussion' }, { email: 'alice@exemple.fr' }),
        person(CAROLE, { pausedKinds: ['community_digest'] }, mailOnly),
      ];
      expect(digests(planReminders(input({ persons })))).toEqual([]);
      const erased = [person(CAROLE, {}, { ...mailOnly, erasedAt: SINCE })];
      expect(digests(planReminders(input({ persons: erased })))).toEqual([]);
    });

    it('follows a medium chosen for the digest alone: e-mail, while milestones stay on chat', () => {
      const persons = [
        person(
          ALICE,
          { medium: 'discussion', mediumByKind: { community_digest: 'courriel' } },
          { email: 'alice@exemple.fr' },
        ),
      ];
      expect(digests(planReminders(input({ persons }))).map((d) => d.dedupeKey)).toEqual([
        `digest:${GOV}:2024-W43:${ALICE}:email`,
      ]);
    });

    it('is not planned when the governance turned the digest off', () => {
      const rules = ReminderRules.parse({ communityDigest: { enabled: false } });
      const governanceOff = { ...input().governance, reminderRules: rules };
      expect(digests(planReminders(input({ governance: governanceOff })))).toEqual([]);
    });
  });
});

// ---- the plan as a whole ----------------------------------------------------------------------

describe('planReminders', () => {
  const input: PlanRemindersInput = {
    governance: governance({ chat: CHAT }),
    now: '2024-05-02T08:00:00Z',
    milestones: [
      milestone('2024-05-09'),
      milestone('2024-05-20', { id: 'mil_jalon002', ownerId: BOB }),
    ],
    actions: [action()],
    indicators: [indicator()],
    meetings: [meeting('2024-05-21T08:00:00Z')],
    bodies: [{ id: 'bod_copil001', members: [seat(ALICE, '2024-01-01'), seat(BOB, '2024-01-01')] }],
    persons: [person(ALICE), person(BOB, { quietHours: { from: '20:00', to: '09:15' } })],
  };

  it('gives the same list twice, sorted by due time then key', () => {
    const first = planReminders(input);
    expect(planReminders(input)).toEqual(first);
    const order = first.map((d) => `${d.dueAt} ${d.dedupeKey}`);
    expect(order).toEqual([...order].sort());
    expect(new Set(first.map((d) => d.kind))).toEqual(
      new Set([
        'milestone_reminder',
        'milestone_overdue',
        'action_checkin',
        'indicator_collection',
        'meeting_agenda',
        'community_digest',
      ]),
    );
  });

  it('yields each key once, even when the input repeats an entity', () => {
    const repeated = planReminders({
      ...input,
      milestones: [...(input.milestones ?? []), milestone('2024-05-09')],
    });
    expect(repeated).toEqual(planReminders(input));
  });

  it('refuses a malformed clock or window, in French', () => {
    expect(() => planReminders({ ...input, now: 'hier' })).toThrow(ValidationError);
    expect(() => planReminders({ ...input, horizonDays: -1 })).toThrow(
      /Nombre entier de jours attendu/,
    );
  });
});

// ---- media ------------------------------------------------------------------------------------

describe('reminders by e-mail', () => {
  const NOW = '2024-05-20T08:00:00Z';
  const keysFor = (persons: PlanningPerson[]) =>
    plan({ now: NOW, milestones: [milestone('2024-06-14')], persons })
      .filter((d) => d.kind === 'milestone_reminder')
      .map(
        (d) =>
          `${d.dedupeKey} ${d.recipient.type === 'person' ? (d.recipient.medium ?? 'chat') : ''}`,
      );

  it('e-mails by default a person with an address and no chat account', () => {
    expect(keysFor([person(ALICE, {}, { chatAccounts: [], email: 'alice@exemple.fr' })])).toEqual([
      'milestone:mil_jalon001:2024-06-14:J-14:per_alice001:email email',
      'milestone:mil_jalon001:2024-06-14:J-3:per_alice001:email email',
      'milestone:mil_jalon001:2024-06-14:J0:per_alice001:email email',
    ]);
  });

  it('keeps the chat alone for a linked person who gave an address but chose nothing', () => {
    expect(keysFor([person(ALICE, {}, { email: 'alice@exemple.fr' })])).toHaveLength(3);
    expect(keysFor([person(ALICE, {}, { email: 'alice@exemple.fr' })]).join()).not.toContain(
      ':email',
    );
  });

  it('plans one chat and one e-mail delivery, with distinct keys, for a person choosing both', () => {
    const keys = keysFor([person(ALICE, { medium: 'les_deux' }, { email: 'alice@exemple.fr' })]);
    expect(keys.filter((k) => k.endsWith(' chat'))).toHaveLength(3);
    expect(keys.filter((k) => k.endsWith(':email email'))).toHaveLength(3);
    expect(new Set(keys.map((k) => k.split(' ')[0])).size).toBe(6);
  });

  it('plans nothing of a kind the person turned off, by any medium', () => {
    const keys = keysFor([
      person(
        ALICE,
        { medium: 'les_deux', pausedKinds: ['milestone_reminder'] },
        { email: 'alice@exemple.fr' },
      ),
    ]);
    expect(keys).toEqual([]);
  });

  it('follows the medium chosen per kind: e-mail for the digest, chat for milestones', () => {
    const keys = keysFor([
      person(
        ALICE,
        {
          medium: 'les_deux',
          mediumByKind: { community_digest: 'courriel', milestone_reminder: 'discussion' },
        },
        { email: 'alice@exemple.fr' },
      ),
    ]);
    expect(keys).toEqual([
      'milestone:mil_jalon001:2024-06-14:J-14:per_alice001 chat',
      'milestone:mil_jalon001:2024-06-14:J-3:per_alice001 chat',
      'milestone:mil_jalon001:2024-06-14:J0:per_alice001 chat',
    ]);
  });
});
