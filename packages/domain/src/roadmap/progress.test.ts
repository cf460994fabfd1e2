import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActionStatus, ActionStatus as ActionStatusSchema } from './action.ts';
import { MilestoneStatus, type MilestoneStatus as MilestoneStatusType } from './milestone.ts';
import {
  actionProgress,
  NO_AXIS_TITLE,
  type ProgressMilestone,
  type ProgressUpdate,
  progressOfActions,
  roadmapProgress,
} from './progress.ts';
import type { Axis } from './roadmap.ts';

const ACT = 'act_bus00001';

function ms(
  status: MilestoneStatusType,
  weight = 1,
  actionId: string | undefined = ACT,
): ProgressMilestone {
  return { actionId, status, weight };
}

function update(progress: number | undefined, createdAt: string, id = ACT): ProgressUpdate {
  return { subject: { type: 'action', id }, createdAt, progress };
}

function act(
  id: string,
  status: ActionStatus = 'en_cours',
  extra: { axisId?: string; weight?: number } = {},
) {
  return {
    id,
    status,
    weight: extra.weight ?? 1,
    ...(extra.axisId ? { axisId: extra.axisId } : {}),
  };
}

function axis(id: string, title: string, position: number): Axis {
  return { id, title, position };
}

describe('actionProgress', () => {
  it('is the weighted share of reached milestones', () => {
    const milestones = [ms('atteint', 3), ms('a_venir', 1)];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, milestones)).toBe(75);
  });

  it('leaves cancelled milestones out and counts postponed ones as not reached', () => {
    const milestones = [ms('atteint'), ms('reporte'), ms('annule', 10)];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, milestones)).toBe(50);
  });

  it('only reads the action’s own milestones', () => {
    const milestones = [
      ms('atteint'),
      ms('a_venir', 1, 'act_other001'),
      { ...ms('a_venir'), actionId: undefined },
    ];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, milestones)).toBe(100);
  });

  it('counts milestones equally when all their weights are 0', () => {
    const milestones = [ms('atteint', 0), ms('a_venir', 0), ms('a_venir', 0), ms('a_venir', 0)];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, milestones)).toBe(25);
  });

  it('falls back to the latest update giving a progress when there is no milestone', () => {
    const updates = [
      update(60, '2024-05-02T10:00:00.000Z'),
      update(20, '2024-04-01T10:00:00.000Z'),
      update(undefined, '2024-05-20T10:00:00.000Z'),
      update(90, '2024-06-01T10:00:00.000Z', 'act_other001'),
    ];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, [ms('annule')], updates)).toBe(60);
  });

  it('prefers milestones over an update’s figure', () => {
    const updates = [update(90, '2024-05-02T10:00:00.000Z')];
    expect(actionProgress({ id: ACT, status: 'en_cours' }, [ms('a_venir')], updates)).toBe(0);
  });

  it('is 0 with neither milestone nor figure, 100 once done', () => {
    expect(actionProgress({ id: ACT, status: 'prete' }, [])).toBe(0);
    expect(actionProgress({ id: ACT, status: 'realisee' }, [ms('a_venir')])).toBe(100);
  });
});

describe('roadmapProgress', () => {
  const axes = [axis('axe_apprendre', 'Apprendre', 2), axis('axe_cooperer', 'Coopérer', 1)];

  it('weights actions and groups them by axis, in the axes’ order, then “sans axe”', () => {
    const actions = [
      act('act_a0000001', 'realisee', { axisId: 'axe_cooperer', weight: 3 }), // 100
      act('act_a0000002', 'en_cours', { axisId: 'axe_cooperer', weight: 1 }), // 0
      act('act_a0000003', 'realisee', { axisId: 'axe_apprendre' }), // 100
      act('act_a0000004', 'a_murir'), // 0, no axis
      act('act_a0000005', 'en_cours', { axisId: 'axe_disparu' }), // 0, unknown axis
    ];
    const result = roadmapProgress({ roadmap: { axes }, actions, milestones: [] });
    expect(result.overall).toEqual({ progress: 400 / 7, actionCount: 5, weight: 7 });
    expect(result.byAxis).toEqual([
      {
        axisId: 'axe_cooperer',
        code: null,
        title: 'Coopérer',
        progress: 75,
        actionCount: 2,
        weight: 4,
      },
      {
        axisId: 'axe_apprendre',
        code: null,
        title: 'Apprendre',
        progress: 100,
        actionCount: 1,
        weight: 1,
      },
      { axisId: null, code: null, title: NO_AXIS_TITLE, progress: 0, actionCount: 2, weight: 2 },
    ]);
  });

  it('leaves abandoned actions out of the roll-up', () => {
    const actions = [
      act('act_a0000001', 'realisee'),
      act('act_a0000002', 'abandonnee', { weight: 50 }),
    ];
    const result = roadmapProgress({ roadmap: { axes: [] }, actions, milestones: [] });
    expect(result.overall.progress).toBe(100);
    expect(result.overall.actionCount).toBe(1);
    // …but still says where the abandoned one stopped.
    expect(result.byAction.act_a0000002).toBe(0);
  });

  it('lists an axis without action at 0 and no “sans axe” bucket when every action has an axis', () => {
    const actions = [act('act_a0000001', 'realisee', { axisId: 'axe_cooperer' })];
    const { byAxis } = roadmapProgress({ roadmap: { axes }, actions, milestones: [] });
    expect(byAxis.map((a) => [a.title, a.progress, a.actionCount])).toEqual([
      ['Coopérer', 100, 1],
      ['Apprendre', 0, 0],
    ]);
  });

  it('takes the plain average when every action weighs 0, and 0 for an empty roadmap', () => {
    const actions = [
      act('act_a0000001', 'realisee', { weight: 0 }),
      act('act_a0000002', 'a_murir', { weight: 0 }),
    ];
    expect(
      roadmapProgress({ roadmap: { axes: [] }, actions, milestones: [] }).overall.progress,
    ).toBe(50);
    expect(roadmapProgress({ roadmap: { axes: [] }, actions: [], milestones: [] }).overall).toEqual(
      {
        progress: 0,
        actionCount: 0,
        weight: 0,
      },
    );
  });

  it('reads milestones and updates of each action', () => {
    const actions = [act('act_a0000001'), act('act_a0000002')];
    const milestones = [ms('atteint', 1, 'act_a0000001'), ms('a_venir', 1, 'act_a0000001')];
    const updates = [update(30, '2024-05-01T00:00:00.000Z', 'act_a0000002')];
    const byAction = progressOfActions(actions, milestones, updates);
    expect(byAction.get('act_a0000001')).toBe(50);
    expect(byAction.get('act_a0000002')).toBe(30);
    expect(
      roadmapProgress({ roadmap: { axes: [] }, actions, milestones, updates }).overall.progress,
    ).toBe(40);
  });

  it('stays within 0–100 for arbitrary weights, statuses and figures', () => {
    const ids = ['act_a0000001', 'act_a0000002', 'act_a0000003'];
    const weight = fc.oneof(
      fc.constant(0),
      fc.double({ noNaN: false }),
      fc.double({ min: 0, max: 100 }),
    );
    const progress = fc.oneof(fc.constant(undefined), fc.double(), fc.double({ min: 0, max: 100 }));
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.constantFrom(...ids),
            status: fc.constantFrom(...ActionStatusSchema.options),
            weight,
            axisId: fc.constantFrom('axe_cooperer', 'axe_apprendre', 'axe_inconnu1'),
          }),
          { maxLength: 8 },
        ),
        fc.array(
          fc.record({
            actionId: fc.constantFrom(...ids, undefined),
            status: fc.constantFrom(...MilestoneStatus.options),
            weight,
          }),
          { maxLength: 20 },
        ),
        fc.array(
          fc.record({
            subject: fc.record({
              type: fc.constant('action' as const),
              id: fc.constantFrom(...ids),
            }),
            createdAt: fc.constantFrom('2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'),
            progress,
          }),
          { maxLength: 6 },
        ),
        (actions, milestones, updates) => {
          const result = roadmapProgress({ roadmap: { axes }, actions, milestones, updates });
          const all = [
            result.overall.progress,
            ...result.byAxis.map((a) => a.progress),
            ...Object.values(result.byAction),
          ];
          for (const value of all) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        },
      ),
    );
  });
});
