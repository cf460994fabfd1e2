import { createStore, type Database } from '@maille/db';
import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { Action, Indicator, Measurement, Milestone, Update } from '@maille/domain';

/*
 * Three years of a governance's life on top of the demo's La Rochelle (issue 14): 200 actions,
 * 1 000 milestones, the updates asked for, and 50 000 measurements (11 monthly indicators over
 * 28 communes, several revisions each). Written through the repositories, a few thousand rows
 * per transaction: no HTTP call, no use case per row.
 */

const LR = DEMO_IDS.laRochelle;
const START = Date.parse('2023-11-01T08:00:00.000Z');
const END = Date.parse('2026-11-20T18:00:00.000Z');
const BATCH = 5000;

export const HISTORY = { actions: 200, milestones: 1000, measurements: 50_000 } as const;

export async function seedHistory(database: Database, updates: number): Promise<void> {
  const demo = buildDemoDataset();
  const baseAction = demo.actions.find((a) => a.id === 'act_lr0001') as Action;
  const baseMilestone = demo.milestones.find((m) => m.governanceId === LR.governance) as Milestone;
  const baseIndicator = demo.indicators.find((i) => i.id === 'ind_lractions') as Indicator;
  const owners = demo.persons.filter((p) => p.id.startsWith('per_lr')).map((p) => p.id);

  // Through the kernel's schemas, as a use case would store them.
  const actions = Array.from({ length: HISTORY.actions }, (_, i): Action => {
    const status = i % 10 === 0 ? 'realisee' : i % 17 === 0 ? 'abandonnee' : 'en_cours';
    return Action.parse({
      ...baseAction,
      id: `act_hist${pad(i)}`,
      code: `H${i + 1}`,
      title: `Action de l’historique n° ${i + 1}`,
      ownerId: owners[i % owners.length],
      status,
      budgetCents: 100_000 * (i % 7),
    });
  });
  const milestones = Array.from({ length: HISTORY.milestones }, (_, i): Milestone => {
    const due = new Date(START + ((END - START + 200 * 86_400_000) * i) / HISTORY.milestones);
    const dueDate = due.toISOString().slice(0, 10);
    // One past milestone in twenty-five is still open: late.
    const reached = due.getTime() < END && i % 25 !== 0;
    return Milestone.parse({
      ...baseMilestone,
      id: `mil_hist${pad(i)}`,
      actionId: (actions[i % actions.length] as Action).id,
      title: `Jalon n° ${i + 1}`,
      dueDate,
      ownerId: owners[(i * 3) % owners.length],
      ...(reached ? { status: 'atteint', completedOn: dueDate } : { status: 'a_venir' }),
    });
  });
  const indicators = Array.from(
    { length: 11 },
    (_, i): Indicator =>
      Indicator.parse({
        ...baseIndicator,
        id: `ind_hist${pad(i)}`,
        code: `historique_${i + 1}`,
        label: `Indicateur mensuel n° ${i + 1}`,
        periodicity: 'mensuelle',
        targets: [],
      }),
  );

  const store = createStore(database);
  await store.transaction(async (repos) => {
    for (const action of actions) await repos.actions.insert(action);
    for (const milestone of milestones) await repos.milestones.insert(milestone);
    for (const indicator of indicators) await repos.indicators.insert(indicator);
  });
  for (let from = 0; from < updates; from += BATCH) {
    await store.transaction(async (repos) => {
      for (let i = from; i < Math.min(updates, from + BATCH); i += 1) {
        await repos.updates.insert(update(i, updates, actions));
      }
    });
  }
  const values = measurements(indicators);
  for (let from = 0; from < values.length; from += BATCH) {
    await store.transaction(async (repos) => {
      for (const measurement of values.slice(from, from + BATCH)) {
        await repos.measurements.insert(measurement);
      }
    });
  }
}

function update(i: number, count: number, actions: readonly Action[]): Update {
  const action = actions[(i * 7) % actions.length] as Action;
  return Update.parse({
    id: `upd_hist${pad(i)}`,
    governanceId: LR.governance,
    subject: { type: 'action', id: action.id },
    authorId: action.ownerId ?? LR.coordinator,
    channel: i % 3 === 0 ? 'discord' : 'api',
    kind: 'avancement',
    text: `Point d’étape n° ${i + 1} sur ${action.code}.`,
    createdAt: new Date(START + ((END - START) * i) / count).toISOString(),
    ...(i % 2 === 0 ? { progress: i % 101 } : {}),
  });
}

/** 11 indicators × 28 communes × 36 months, revised until there are 50 000 values. */
function measurements(indicators: readonly Indicator[]): Measurement[] {
  const out: Measurement[] = [];
  for (let revision = 1; out.length < HISTORY.measurements; revision += 1) {
    for (const indicator of indicators) {
      for (let commune = 0; commune < 28; commune += 1) {
        for (let month = 0; month < 36 && out.length < HISTORY.measurements; month += 1) {
          const date = new Date(Date.UTC(2023, 11 + month, 1));
          out.push(
            Measurement.parse({
              id: `mes_hist${pad(out.length)}`,
              governanceId: LR.governance,
              indicatorId: indicator.id,
              territory: { level: 'commune', code: String(17_300 + commune) },
              period: date.toISOString().slice(0, 7),
              value: 10 * revision + commune,
              status: 'valide',
              revision,
              authorId: LR.coordinator,
              recordedAt: new Date(date.getTime() + revision * 86_400_000).toISOString(),
            }),
          );
        }
      }
    }
  }
  return out;
}

function pad(i: number): string {
  return String(i).padStart(6, '0');
}
