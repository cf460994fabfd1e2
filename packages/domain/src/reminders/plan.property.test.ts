import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MilestoneStatus } from '../roadmap/milestone.ts';
import { addDays, localDate, toLocal } from '../shared/time.ts';
import { isWorkingDay } from './holidays.ts';
import {
  type PlanningAction,
  type PlanningMilestone,
  type PlanningPerson,
  type PlanRemindersInput,
  planReminders,
} from './plan.ts';
import { ReminderRules } from './rules.ts';
import { isQuiet, minutesOf } from './slots.ts';

// ---- arbitraries ------------------------------------------------------------------------------

const GOV = 'gov_property1';
const PERSON_IDS = ['per_prop0001', 'per_prop0002', 'per_prop0003', 'per_prop0004'];
const BASE_DAY = '2024-01-01';

const time = fc
  .integer({ min: 0, max: 24 * 60 - 1 })
  .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
/** A day from 2024 to the end of 2026: three years of holidays and clock changes. */
const dayIndex = fc.integer({ min: 0, max: 3 * 365 });
/** Days around `now`, so that most dates fall in or near the planning window. */
const daysFromNow = (min: number, max: number) => fc.integer({ min, max });

const personArb = (id: string, today: string) =>
  fc
    .record({
      // Mostly reachable people, so that most runs plan something.
      hasChat: fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      erased: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
      from: time,
      to: time,
      weekends: fc.boolean(),
      pausedUntil: fc.option(
        daysFromNow(-10, 40).map((n) => addDays(today, n)),
        { nil: undefined },
      ),
    })
    .map(
      ({ hasChat, erased, from, to, weekends, pausedUntil }): PlanningPerson => ({
        id,
        reminders: {
          channel: 'message_prive',
          quietHours: { from, to },
          weekends,
          ...(pausedUntil === undefined ? {} : { pausedUntil }),
        },
        chatAccounts: hasChat
          ? [
              {
                platform: 'discord',
                userId: '300000000000000001',
                linkedAt: '2023-01-01T00:00:00.000Z',
              },
            ]
          : [],
        ...(erased ? { erasedAt: '2023-06-01T00:00:00.000Z' } : {}),
      }),
    );

const ownerId = fc.option(fc.constantFrom(...PERSON_IDS), { nil: undefined });

const milestonesArb = fc.array(
  fc.record({
    due: daysFromNow(-70, 45),
    status: fc.constantFrom(...MilestoneStatus.options),
    ownerId,
    actionIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  }),
  { maxLength: 12 },
);

const actionsArb = fc.array(
  fc.record({
    ownerId,
    status: fc.constantFrom('a_murir', 'prete', 'en_cours', 'realisee', 'suspendue', 'abandonnee'),
  }),
  { minLength: 3, maxLength: 3 },
);

const rulesArb = fc
  .record({
    sendTime: time,
    daysBefore: fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 4 }),
    everyDays: fc.integer({ min: 1, max: 14 }),
    maxCount: fc.integer({ min: 1, max: 10 }),
    weekday: fc.integer({ min: 1, max: 5 }),
    moment: fc.constantFrom('fin_de_periode', 'debut_periode_suivante'),
  })
  .map((r) =>
    ReminderRules.parse({
      sendTime: r.sendTime,
      milestoneReminder: { daysBefore: r.daysBefore },
      milestoneOverdue: { everyDays: r.everyDays, maxCount: r.maxCount },
      actionCheckin: { weekday: r.weekday },
      indicatorCollection: { moment: r.moment },
      meetingAgenda: { daysBefore: r.daysBefore },
      communityDigest: { weekday: r.weekday },
    }),
  );

const inputArb: fc.Arbitrary<PlanRemindersInput> = dayIndex
  .chain((nowDay) =>
    fc.record({
      nowDay: fc.constant(nowDay),
      zone: fc.constantFrom('Europe/Paris', 'America/Cayenne', 'Indian/Reunion'),
      nowMinutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      horizonDays: fc.integer({ min: 0, max: 60 }),
      lookbackDays: fc.integer({ min: 0, max: 10 }),
      rules: rulesArb,
      chat: fc.boolean(),
      persons: fc.tuple(...PERSON_IDS.map((id) => personArb(id, addDays(BASE_DAY, nowDay)))),
      milestones: milestonesArb,
      actions: actionsArb,
      meetingDay: daysFromNow(-3, 40),
      meetingMinutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    }),
  )
  .map((g) => {
    const today = addDays(BASE_DAY, g.nowDay);
    const now = new Date(Date.parse(`${today}T00:00:00Z`) + g.nowMinutes * 60_000).toISOString();
    const actions: PlanningAction[] = g.actions.map((a, i) => ({
      id: `act_prop000${i}`,
      governanceId: GOV,
      status: a.status,
      ...(a.ownerId ? { ownerId: a.ownerId } : {}),
    }));
    const milestones: PlanningMilestone[] = g.milestones.map((m, i) => ({
      id: `mil_prop${String(i).padStart(4, '0')}`,
      governanceId: GOV,
      dueDate: addDays(today, m.due),
      status: m.status,
      ...(m.ownerId ? { ownerId: m.ownerId } : {}),
      ...(m.actionIndex === undefined ? {} : { actionId: `act_prop000${m.actionIndex}` }),
    }));
    return {
      governance: {
        id: GOV,
        timeZone: g.zone,
        roles: PERSON_IDS.slice(0, 2).map((personId) => ({
          personId,
          role: 'coordinateur' as const,
          since: '2023-01-01T00:00:00.000Z',
        })),
        ...(g.chat
          ? {
              chat: {
                platform: 'discord' as const,
                guildId: '100000000000000001',
                channelId: '100000000000000002',
                boundAt: '2023-01-01T00:00:00.000Z',
              },
            }
          : {}),
        reminderRules: g.rules,
      },
      now,
      horizonDays: g.horizonDays,
      lookbackDays: g.lookbackDays,
      milestones,
      actions,
      meetings: [
        {
          id: 'mtg_prop0001',
          governanceId: GOV,
          bodyId: 'bod_prop0001',
          startsAt: new Date(
            Date.parse(`${addDays(today, g.meetingDay)}T00:00:00Z`) + g.meetingMinutes * 60_000,
          ).toISOString(),
          status: 'prevue' as const,
        },
      ],
      bodies: [
        {
          id: 'bod_prop0001',
          members: PERSON_IDS.map((personId) => ({
            personId,
            position: 'membre' as const,
            since: '2023-01-01',
          })),
        },
      ],
      indicators: [
        {
          id: 'ind_prop0001',
          governanceId: GOV,
          method: { type: 'saisie' as const },
          periodicity: 'mensuelle' as const,
        },
      ],
      persons: [...g.persons],
    };
  });

// ---- properties -------------------------------------------------------------------------------

describe('planReminders, for any governance, people and milestones', () => {
  it('gives the same list when planned twice, from a copy of the input', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const copy = JSON.parse(JSON.stringify(input)) as PlanRemindersInput;
        expect(planReminders(copy)).toEqual(planReminders(input));
      }),
      { numRuns: 150 },
    );
  });

  it('yields unique keys, in order, due in the window and still useful', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const deliveries = planReminders(input);
        const keys = deliveries.map((d) => d.dedupeKey);
        expect(new Set(keys).size).toBe(keys.length);
        const order = deliveries.map((d) => `${d.dueAt} ${d.dedupeKey}`);
        expect(order).toEqual([...order].sort());
        const nowMs = Date.parse(input.now);
        for (const d of deliveries) {
          expect(d.dueAt < d.expiresAt).toBe(true);
          const due = Date.parse(d.dueAt);
          expect(due).toBeGreaterThanOrEqual(nowMs - (input.lookbackDays ?? 0) * 86_400_000);
          expect(due).toBeLessThanOrEqual(nowMs + (input.horizonDays ?? 0) * 86_400_000);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('reaches people only when they can be reached, and only when they accept it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const zone = input.governance.timeZone;
        const persons = new Map((input.persons ?? []).map((p) => [p.id, p]));
        for (const d of planReminders(input)) {
          if (d.recipient.type === 'channel') {
            expect(isWorkingDay(localDate(d.dueAt, zone))).toBe(true);
            continue;
          }
          const person = persons.get(d.recipient.personId);
          expect(person?.chatAccounts.length).toBeGreaterThan(0);
          expect(person?.erasedAt).toBeUndefined();
          if (!person) continue;
          const local = toLocal(d.dueAt, zone);
          const { pausedUntil, weekends, quietHours } = person.reminders;
          if (pausedUntil !== undefined) expect(local.date > pausedUntil).toBe(true);
          // Clock changes happen on Sundays: on working days, local wall time is exact.
          if (!weekends) {
            expect(isWorkingDay(local.date)).toBe(true);
            const from = minutesOf(quietHours.from);
            const to = minutesOf(quietHours.to);
            const quiet = from === to ? undefined : { from, to };
            expect(isQuiet(local.hour * 60 + local.minute, quiet)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
