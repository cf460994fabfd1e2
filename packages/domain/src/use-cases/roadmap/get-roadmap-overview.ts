import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import type { Permission } from '../../governance/permissions.ts';
import { type Action, type ActionKind, ActionStatus } from '../../roadmap/action.ts';
import { type RoadmapHealth, roadmapHealth } from '../../roadmap/health.ts';
import { isLate } from '../../roadmap/milestone-state.ts';
import type { AxisProgress } from '../../roadmap/progress.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import type { VersionReason } from '../../roadmap/roadmap-version.ts';
import { idOf } from '../../shared/ids.ts';
import type { IsoDate } from '../../shared/time.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { allowed } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type PersonRef, personNames, personRef, personRefs } from '../names.ts';
import { readableRoadmap } from '../readable.ts';

export const GetRoadmapOverviewInput = z.object({
  roadmapId: idOf('roadmap'),
  /** Only the actions of this axis; `sans_axe` for those of no axis. */
  axisId: z.union([idOf('axis'), z.literal('sans_axe')]).optional(),
  status: ActionStatus.optional(),
  ownerId: idOf('person').optional(),
  /** Only the actions with at least one late milestone. */
  lateOnly: z.boolean().default(false),
});
export type GetRoadmapOverviewInput = z.input<typeof GetRoadmapOverviewInput>;

/** One action in the roadmap's tree. */
export interface OverviewAction {
  id: string;
  code: string;
  title: string;
  kind: ActionKind;
  status: Action['status'];
  owner: PersonRef | null;
  /** Its own progress, 0–100. */
  progress: number;
  weight: number;
  lateMilestoneCount: number;
  /** The next open milestone's due date, `null` when none is open. */
  nextDueDate: IsoDate | null;
}

/** An axis of the tree (`axisId` `null`: the actions of no axis) with the actions the filters keep. */
export interface OverviewAxis extends AxisProgress {
  actions: OverviewAction[];
}

export interface RoadmapOverview {
  governance: Governance;
  roadmap: Roadmap;
  health: RoadmapHealth;
  /** Axes in the roadmap's order, each with its weighted progress over all its actions. */
  axes: OverviewAxis[];
  /** How many actions the filters keep, over how many the roadmap has. */
  shown: number;
  total: number;
  /** The owners of the roadmap's actions, by name: the choices of the owner filter. */
  owners: PersonRef[];
  /** Who holds a role in the governance, by name: whom a new sheet may be given to. */
  members: PersonRef[];
  /** The frozen versions (adoption, revisions), the latest first, without their snapshots. */
  versions: { id: string; number: number; reason: VersionReason; takenAt: string }[];
  /** What the reader may do here: the page shows only the forms that will be accepted. */
  may: Record<Extract<Permission, 'roadmap.edit' | 'roadmap.adopt' | 'action.create'>, boolean>;
}

/**
 * A roadmap as its page shows it: axes → actions as a tree with weighted progress, filtered by
 * axis, status, owner or lateness; its adoption state and frozen versions. Progress per axis
 * always counts every action of the axis: filters choose what is listed, not what is measured.
 */
export async function getRoadmapOverview(
  ctx: UseCaseContext,
  input: unknown,
): Promise<RoadmapOverview> {
  const filters = validate(GetRoadmapOverviewInput, input);
  return ctx.store.transaction(async (repos) => {
    const roadmap = await readableRoadmap(ctx, repos, filters.roadmapId);
    const governance = await repos.governances.get(roadmap.governanceId);
    if (!governance) throw new Error(`Gouvernance ${roadmap.governanceId} absente`);
    const [actions, milestones, fundingLines, updates, versions] = await Promise.all([
      repos.actions.listByRoadmap(roadmap.id),
      repos.milestones.listByRoadmap(roadmap.id),
      repos.fundingLines.listByGovernance(roadmap.governanceId),
      repos.updates.listLatestProgress({ roadmapId: roadmap.id }),
      repos.roadmapVersions.listByRoadmap(roadmap.id),
    ]);
    const today = localDate(ctx.clock(), governance.timeZone);
    const health = roadmapHealth({ roadmap, actions, milestones, fundingLines, updates, today });
    const people = await personNames(repos, [
      ...actions.map((a) => a.ownerId),
      ...governance.roles.map((r) => r.personId),
    ]);

    const late = new Map<string, number>();
    const nextDue = new Map<string, IsoDate>();
    for (const m of milestones) {
      if (!m.actionId || m.status === 'atteint' || m.status === 'annule') continue;
      if (isLate(m, today)) late.set(m.actionId, (late.get(m.actionId) ?? 0) + 1);
      const next = nextDue.get(m.actionId);
      if (!next || m.dueDate < next) nextDue.set(m.actionId, m.dueDate);
    }
    const knownAxes = new Set(roadmap.axes.map((a) => a.id));
    const axisOf = (a: Action) => (a.axisId && knownAxes.has(a.axisId) ? a.axisId : null);
    const kept = actions
      .filter(
        (a) =>
          (filters.axisId === undefined ||
            (filters.axisId === 'sans_axe' ? axisOf(a) === null : axisOf(a) === filters.axisId)) &&
          (filters.status === undefined || a.status === filters.status) &&
          (filters.ownerId === undefined || a.ownerId === filters.ownerId) &&
          (!filters.lateOnly || (late.get(a.id) ?? 0) > 0),
      )
      .sort((a, b) => a.code.localeCompare(b.code, 'fr', { numeric: true }));

    const axes = health.progress.byAxis.map((axis) => ({
      ...axis,
      actions: kept
        .filter((a) => axisOf(a) === axis.axisId)
        .map((a) => ({
          id: a.id,
          code: a.code,
          title: a.title,
          kind: a.kind,
          status: a.status,
          owner: a.ownerId ? personRef(a.ownerId, people) : null,
          progress: health.progress.byAction[a.id] ?? 0,
          weight: a.weight,
          lateMilestoneCount: late.get(a.id) ?? 0,
          nextDueDate: nextDue.get(a.id) ?? null,
        })),
    }));
    const owners = personRefs(
      actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])),
      people,
    );
    const may = await allowed(
      ctx,
      repos,
      governance,
      ['roadmap.edit', 'roadmap.adopt', 'action.create'],
      {
        roadmap,
      },
    );
    return {
      governance,
      roadmap,
      health,
      axes,
      shown: kept.length,
      total: actions.length,
      owners,
      members: personRefs(
        governance.roles.map((r) => r.personId),
        people,
      ),
      versions: versions
        .map((v) => ({ id: v.id, number: v.number, reason: v.reason, takenAt: v.takenAt }))
        .sort((a, b) => b.number - a.number),
      may,
    };
  });
}
