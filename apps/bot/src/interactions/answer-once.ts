import { NotFoundError } from '@maille/domain';
import { answerReminder, type UseCaseContext } from '@maille/domain/use-cases';
import type { Reply } from '../conversation/chat.ts';
import { ChatError } from '../conversation/errors.ts';
import { privately } from '../conversation/format.ts';
import type { Session } from '../conversation/session.ts';
import { fr } from '../messages/fr.ts';
import type { ButtonAction } from './button-ids.ts';

/**
 * Runs the answer to a reminder once per delivery, through the kernel's `answerReminder`: only
 * its recipient (or the coordination) answers, the answer and its effect commit together, and a
 * second press (a double click, another device) gets « Déjà noté » and changes nothing. A
 * delivery that is not theirs, or a subject that does not exist, is a button the bot never made.
 */
export async function answerOnce(
  me: Session,
  action: ButtonAction & { deliveryId: string },
  work: (kernel: UseCaseContext) => Promise<Reply>,
): Promise<Reply> {
  try {
    const { deliveryId, subjectId, verb } = action;
    const answer = await answerReminder(me.kernel, { deliveryId, subjectId, verb }, work);
    return answer.answered ? answer.result : privately(fr.alreadyNoted);
  } catch (error) {
    if (error instanceof NotFoundError) throw new ChatError(fr.unknownButton);
    throw error;
  }
}
