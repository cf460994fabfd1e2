import { z } from 'zod';
import type { DecidedBy } from '../../governance/decided-by.ts';
import {
  changesIn,
  DecisionEffect,
  type DecisionOutcome,
} from '../../governance/decision-effect.ts';
import { type Decision, Meeting } from '../../governance/meeting.ts';
import { ConflictError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { Text } from '../../shared/text.ts';
import { formatDate, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, sameTransaction, saveChange } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { adoptRoadmap } from '../roadmap/adopt-roadmap.ts';
import { createAction } from '../roadmap/create-action.ts';
import { rescheduleMilestone } from '../roadmap/reschedule-milestone.ts';
import { transitionAction } from '../roadmap/transition-action.ts';
import { updateAction } from '../roadmap/update-action.ts';

export const RecordDecisionInput = z.object({
  meetingId: idOf('meeting'),
  text: Text,
  /** The action the decision concerns, when it only concerns one (no effect). */
  actionId: idOf('action').optional(),
  effect: DecisionEffect.optional(),
});
export type RecordDecisionInput = z.input<typeof RecordDecisionInput>;

/**
 * Records a decision of a meeting and, when it acts, applies it in the same transaction through
 * the roadmap's own rules: adopting a roadmap, creating or changing an action, rescheduling a
 * milestone. The decision keeps what it changed (`outcome`); the changed record and its audit
 * event name the decision (`decidedBy`). Whoever records it must be allowed to manage meetings
 * and to make the change itself.
 *
 * A decision is taken at a meeting that took place: one held, or planned for today or earlier
 * (the status is often set after the minutes); never at a cancelled or future one. What it
 * points at must be the meeting's governance's. Any refusal writes nothing.
 *
 * @example
 * await recordDecision(ctx, {
 *   meetingId,
 *   text: 'Reporter la signature de la convention au 30 juin.',
 *   effect: { kind: 'reporter_jalon', milestoneId, to: '2027-06-30' },
 * });
 */
export async function recordDecision(ctx: UseCaseContext, input: unknown): Promise<Meeting> {
  const { meetingId, text, actionId, effect } = validate(RecordDecisionInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.meetings, meetingId, 'Séance');
    const governance = await authorize(ctx, repos, 'meeting.manage', before.governanceId, {
      asked: ['Séance', before.id],
    });
    const on = localDate(before.startsAt, governance.timeZone);
    const today = localDate(ctx.clock(), governance.timeZone);
    if (before.status === 'annulee') {
      throw new ConflictError('Cette séance est annulée : elle ne consigne pas de décision.');
    }
    if (on > today) {
      throw new ConflictError(
        `Cette séance n’a pas encore eu lieu (prévue le ${formatDate(on)}) : une décision se consigne le jour de la séance ou après.`,
      );
    }
    await checkReferences(repos.actions, [actionId], 'Action', ['actionId'], governance.id);
    const body = await mustGet(repos.bodies, before.bodyId, 'Instance');
    const decidedBy: DecidedBy = {
      meetingId,
      decisionId: ctx.ids('decision'),
      on,
      bodyName: body.name,
      text,
    };
    const applied = effect
      ? await applyEffect(
          { ...ctx, store: sameTransaction(repos), decision: decidedBy },
          repos,
          governance.id,
          effect,
        )
      : undefined;
    const concerned = applied?.actionId ?? actionId;
    const decision: Decision = {
      id: decidedBy.decisionId,
      text,
      ...(concerned ? { actionId: concerned } : {}),
      ...(effect ? { effect } : {}),
      ...(applied ? { outcome: applied.outcome } : {}),
    };
    return saveChange(
      ctx,
      repos,
      { schema: Meeting, entity: 'meeting', repo: repos.meetings },
      { before, changes: { decisions: [...before.decisions, decision] }, action: 'decide' },
    );
  });
}

/** Applies an effect through the use case that makes that change, and says what changed. */
async function applyEffect(
  inner: UseCaseContext & { decision: DecidedBy },
  repos: Repositories,
  governanceId: string,
  effect: DecisionEffect,
): Promise<{ outcome: DecisionOutcome; actionId?: string }> {
  switch (effect.kind) {
    case 'reporter_jalon': {
      const before = await ownTarget(repos.milestones, effect.milestoneId, governanceId, {
        path: ['effect', 'milestoneId'],
        label: 'Jalon',
        elsewhere: 'Ce jalon appartient à une autre gouvernance que la séance.',
      });
      const after = await pointedAt(['effect'], () =>
        rescheduleMilestone(inner, {
          milestoneId: effect.milestoneId,
          to: effect.to,
          reason: effect.reason ?? inner.decision.text,
        }),
      );
      return {
        outcome: {
          entity: 'milestone',
          id: after.id,
          label: after.title,
          version: after.version,
          from: before.dueDate,
          to: after.dueDate,
        },
        ...(after.actionId ? { actionId: after.actionId } : {}),
      };
    }
    case 'creer_action': {
      await ownTarget(repos.roadmaps, effect.action.roadmapId, governanceId, {
        path: ['effect', 'action', 'roadmapId'],
        label: 'Feuille de route',
        elsewhere: 'Cette feuille de route appartient à une autre gouvernance que la séance.',
      });
      const action = await pointedAt(['effect', 'action'], () =>
        createAction(inner, effect.action),
      );
      return { outcome: actionOutcome(action), actionId: action.id };
    }
    case 'modifier_action': {
      let action = await ownTarget(repos.actions, effect.actionId, governanceId, {
        path: ['effect', 'actionId'],
        label: 'Action',
        elsewhere: 'Cette action appartient à une autre gouvernance que la séance.',
      });
      if (changesIn(effect.changes)) {
        action = await pointedAt(['effect', 'changes'], () =>
          updateAction(inner, { id: effect.actionId, patch: effect.changes }),
        );
      }
      if (effect.status !== undefined && effect.status !== action.status) {
        action = await pointedAt(['effect'], () =>
          transitionAction(inner, {
            actionId: effect.actionId,
            to: effect.status,
            reason: effect.reason ?? inner.decision.text,
          }),
        );
      }
      return { outcome: actionOutcome(action), actionId: action.id };
    }
    case 'adopter_feuille_de_route': {
      await ownTarget(repos.roadmaps, effect.roadmapId, governanceId, {
        path: ['effect', 'roadmapId'],
        label: 'Feuille de route',
        elsewhere: 'Cette feuille de route appartient à une autre gouvernance que la séance.',
      });
      const { roadmap, version } = await pointedAt(['effect'], () =>
        adoptRoadmap(inner, {
          roadmapId: effect.roadmapId,
          adoption: {
            date: inner.decision.on,
            assembly: effect.assembly ?? inner.decision.bodyName,
            ...(effect.deliberationRef ? { deliberationRef: effect.deliberationRef } : {}),
          },
          note: inner.decision.text,
        }),
      );
      return {
        outcome: {
          entity: 'roadmap',
          id: roadmap.id,
          label: roadmap.title,
          version: roadmap.version,
          roadmapVersion: { id: version.id, number: version.number },
        },
      };
    }
  }
}

function actionOutcome(action: {
  id: string;
  code: string;
  title: string;
  version: number;
}): DecisionOutcome {
  return {
    entity: 'action',
    id: action.id,
    label: `${action.code} — ${action.title}`,
    version: action.version,
  };
}

/**
 * The record an effect points at, refused (naming the field) when it does not exist or belongs
 * to another governance than the meeting: a committee decides for its own territory only.
 */
async function ownTarget<T extends { governanceId: string }>(
  repo: { get(id: string): Promise<T | undefined> },
  id: string,
  governanceId: string,
  refusal: { path: string[]; label: string; elsewhere: string },
): Promise<T> {
  const found = await repo.get(id);
  if (!found) {
    throw new ValidationError([
      { path: refusal.path, message: `${refusal.label} introuvable : ${id}.` },
    ]);
  }
  if (found.governanceId !== governanceId) {
    throw new ValidationError([{ path: refusal.path, message: refusal.elsewhere }]);
  }
  return found;
}

/**
 * Runs the underlying change, pointing its field errors inside the decision's effect: the
 * caller wrote `effect.to`, the reschedule says `to` (an action's patch says `patch.title`).
 */
async function pointedAt<T>(prefix: string[], change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) => ({
        ...issue,
        path: [...prefix, ...(issue.path[0] === 'patch' ? issue.path.slice(1) : issue.path)],
      })),
    );
  }
}
