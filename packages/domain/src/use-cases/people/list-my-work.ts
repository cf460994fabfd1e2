import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { governanceRoleOf } from '../../governance/permissions.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import type { Action } from '../../roadmap/action.ts';
import type { Milestone } from '../../roadmap/milestone.ts';
import { type MilestoneState, milestoneState } from '../../roadmap/milestone-state.ts';
import { addDays, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const ListMyWorkInput = z.object({
  /** Milestones due within this many days are listed, late ones always. */
  horizonDays: z.number().int().min(0).max(366).default(30),
  /** `false`: `indicators` stays empty, unread (a list of milestones and actions is faster). */
  withIndicators: z.boolean().default(true),
});
export type ListMyWorkInput = z.input<typeof ListMyWorkInput>;

/** What the acting person carries in one governance. */
export interface MyWorkInGovernance {
  governance: Governance;
  /** Today in the governance's time zone. */
  today: string;
  /** Open milestones they own (or of an action they own, when the milestone has no owner of its own), late or due within the horizon, soonest first. */
  milestones: { milestone: Milestone; state: MilestoneState; actionTitle?: string }[];
  /** Actions they own that are still alive (not done, abandoned), by title. */
  actions: Action[];
  /** Indicators of the governance whose values are typed in (not computed), by label. */
  indicators: Indicator[];
}

const CLOSED_ACTIONS = new Set(['realisee', 'abandonnee']);

/**
 * What the acting person carries, across every governance where they take part: « mes jalons »
 * in the chat, and what `/point` offers to choose from. Governances where they hold no role nor
 * seat are left out.
 */
export async function listMyWork(
  ctx: UseCaseContext,
  input: unknown = {},
): Promise<MyWorkInGovernance[]> {
  const { horizonDays, withIndicators } = validate(ListMyWorkInput, input);
  const personId = actingPersonId(ctx);
  return ctx.store.transaction(async (repos) => {
    const result: MyWorkInGovernance[] = [];
    for (const governance of await repos.governances.listTakenPartIn(personId)) {
      const bodies = await repos.bodies.listByGovernance(governance.id);
      const today = localDate(ctx.clock(), governance.timeZone);
      if (governanceRoleOf(personId, governance, bodies, today) === null) continue;
      const horizon = addDays(today, horizonDays);
      // Only the open milestones due by the horizon: reached ones pile up over the years.
      const [actions, milestones, indicators] = await Promise.all([
        repos.actions.listByGovernance(governance.id),
        repos.milestones.listOpenDueBefore(governance.id, addDays(horizon, 1)),
        withIndicators ? repos.indicators.listByGovernance(governance.id) : [],
      ]);
      const actionById = new Map(actions.map((a) => [a.id, a]));
      const mine = milestones
        .filter((m) => {
          const owner = m.ownerId ?? (m.actionId ? actionById.get(m.actionId)?.ownerId : undefined);
          return owner === personId;
        })
        .map((milestone) => ({ milestone, state: milestoneState(milestone, today) }))
        .filter(
          ({ milestone, state }) =>
            state === 'en_retard' ||
            (state !== 'atteint' && state !== 'annule' && milestone.dueDate <= horizon),
        )
        .sort((a, b) => a.milestone.dueDate.localeCompare(b.milestone.dueDate))
        .map((entry) => {
          const title = entry.milestone.actionId
            ? actionById.get(entry.milestone.actionId)?.title
            : undefined;
          return title === undefined ? entry : { ...entry, actionTitle: title };
        });
      result.push({
        governance,
        today,
        milestones: mine,
        actions: actions
          .filter((a) => a.ownerId === personId && !CLOSED_ACTIONS.has(a.status))
          .sort((a, b) => a.title.localeCompare(b.title, 'fr')),
        indicators: indicators
          .filter((i) => i.method.type === 'saisie')
          .sort((a, b) => a.label.localeCompare(b.label, 'fr')),
      });
    }
    return result;
  });
}
