import { z } from 'zod';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const ReleaseChatAnswerInput = z.object({ deliveryId: idOf('delivery') });

/**
 * Forgets the acting person's answer whose effect failed, so the button may be pressed again.
 * Someone else's answer stays.
 */
export async function releaseChatAnswer(ctx: UseCaseContext, input: unknown): Promise<void> {
  const { deliveryId } = validate(ReleaseChatAnswerInput, input);
  const personId = actingPersonId(ctx);
  await ctx.store.transaction((repos) => repos.chatAnswers.release(deliveryId, personId));
}
