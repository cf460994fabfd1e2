import { z } from 'zod';
import type { Organization } from '../../actors/organization.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Permission } from '../../governance/permissions.ts';
import type { Action, ActionStatus } from '../../roadmap/action.ts';
import { allowedActionTransitions } from '../../roadmap/action-status.ts';
import type { FundingLine } from '../../roadmap/funding-line.ts';
import type { Milestone } from '../../roadmap/milestone.ts';
import { type MilestoneState, milestoneState } from '../../roadmap/milestone-state.ts';
import { actionProgress } from '../../roadmap/progress.ts';
import type { Axis, Roadmap } from '../../roadmap/roadmap.ts';
import type { Update } from '../../roadmap/update.ts';
import { idOf } from '../../shared/ids.ts';
import type { IsoDate } from '../../shared/time.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { allowed } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type PersonRef, personNames, personRef, personRefs } from '../names.ts';
import { readableAction } from '../readable.ts';

export const GetActionSheetInput = z.object({
  actionId: idOf('action'),
  /** How many of the latest updates the timeline shows. */
  updates: z.number().int().min(1).max(200).default(50),
});
export type GetActionSheetInput = z.input<typeof GetActionSheetInput>;

type MilestonePermission = Extract<
  Permission,
  'milestone.complete' | 'milestone.reschedule' | 'milestone.edit' | 'update.create'
>;

export interface SheetMilestone {
  milestone: Milestone;
  state: MilestoneState;
  owner: PersonRef | null;
  may: Record<MilestonePermission, boolean>;
}

export interface SheetUpdate {
  update: Update;
  author: PersonRef;
  /** The milestone it was posted on, `null` for one posted on the action itself. */
  milestoneTitle: string | null;
}

export interface ActionSheet {
  governance: Governance;
  roadmap: Pick<Roadmap, 'id' | 'title' | 'status' | 'axes'>;
  action: Action;
  axis: Axis | null;
  owner: PersonRef | null;
  leads: Pick<Organization, 'id' | 'name'>[];
  partners: Pick<Organization, 'id' | 'name'>[];
  /**
   * The organizations a funding line may name as its funder: the governance's, and any one a line
   * of the sheet already names, by name.
   */
  funders: Pick<Organization, 'id' | 'name'>[];
  today: IsoDate;
  /** 0–100, as the roadmap's progress counts it. */
  progress: number;
  /** By due date. */
  milestones: SheetMilestone[];
  fundingLines: FundingLine[];
  /** Who moved the funding lines' statuses (`statusHistory[].by`), by name. */
  fundingAuthors: PersonRef[];
  /** The latest updates on the action and its milestones, newest first. */
  updates: SheetUpdate[];
  /** Who holds a role in the governance, by name: whom the sheet may be given to. */
  members: PersonRef[];
  /** The statuses the action may move to from its current one. */
  nextStatuses: readonly ActionStatus[];
  may: Record<
    Extract<
      Permission,
      'action.edit' | 'action.transition' | 'update.create' | 'milestone.edit' | 'funding.edit'
    >,
    boolean
  >;
}

/**
 * A fiche-action as its page shows it: the sheet, who carries it, its milestones with their
 * state today, its funding lines, the timeline of its updates, and what the reader may do.
 */
export async function getActionSheet(ctx: UseCaseContext, input: unknown): Promise<ActionSheet> {
  const { actionId, updates: updateCount } = validate(GetActionSheetInput, input);
  return ctx.store.transaction(async (repos) => {
    const action = await readableAction(ctx, repos, actionId);
    const [governance, roadmap, milestones, fundingLines, progressUpdates] = await Promise.all([
      repos.governances.get(action.governanceId),
      repos.roadmaps.get(action.roadmapId),
      repos.milestones.listByAction(action.id),
      repos.fundingLines.listByAction(action.id),
      repos.updates.listLatestProgress({ actionId: action.id }),
    ]);
    if (!governance || !roadmap) throw new Error(`Action ${action.id} sans gouvernance`);
    // Only the updates the timeline shows, of the action and its milestones, in one read.
    const timeline = await repos.updates.listLatestAbout(
      [
        { type: 'action', id: action.id },
        ...milestones.map((m) => ({ type: 'milestone' as const, id: m.id })),
      ],
      updateCount,
    );
    const funderIds = [
      ...new Set([
        ...governance.organizations.map((o) => o.organizationId),
        ...fundingLines.flatMap((line) =>
          line.funderOrganizationId ? [line.funderOrganizationId] : [],
        ),
      ]),
    ];
    const organizations = await repos.organizations.getMany([
      ...new Set([...action.leadOrganizationIds, ...action.partnerOrganizationIds, ...funderIds]),
    ]);
    const named = (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const o = organizations.find((org) => org.id === id);
        return o ? [{ id: o.id, name: o.name }] : [];
      });
    const statusAuthors = fundingLines.flatMap((line) =>
      line.statusHistory.flatMap((change) => (change.by ? [change.by] : [])),
    );
    const people = await personNames(repos, [
      action.ownerId,
      ...milestones.map((m) => m.ownerId),
      ...timeline.map((u) => u.authorId),
      ...governance.roles.map((r) => r.personId),
      ...statusAuthors,
    ]);
    const today = localDate(ctx.clock(), governance.timeZone);
    const titles = new Map(milestones.map((m) => [m.id, m.title]));
    const sorted = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    return {
      governance,
      roadmap: { id: roadmap.id, title: roadmap.title, status: roadmap.status, axes: roadmap.axes },
      action,
      axis: roadmap.axes.find((a) => a.id === action.axisId) ?? null,
      owner: action.ownerId ? personRef(action.ownerId, people) : null,
      leads: named(action.leadOrganizationIds),
      partners: named(action.partnerOrganizationIds),
      funders: named(funderIds).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      today,
      progress: actionProgress(action, milestones, progressUpdates),
      milestones: await Promise.all(
        sorted.map(async (milestone) => ({
          milestone,
          state: milestoneState(milestone, today),
          owner: milestone.ownerId ? personRef(milestone.ownerId, people) : null,
          may: await allowed(
            ctx,
            repos,
            governance,
            // `update.create` on the milestone itself: its owner may answer its reminder on the
            // sheet even when they hold no role on the action (someone entered only for it).
            ['milestone.complete', 'milestone.reschedule', 'milestone.edit', 'update.create'],
            { roadmap, action, milestone },
          ),
        })),
      ),
      fundingLines,
      fundingAuthors: personRefs(statusAuthors, people),
      updates: timeline.map((update) => ({
        update,
        author: personRef(update.authorId, people),
        milestoneTitle:
          update.subject.type === 'milestone' ? (titles.get(update.subject.id) ?? null) : null,
      })),
      members: personRefs(
        governance.roles.map((r) => r.personId),
        people,
      ),
      nextStatuses: allowedActionTransitions(action.status),
      may: await allowed(
        ctx,
        repos,
        governance,
        ['action.edit', 'action.transition', 'update.create', 'milestone.edit', 'funding.edit'],
        { roadmap, action },
      ),
    };
  });
}
