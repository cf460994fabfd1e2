import { claimChatAnswer, releaseChatAnswer } from '@maille/domain/use-cases';
import type { Reply } from '../conversation/chat.ts';
import { privately } from '../conversation/format.ts';
import type { Session } from '../conversation/session.ts';
import { fr } from '../messages/fr.ts';
import type { ButtonAction } from './button-ids.ts';

/**
 * Runs the answer to a reminder once per delivery: a second press (a double click, or the same
 * reminder answered from two devices) gets « Déjà noté » and changes nothing. An answer whose
 * effect failed is forgotten, so the button may be pressed again.
 */
export async function answerOnce(
  me: Session,
  action: ButtonAction,
  work: () => Promise<Reply>,
): Promise<Reply> {
  const deliveryId = action.deliveryId;
  if (deliveryId === undefined) return work();
  const first = await claimChatAnswer(me.kernel, { deliveryId, verb: action.verb });
  if (!first) return privately(fr.alreadyNoted);
  try {
    return await work();
  } catch (error) {
    await releaseChatAnswer(me.kernel, { deliveryId });
    throw error;
  }
}
