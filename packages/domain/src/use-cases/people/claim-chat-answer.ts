import { z } from 'zod';
import { idOf } from '../../shared/ids.ts';
import { singleLine } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const ClaimChatAnswerInput = z.object({
  deliveryId: idOf('delivery'),
  /** The button pressed (`fait`, `reporter`, `rien`…). */
  verb: singleLine(40),
});

/**
 * Records the acting person's answer to a reminder's buttons, keyed by its delivery: `true` the
 * first time, `false` when the delivery was already answered (a double click, or two buttons
 * pressed): the chat then answers « Déjà noté » and does nothing. The answer's effect is a use
 * case of its own, run as the person, which checks what they may do.
 *
 * @example
 * if (!(await claimChatAnswer(ctx, { deliveryId, verb: 'fait' }))) return 'Déjà noté.';
 */
export async function claimChatAnswer(ctx: UseCaseContext, input: unknown): Promise<boolean> {
  const { deliveryId, verb } = validate(ClaimChatAnswerInput, input);
  const personId = actingPersonId(ctx);
  return ctx.store.transaction((repos) =>
    repos.chatAnswers.claim({ deliveryId, personId, verb, answeredAt: ctx.clock() }),
  );
}
