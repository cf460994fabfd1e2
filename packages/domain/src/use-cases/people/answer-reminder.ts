import { z } from 'zod';
import { governanceRoleOf } from '../../governance/permissions.ts';
import type { Delivery } from '../../reminders/delivery.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { singleLine } from '../../shared/text.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { sameTransaction } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const AnswerReminderInput = z.object({
  /** As the button says: checked against what is stored, so anything may come in. */
  deliveryId: singleLine(100),
  subjectId: singleLine(100),
  /** The button pressed (`fait`, `report`, `rien`, `point`…). */
  verb: singleLine(40),
});
export type AnswerReminderInput = z.input<typeof AnswerReminderInput>;

export type ReminderAnswer<T> = { answered: true; result: T } | { answered: false };

/**
 * Answers a reminder (its buttons, its check-in form) once, in one transaction: the delivery must
 * exist, be about `subjectId`, and be addressed to the acting person (or, for a reminder posted
 * in a community channel, to a member of its governance; a coordinator of the governance may
 * answer any). Then the answer is claimed and `effect` runs as the person, inside the same
 * transaction: a refused or failing effect leaves no answer, and an answer has its effect.
 *
 * A delivery that does not exist, is about something else or is someone else's is « introuvable »
 * (`NotFoundError`), whatever the reason: a forged button learns nothing. A delivery already
 * answered gives `{ answered: false }` and changes nothing (a double click, two devices).
 *
 * @example
 * const answer = await answerReminder(ctx, { deliveryId, subjectId, verb: 'fait' }, (kernel) =>
 *   completeMilestone(kernel, { milestoneId: subjectId }),
 * );
 * if (!answer.answered) return 'Déjà noté.';
 */
export async function answerReminder<T>(
  ctx: UseCaseContext,
  input: unknown,
  effect: (kernel: UseCaseContext) => Promise<T>,
): Promise<ReminderAnswer<T>> {
  const { deliveryId, subjectId, verb } = validate(AnswerReminderInput, input);
  const personId = actingPersonId(ctx);
  return ctx.store.transaction(async (repos) => {
    const delivery = await repos.deliveries.get(deliveryId);
    if (
      !delivery ||
      delivery.subject.id !== subjectId ||
      !(await addressedTo(ctx, repos, delivery, personId))
    )
      throw new NotFoundError('Rappel', deliveryId);
    const first = await repos.chatAnswers.claim({
      deliveryId,
      personId,
      verb,
      answeredAt: ctx.clock(),
    });
    if (!first) return { answered: false };
    return { answered: true, result: await effect({ ...ctx, store: sameTransaction(repos) }) };
  });
}

async function addressedTo(
  ctx: UseCaseContext,
  repos: Repositories,
  delivery: Delivery,
  personId: string,
): Promise<boolean> {
  if (ctx.actor.instanceAdmin) return true;
  const { recipient } = delivery;
  if (recipient.type === 'person' && recipient.personId === personId) return true;
  const governance = await repos.governances.get(delivery.governanceId);
  if (!governance) return false;
  const bodies = await repos.bodies.listByGovernance(governance.id);
  const role = governanceRoleOf(
    personId,
    governance,
    bodies,
    localDate(ctx.clock(), governance.timeZone),
  );
  if (role === 'coordinateur') return true;
  return recipient.type === 'channel' && role !== null && role !== 'observateur';
}
