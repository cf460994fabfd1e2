import type { Action } from './action.ts';
import type { Milestone } from './milestone.ts';
import type { Axis, Roadmap } from './roadmap.ts';
import type { Update } from './update.ts';

/**
 * Progress of actions and roadmaps, in percent (0–100), as Decidim's accountability module
 * computes it: a parent's progress is the weighted average of its children's.
 *
 * Zero weights: weights say how much a child counts *relative to its siblings*. When all of them
 * are 0 (someone set "0" everywhere, or nothing was weighted), there is no relative information
 * left, so every child counts the same (plain average) rather than the parent falling to 0.
 * Negative or non-numeric weights count as 0. With no child at all, progress is 0.
 */

/** What the progress of an action reads of it. */
export type ProgressAction = Pick<Action, 'id' | 'status'>;
/** What the progress of an action reads of a milestone. */
export type ProgressMilestone = Pick<Milestone, 'actionId' | 'status' | 'weight'>;
/** What the progress of an action reads of an update. */
export type ProgressUpdate = Pick<Update, 'subject' | 'createdAt' | 'progress'>;

/**
 * The progress of one action, 0–100:
 * - a `realisee` action is at 100, whatever its milestones say;
 * - otherwise, if it has milestones that are not cancelled, the weighted share of the reached
 *   (`atteint`) ones — postponed or late milestones count as not reached;
 * - otherwise, the `progress` of the latest update about this action that gives one;
 * - otherwise 0.
 *
 * `milestones` and `updates` may hold other actions' too: only this action's are read. An
 * abandoned action still gets a figure here (it shows where it stopped); roll-ups leave it out.
 *
 * @example
 * actionProgress({ id: 'act_bus00001', status: 'en_cours' }, [
 *   { actionId: 'act_bus00001', status: 'atteint', weight: 3 },
 *   { actionId: 'act_bus00001', status: 'a_venir', weight: 1 },
 * ]); // 75
 */
export function actionProgress(
  action: ProgressAction,
  milestones: readonly ProgressMilestone[],
  updates: readonly ProgressUpdate[] = [],
): number {
  if (action.status === 'realisee') return 100;
  let total = 0;
  let reached = 0;
  let count = 0;
  let reachedCount = 0;
  for (const milestone of milestones) {
    if (milestone.actionId !== action.id || milestone.status === 'annule') continue;
    const weight = positive(milestone.weight);
    const isReached = milestone.status === 'atteint';
    count++;
    total += weight;
    if (isReached) {
      reachedCount++;
      reached += weight;
    }
  }
  if (count > 0) {
    // All weights 0: every milestone counts the same (see the top of this file).
    const share = total > 0 ? reached / total : reachedCount / count;
    return clampPercent(share * 100);
  }

  let latest: ProgressUpdate | undefined;
  for (const update of updates) {
    if (update.subject.type !== 'action' || update.subject.id !== action.id) continue;
    if (update.progress === undefined || !Number.isFinite(update.progress)) continue;
    // On equal instants the later one in the list wins: lists come in recording order.
    if (!latest || update.createdAt >= latest.createdAt) latest = update;
  }
  return latest?.progress === undefined ? 0 : clampPercent(latest.progress);
}

/** The progress of one group of actions (the whole roadmap, or one axis). */
export interface GroupProgress {
  /** 0–100; 0 when the group has no counted action. */
  progress: number;
  /** Actions counted (abandoned ones left out). */
  actionCount: number;
  /** Sum of the counted actions' weights. */
  weight: number;
}

/** The progress of one axis of the roadmap; `axisId` is `null` for the "sans axe" bucket. */
export interface AxisProgress extends GroupProgress {
  axisId: string | null;
  code: string | null;
  title: string;
}

export interface RoadmapProgress {
  overall: GroupProgress;
  /** The roadmap's axes in their order, then "Sans axe" if some action has no known axis. */
  byAxis: AxisProgress[];
  /** Every action's own progress, abandoned ones included, by action id (plain object: JSON-ready). */
  byAction: Record<string, number>;
}

/** Title of the bucket of actions without an axis. */
export const NO_AXIS_TITLE = 'Sans axe';

export interface RoadmapProgressInput {
  roadmap: Pick<Roadmap, 'axes'>;
  actions: readonly Pick<Action, 'id' | 'status' | 'axisId' | 'weight'>[];
  milestones: readonly ProgressMilestone[];
  updates?: readonly ProgressUpdate[] | undefined;
}

/**
 * The progress of a roadmap: the weighted average (by action `weight`) of its actions' progress,
 * overall and by axis. Abandoned actions are left out: dropping an action must not drag the
 * roadmap down, nor keep it from reaching 100. Actions without an axis, or whose axis is no
 * longer in the roadmap, go to a "Sans axe" bucket, listed last and only when not empty. An axis
 * without any counted action is listed with progress 0 and `actionCount` 0.
 *
 * Runs in one pass over each list (milestones and updates are grouped by action first).
 *
 * @example
 * const { overall, byAxis } = roadmapProgress({ roadmap, actions, milestones, updates });
 * overall.progress; // 42.5
 * byAxis.map((a) => `${a.title} : ${Math.round(a.progress)} %`);
 */
export function roadmapProgress(input: RoadmapProgressInput): RoadmapProgress {
  const byAction = progressOfActions(input.actions, input.milestones, input.updates ?? []);
  const overall = new WeightedMean();
  const axes = [...input.roadmap.axes].sort(byPosition);
  const perAxis = new Map<string | null, WeightedMean>();
  for (const axis of axes) perAxis.set(axis.id, new WeightedMean());
  let unsorted: WeightedMean | undefined;

  for (const action of input.actions) {
    if (action.status === 'abandonnee') continue;
    const progress = byAction.get(action.id) ?? 0;
    overall.add(progress, action.weight);
    const bucket = action.axisId === undefined ? undefined : perAxis.get(action.axisId);
    if (bucket) {
      bucket.add(progress, action.weight);
    } else {
      unsorted ??= new WeightedMean();
      unsorted.add(progress, action.weight);
    }
  }

  const byAxis: AxisProgress[] = axes.map((axis) => ({
    axisId: axis.id,
    code: axis.code ?? null,
    title: axis.title,
    ...(perAxis.get(axis.id) ?? new WeightedMean()).result(),
  }));
  if (unsorted) {
    byAxis.push({ axisId: null, code: null, title: NO_AXIS_TITLE, ...unsorted.result() });
  }
  return { overall: overall.result(), byAxis, byAction: Object.fromEntries(byAction) };
}

/**
 * Every action's progress by id, grouping milestones and updates by action once so that a
 * roadmap of hundreds of actions costs one pass over each list.
 *
 * @example
 * progressOfActions(actions, milestones, updates).get('act_bus00001'); // 50
 */
export function progressOfActions(
  actions: readonly ProgressAction[],
  milestones: readonly ProgressMilestone[],
  updates: readonly ProgressUpdate[] = [],
): Map<string, number> {
  const milestonesByAction = groupBy(milestones, (m) => m.actionId);
  const updatesByAction = groupBy(updates, (u) =>
    u.subject.type === 'action' ? u.subject.id : undefined,
  );
  const result = new Map<string, number>();
  for (const action of actions) {
    result.set(
      action.id,
      actionProgress(
        action,
        milestonesByAction.get(action.id) ?? [],
        updatesByAction.get(action.id) ?? [],
      ),
    );
  }
  return result;
}

/**
 * A weighted mean that falls back to the plain mean when every weight is 0 (see the top of this
 * file) and always lands within 0–100.
 */
class WeightedMean {
  private weighted = 0;
  private weights = 0;
  private plain = 0;
  private count = 0;

  add(progress: number, weight: number): void {
    const p = clampPercent(progress);
    const w = positive(weight);
    this.weighted += p * w;
    this.weights += w;
    this.plain += p;
    this.count++;
  }

  result(): GroupProgress {
    if (this.count === 0) return { progress: 0, actionCount: 0, weight: 0 };
    const mean = this.weights > 0 ? this.weighted / this.weights : this.plain / this.count;
    return { progress: clampPercent(mean), actionCount: this.count, weight: this.weights };
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function byPosition(a: Axis, b: Axis): number {
  return a.position - b.position;
}

/** A weight that can be summed: negative, NaN or infinite weights count as 0. */
function positive(weight: number): number {
  return weight > 0 && Number.isFinite(weight) ? weight : 0;
}

/** Keeps a percentage within 0–100 (float sums may overshoot by a hair); NaN becomes 0. */
function clampPercent(value: number): number {
  if (!(value > 0)) return 0;
  return Math.min(value, 100);
}
