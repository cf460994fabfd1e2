import type { Governance } from '../../governance/governance.ts';
import type { Permission } from '../../governance/permissions.ts';
import type { Milestone } from '../../roadmap/milestone.ts';
import { Milestone as MilestoneSchema } from '../../roadmap/milestone.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, saveChange } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/**
 * The common path of every change to a milestone: load it with its action and roadmap, check the
 * permission and the version, apply `change` (which sees the governance, for its time zone),
 * write the new version and its audit event.
 */
export async function changeMilestone(
  ctx: UseCaseContext,
  repos: Repositories,
  request: {
    milestoneId: string;
    expectedVersion?: number | undefined;
    permission: Permission;
    auditAction: string;
  },
  change: (
    milestone: Milestone,
    governance: Governance,
  ) => Partial<Milestone> | Promise<Partial<Milestone>>,
): Promise<Milestone> {
  const before = await mustGet(repos.milestones, request.milestoneId, 'Jalon');
  const roadmap = await mustGet(repos.roadmaps, before.roadmapId, 'Feuille de route');
  const action = before.actionId ? await repos.actions.get(before.actionId) : undefined;
  const governance = await authorize(ctx, repos, request.permission, before.governanceId, {
    roadmap,
    milestone: before,
    ...(action ? { action } : {}),
    asked: ['Jalon', before.id],
  });
  checkVersion(before, request.expectedVersion);
  return saveChange(
    ctx,
    repos,
    { schema: MilestoneSchema, entity: 'milestone', repo: repos.milestones },
    {
      before,
      changes: await change(before, governance),
      action: request.auditAction,
    },
  );
}
