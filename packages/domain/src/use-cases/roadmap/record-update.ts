import type { Permission } from '../../governance/permissions.ts';
import type { Action } from '../../roadmap/action.ts';
import type { Milestone } from '../../roadmap/milestone.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import {
  Update,
  UpdateInput,
  type UpdateSubject,
  updateSubjectLabels,
} from '../../roadmap/update.ts';
import { ValidationError } from '../../shared/errors.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { changeMilestone } from './milestone-change.ts';
import { moveAction } from './transition-action.ts';

export { UpdateInput as RecordUpdateInput };

/**
 * Posts a progress note (« point d'étape ») on an action, a milestone, a roadmap or the
 * governance, from any channel. When it carries a status change (`actionStatus`, or
 * `milestoneStatus` « atteint » / « annulé »), the change and the note commit together.
 */
export async function recordUpdate(ctx: UseCaseContext, input: unknown): Promise<Update> {
  const fields = validate(UpdateInput, input);
  const authorId = actingPersonId(ctx);
  checkCarriedStatus(fields);
  return ctx.store.transaction(async (repos) => {
    const target = await resolveSubject(repos, fields.subject);
    const asked = [updateSubjectLabels[fields.subject.type], fields.subject.id] as const;
    await authorize(ctx, repos, 'update.create', target.governanceId, { ...target, asked });
    // A progress figure moves the action's progress in every report: only those who carry the
    // subject may give one; anyone of the governance may still comment.
    if (fields.progress !== undefined) {
      const carries = PROGRESS_PERMISSION[fields.subject.type];
      await authorize(ctx, repos, carries, target.governanceId, { ...target, asked });
    }
    if (fields.actionStatus && target.action && fields.actionStatus !== target.action.status) {
      await moveAction(ctx, repos, target.action, { to: fields.actionStatus, reason: fields.text });
    }
    if (
      fields.milestoneStatus &&
      target.milestone &&
      fields.milestoneStatus !== target.milestone.status
    ) {
      const status = fields.milestoneStatus;
      await changeMilestone(
        ctx,
        repos,
        {
          milestoneId: target.milestone.id,
          permission: status === 'atteint' ? 'milestone.complete' : 'milestone.edit',
          auditAction: status === 'atteint' ? 'complete' : 'cancel',
        },
        (_, governance) =>
          status === 'atteint'
            ? { status, completedOn: localDate(ctx.clock(), governance.timeZone) }
            : { status },
      );
    }
    const update = validate(Update, {
      ...fields,
      id: ctx.ids('update'),
      governanceId: target.governanceId,
      authorId,
      channel: ctx.actor.channel,
      createdAt: ctx.clock(),
    });
    await repos.updates.insert(update);
    await recordAudit(ctx, repos, {
      entity: 'update',
      entityId: update.id,
      governanceId: update.governanceId,
      action: 'create',
      after: { subject: update.subject, kind: update.kind },
    });
    return update;
  });
}

const PROGRESS_PERMISSION: Record<UpdateSubject['type'], Permission> = {
  action: 'action.edit',
  milestone: 'milestone.progress',
  roadmap: 'roadmap.edit',
  governance: 'governance.manage',
};

function checkCarriedStatus(fields: UpdateInput & { subject: UpdateSubject }): void {
  if (fields.actionStatus && fields.subject.type !== 'action') {
    throw new ValidationError([
      { path: ['actionStatus'], message: 'Un statut d’action ne s’applique qu’à une action.' },
    ]);
  }
  if (fields.milestoneStatus && fields.subject.type !== 'milestone') {
    throw new ValidationError([
      { path: ['milestoneStatus'], message: 'Un statut de jalon ne s’applique qu’à un jalon.' },
    ]);
  }
  if (fields.milestoneStatus === 'reporte' || fields.milestoneStatus === 'a_venir') {
    throw new ValidationError([
      {
        path: ['milestoneStatus'],
        message: 'Pour reporter un jalon, indiquez la nouvelle date (report de jalon).',
      },
    ]);
  }
}

/** The governance an update's subject belongs to, with what the permission rules need. */
export async function resolveSubject(
  repos: Repositories,
  subject: UpdateSubject,
): Promise<{ governanceId: string; roadmap?: Roadmap; action?: Action; milestone?: Milestone }> {
  switch (subject.type) {
    case 'governance':
      return { governanceId: (await mustGet(repos.governances, subject.id, 'Gouvernance')).id };
    case 'roadmap': {
      const roadmap = await mustGet(repos.roadmaps, subject.id, 'Feuille de route');
      return { governanceId: roadmap.governanceId, roadmap };
    }
    case 'action': {
      const action = await mustGet(repos.actions, subject.id, 'Action');
      const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
      return { governanceId: action.governanceId, roadmap, action };
    }
    case 'milestone': {
      const milestone = await mustGet(repos.milestones, subject.id, 'Jalon');
      const roadmap = await mustGet(repos.roadmaps, milestone.roadmapId, 'Feuille de route');
      const action = milestone.actionId ? await repos.actions.get(milestone.actionId) : undefined;
      return {
        governanceId: milestone.governanceId,
        roadmap,
        milestone,
        ...(action ? { action } : {}),
      };
    }
  }
}
