import { z } from 'zod';
import { Delivery } from '../../reminders/delivery.ts';
import { planReminders } from '../../reminders/plan.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { newMeta } from '../helpers.ts';

export const PlanDeliveriesInput = z.object({
  governanceId: idOf('governance'),
  horizonDays: z.number().int().min(1).max(366).optional(),
});

/**
 * Plans the reminders of a governance and stores those not stored yet in the outbox. Planning is
 * deterministic and deliveries are keyed by their `dedupeKey`, so running it every few minutes,
 * from several dispatchers at once, never queues a message twice.
 *
 * @returns how many deliveries were planned, and how many of them were new.
 */
export async function planDeliveries(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ planned: number; inserted: number }> {
  const { governanceId, horizonDays } = validate(PlanDeliveriesInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.manage', governanceId);
    const [milestones, actions, meetings, bodies, indicators, fundingLines] = await Promise.all([
      repos.milestones.listByGovernance(governanceId),
      repos.actions.listByGovernance(governanceId),
      repos.meetings.listByGovernance(governanceId),
      repos.bodies.listByGovernance(governanceId),
      repos.indicators.listByGovernance(governanceId),
      repos.fundingLines.listByGovernance(governanceId),
    ]);
    const personIds = new Set<string>([
      ...governance.roles.map((r) => r.personId),
      ...bodies.flatMap((b) => b.members.map((m) => m.personId)),
      ...milestones.flatMap((m) => (m.ownerId ? [m.ownerId] : [])),
      ...actions.flatMap((a) => (a.ownerId ? [a.ownerId] : [])),
    ]);
    const persons = await repos.persons.getMany([...personIds]);
    const now = ctx.clock();
    const plan = planReminders({
      governance,
      now,
      ...(horizonDays ? { horizonDays } : {}),
      milestones,
      actions,
      meetings,
      bodies,
      indicators,
      fundingLines,
      persons,
    });
    const deliveries = plan.map((planned) =>
      validate(Delivery, { ...planned, id: ctx.ids('delivery'), ...newMeta(now) }),
    );
    const inserted = await repos.deliveries.insertIfAbsent(deliveries);
    return { planned: plan.length, inserted };
  });
}
