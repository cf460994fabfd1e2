import { buildDemoDataset, DEMO_IDS, seedDemo } from '@maille/demo';
import type { Action, Measurement, Update } from '@maille/domain';
import {
  getActionSheet,
  getGovernanceDashboard,
  getIndicatorSeries,
  getRoadmapHealth,
  listMyWork,
  type Repositories,
  type Store,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, kernelAt, openTestDatabase, type TestDatabase } from './dialects.ts';

// The read models read only what they show (the latest progress of each action, the last updates,
// the values of the periods judged, the open milestones, a person's own governances). Here each is computed twice over the
// same database: through those bounded ports, and through ports that hand the kernel's pure
// rules the whole history, as the read models did before. The answers must be the same.

const NOW = '2026-11-24T09:00:00.000Z';
const demo = buildDemoDataset();
const LR = DEMO_IDS.laRochelle;

/** An action of La Rochelle without milestones: its progress is its latest update's. */
function actionWithoutMilestones(): Action {
  const base = demo.actions.find((a) => a.governanceId === LR.governance);
  if (!base) throw new Error('the demo should have actions in La Rochelle');
  return { ...base, id: 'act_histsansjalon', code: 'Z9', status: 'en_cours', version: 1 };
}

/** Three years of updates about La Rochelle's actions, milestones and roadmap, some sharing an instant. */
function history(): Update[] {
  const actions = [
    actionWithoutMilestones(),
    ...demo.actions.filter((a) => a.governanceId === LR.governance),
  ];
  const milestones = demo.milestones.filter((m) => m.governanceId === LR.governance);
  const start = Date.parse('2023-12-01T08:00:00.000Z');
  const step = (Date.parse(NOW) - start) / 600;
  const tied = (id: string, progress: number): Update => ({
    id,
    governanceId: LR.governance,
    subject: { type: 'action', id: 'act_histsansjalon' },
    authorId: LR.coordinator,
    channel: 'discord',
    kind: 'avancement',
    text: `Avancement à ${progress} %`,
    createdAt: '2026-11-23T18:00:00.000Z',
    progress,
  });
  const lastTwo = [tied('upd_histtie0002', 70), tied('upd_histtie0001', 30)];
  const series = Array.from({ length: 600 }, (_, i): Update => {
    // Every seventh update shares the instant and subject of the one before: ties go by id.
    const k = i % 7 === 6 ? i - 1 : i;
    const subject =
      k % 5 === 4
        ? { type: 'milestone' as const, id: pick(milestones, k).id }
        : k % 11 === 10
          ? { type: 'roadmap' as const, id: LR.roadmap }
          : { type: 'action' as const, id: pick(actions, k).id };
    const at = new Date(start + step * k).toISOString();
    return {
      id: `upd_hist${String(i).padStart(4, '0')}`,
      governanceId: LR.governance,
      subject,
      authorId: LR.coordinator,
      channel: 'api',
      kind: 'avancement',
      text: `Point d’étape n° ${i}`,
      createdAt: at,
      ...(i % 3 === 0 || i % 7 >= 5 ? { progress: (i * 7) % 101 } : {}),
    };
  });
  return [...series, ...lastTwo];
}

function pick<T>(list: readonly T[], i: number): T {
  const item = list[i % list.length];
  if (item === undefined) throw new Error('the demo should have what the history is about');
  return item;
}

/** Quarterly values of La Rochelle since 2023, each corrected twice. */
function revisions(): Measurement[] {
  const base = demo.measurements.find((m) => m.indicatorId === 'ind_lractions');
  if (!base) throw new Error('the demo should measure ind_lractions');
  const out: Measurement[] = [];
  for (const year of [2023, 2024, 2025, 2026]) {
    for (const quarter of [1, 2, 3, 4]) {
      for (const revision of [3, 4]) {
        out.push({
          ...base,
          id: `mes_hist${year}t${quarter}r${revision}`,
          period: `${year}-T${quarter}`,
          value: year + quarter * 10 + revision,
          status: revision === 4 && quarter === 4 ? 'provisoire' : 'valide',
          revision,
          recordedAt: `${year}-0${quarter * 2}-15T10:00:00.000Z`,
        });
      }
    }
  }
  return out;
}

/** The same store, its bounded reads replaced by the whole history of what they bound. */
function wholeHistory(store: Store): Store {
  return {
    transaction: (work) =>
      store.transaction((repos) => {
        const { updates, measurements, milestones, governances } = repos;
        const everything: Repositories = {
          ...repos,
          // What a person's pages did: every governance of the instance, the kernel picking.
          governances: { ...governances, listTakenPartIn: () => governances.list() },
          updates: {
            ...updates,
            listLatestProgress: async (scope) => {
              const governanceId =
                'governanceId' in scope
                  ? scope.governanceId
                  : 'roadmapId' in scope
                    ? (await repos.roadmaps.get(scope.roadmapId))?.governanceId
                    : (await repos.actions.get(scope.actionId))?.governanceId;
              return governanceId ? updates.listByGovernance(governanceId) : [];
            },
            // What the sheet did: every update of each subject, the newest kept.
            listLatestAbout: async (subjects, limit) =>
              (await Promise.all(subjects.map((subject) => updates.listBySubject(subject))))
                .flat()
                .sort((a, b) =>
                  a.createdAt === b.createdAt
                    ? b.id.localeCompare(a.id)
                    : b.createdAt.localeCompare(a.createdAt),
                )
                .slice(0, limit),
            // What the dashboard did: every update, sorted newest first, the first few kept.
            listLatest: async (governanceId, limit) =>
              (await updates.listByGovernance(governanceId))
                .sort((a, b) =>
                  a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
                )
                .slice(0, limit),
            listRecordedBetween: (governanceId) => updates.listByGovernance(governanceId),
          },
          measurements: {
            ...measurements,
            listCurrentInPeriods: (governanceId) => measurements.listByGovernance(governanceId),
            listCurrentByIndicator: (indicatorId) => measurements.listByIndicator(indicatorId),
          },
          milestones: {
            ...milestones,
            listOpenDueBefore: (governanceId) => milestones.listByGovernance(governanceId),
          },
        };
        return work(everything);
      }),
  };
}

describe.each(DIALECTS)('read models over a long history on %s', (dialect) => {
  let test: TestDatabase;
  let bounded: UseCaseContext;
  let whole: UseCaseContext;

  /** Both answers to the same read, bounded first. */
  async function both<T>(read: (ctx: UseCaseContext) => Promise<T>): Promise<[T, T]> {
    return [await read(bounded), await read(whole)];
  }

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    await createStore(test.database).transaction(async (repos) => {
      await repos.actions.insert(actionWithoutMilestones());
      for (const update of history()) await repos.updates.insert(update);
      for (const measurement of revisions()) await repos.measurements.insert(measurement);
    });
    bounded = kernelAt(test.database, NOW);
    whole = { ...bounded, store: wholeHistory(bounded.store) };
  });
  afterAll(() => test.drop());

  it('gives each governance the same dashboard as its whole history', async () => {
    for (const governance of demo.governances) {
      for (const recentUpdates of [1, 10, 100]) {
        const [shown, expected] = await both((ctx) =>
          getGovernanceDashboard(ctx, { governanceId: governance.id, recentUpdates }),
        );
        expect(shown).toEqual(expected);
      }
    }
    const dashboard = await getGovernanceDashboard(bounded, { governanceId: LR.governance });
    expect(dashboard.recentUpdates).toHaveLength(10);
    expect(dashboard.recentUpdates.map((u) => u.text).slice(0, 3)).toEqual([
      'Avancement à 30 %',
      'Avancement à 70 %',
      'Point d’étape n° 599',
    ]);
    const actions = dashboard.indicators.find((i) => i.indicator.id === 'ind_lractions');
    expect(actions).toMatchObject({ period: '2026-T4', value: 2026 + 40 + 4, provisional: true });
  });

  it('gives each roadmap the same health as its whole history', async () => {
    for (const roadmap of demo.roadmaps) {
      const [shown, expected] = await both((ctx) =>
        getRoadmapHealth(ctx, { roadmapId: roadmap.id }),
      );
      expect(shown).toEqual(expected);
    }
    // The action without milestones shows its latest update's progress; of two recorded at the
    // same instant, the one recorded last (the greatest id).
    const { health } = await getRoadmapHealth(bounded, { roadmapId: LR.roadmap });
    expect(health.progress.byAction.act_histsansjalon).toBe(70);
  });

  it('gives each action sheet the same timeline and progress as its whole history', async () => {
    const actions = [...demo.actions.map((a) => a.id), 'act_histsansjalon'];
    for (const actionId of actions) {
      for (const updates of [1, 50]) {
        const [shown, expected] = await both((ctx) => getActionSheet(ctx, { actionId, updates }));
        expect(shown).toEqual(expected);
      }
    }
    const sheet = await getActionSheet(bounded, { actionId: 'act_histsansjalon', updates: 3 });
    expect(sheet.progress).toBe(70);
    expect(sheet.updates).toHaveLength(3);
  });

  it('gives each indicator the same series as every revision of its values', async () => {
    for (const indicator of demo.indicators) {
      const [shown, expected] = await both((ctx) =>
        getIndicatorSeries(ctx, { indicatorId: indicator.id }),
      );
      expect(shown).toEqual(expected);
    }
    const [yearly, expected] = await both((ctx) =>
      getIndicatorSeries(ctx, { indicatorId: 'ind_lractions', periodicity: 'annuelle' }),
    );
    expect(yearly).toEqual(expected);
    const series = await getIndicatorSeries(bounded, { indicatorId: 'ind_lractions' });
    const t2 = series.periods.find((p) => p.period === '2024-T2');
    expect(t2?.points.map((p) => p.value)).toEqual([2024 + 20 + 4]);
  });

  it('lists the same milestones to each person (/jalons, /point) as all the milestones did', async () => {
    const people = new Set(
      [...demo.milestones.map((m) => m.ownerId), ...demo.actions.map((a) => a.ownerId)].filter(
        (id): id is string => id !== undefined,
      ),
    );
    expect(people.size).toBeGreaterThan(1);
    let listed = 0;
    for (const personId of people) {
      const as = (ctx: UseCaseContext): UseCaseContext => ({
        ...ctx,
        actor: { personId, channel: 'discord' },
      });
      for (const horizonDays of [0, 30, 366]) {
        const [shown, expected] = await both((ctx) => listMyWork(as(ctx), { horizonDays }));
        expect(shown).toEqual(expected);
        listed += shown.reduce((sum, entry) => sum + entry.milestones.length, 0);
      }
    }
    expect(listed).toBeGreaterThan(0);
  });
});
