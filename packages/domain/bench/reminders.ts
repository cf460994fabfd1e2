import { type BenchRow, formatMs, measure } from '@maille/bench';
import { DEFAULT_REMINDER_PREFERENCES } from '../src/people/person.ts';
import type { PlanRemindersInput } from '../src/reminders/plan.ts';
import { planReminders } from '../src/reminders/plan.ts';
import { DEFAULT_REMINDER_RULES } from '../src/reminders/rules.ts';
import { addDays } from '../src/shared/time.ts';

/**
 * Reminder planning at national scale: 1 250 governances (every EPCI and département of France,
 * roughly) with 80 milestones each, 100 000 milestones in all, planned over the default 30-day
 * horizon. Data is generated once, deterministically; only the planning is measured.
 */

const GOVERNANCES = 1_250;
const MILESTONES_PER_GOVERNANCE = 80;
const PERSONS_PER_GOVERNANCE = 20;
const ACTIONS_PER_GOVERNANCE = 12;
const NOW = '2024-05-02T06:00:00.000Z';
const TODAY = '2024-05-02';
const OVERSEAS = ['America/Cayenne', 'Indian/Reunion', 'America/Martinique', 'Indian/Mayotte'];
const STATUSES = ['a_venir', 'a_venir', 'a_venir', 'reporte', 'atteint', 'annule'] as const;

/** A small linear congruential generator: the same data on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const id = (prefix: string, n: number) => `${prefix}_${String(n).padStart(8, '0')}`;

function nationalInputs(): PlanRemindersInput[] {
  const random = generator(2024);
  const pick = (n: number) => Math.floor(random() * n);
  const inputs: PlanRemindersInput[] = [];
  for (let g = 0; g < GOVERNANCES; g++) {
    const governanceId = id('gov', g);
    const personIds = Array.from({ length: PERSONS_PER_GOVERNANCE }, (_, p) =>
      id('per', g * PERSONS_PER_GOVERNANCE + p),
    );
    const persons = personIds.map((personId, p) => ({
      id: personId,
      reminders:
        p % 5 === 0
          ? { ...DEFAULT_REMINDER_PREFERENCES, quietHours: { from: '18:00', to: '09:30' } }
          : p % 7 === 0
            ? { ...DEFAULT_REMINDER_PREFERENCES, pausedUntil: addDays(TODAY, 10) }
            : DEFAULT_REMINDER_PREFERENCES,
      chatAccounts:
        p % 10 === 9
          ? []
          : [{ platform: 'discord' as const, userId: '100000000000000001', linkedAt: NOW }],
    }));
    const actions = Array.from({ length: ACTIONS_PER_GOVERNANCE }, (_, a) => ({
      id: id('act', g * ACTIONS_PER_GOVERNANCE + a),
      governanceId,
      ownerId: personIds[pick(PERSONS_PER_GOVERNANCE)] ?? '',
      status: a % 4 === 3 ? ('prete' as const) : ('en_cours' as const),
    }));
    const milestones = Array.from({ length: MILESTONES_PER_GOVERNANCE }, (_, m) => {
      const owner = m % 6 === 5 ? undefined : personIds[pick(PERSONS_PER_GOVERNANCE)];
      return {
        id: id('mil', g * MILESTONES_PER_GOVERNANCE + m),
        governanceId,
        actionId: actions[m % ACTIONS_PER_GOVERNANCE]?.id ?? '',
        // A two-year roadmap around today: most milestones are outside the window.
        dueDate: addDays(TODAY, pick(730) - 365),
        status: STATUSES[pick(STATUSES.length)] ?? 'a_venir',
        ...(owner ? { ownerId: owner } : {}),
      };
    });
    inputs.push({
      governance: {
        id: governanceId,
        timeZone:
          g % 25 === 0 ? (OVERSEAS[(g / 25) % OVERSEAS.length] ?? 'Europe/Paris') : 'Europe/Paris',
        roles: [{ personId: personIds[0] ?? '', role: 'coordinateur', since: NOW }],
        chat: {
          platform: 'discord',
          guildId: '100000000000000001',
          channelId: '100000000000000002',
          boundAt: NOW,
        },
        reminderRules: DEFAULT_REMINDER_RULES,
      },
      now: NOW,
      milestones,
      actions,
      persons,
    });
  }
  return inputs;
}

/** Plans the reminders of 100 000 milestones; the target is under a second. */
export function benchReminders(): BenchRow[] {
  const inputs = nationalInputs();
  let planned = 0;
  const timing = measure(
    () => {
      planned = 0;
      for (const input of inputs) planned += planReminders(input).length;
    },
    { runs: 7, warmup: 2 },
  );
  if (planned === 0) throw new Error('The benchmark planned nothing: its data is wrong.');
  return [
    {
      what: 'Planifier les rappels de 100 000 jalons',
      result: formatMs(timing.medianMs),
      target: '< 1 s',
      met: timing.medianMs < 1000,
    },
  ];
}
