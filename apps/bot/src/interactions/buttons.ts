import { addDays, localDate, NotFoundError } from '@maille/domain';
import {
  completeMilestone,
  getGovernance,
  getMilestone,
  getUpdate,
  recordUpdate,
  rescheduleMilestone,
} from '@maille/domain/use-cases';
import type { ChatUser, Reply } from '../conversation/chat.ts';
import { ChatError } from '../conversation/errors.ts';
import { dayStamp, fit, privately, replacing } from '../conversation/format.ts';
import { type ConverseContext, nameOf, type Session, sessionOf } from '../conversation/session.ts';
import { mySubject, subjectOf } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import { answerOnce } from './answer-once.ts';
import { decodeButtonId } from './button-ids.ts';
import { checkInForm } from './check-in-form.ts';

/**
 * A button pressed: under a reminder (« Fait », « Point d’étape », « Reporter d’une semaine »,
 * « Rien de neuf », each answered once per delivery, by its recipient), or « Partager » under a
 * check-in. An id the bot did not make (forged, someone else's reminder) is refused as unknown.
 */
export async function pressButton(
  ctx: ConverseContext,
  user: ChatUser,
  customId: string,
): Promise<Reply> {
  const decoded = decodeButtonId(customId);
  if (!decoded.ok)
    return privately(decoded.reason === 'version' ? fr.outdatedButton : fr.unknownButton);
  const action = decoded.button;
  const me = await sessionOf(ctx, user);
  const { deliveryId } = action;
  if (action.verb === 'partage') return share(me, action.subjectId);
  if (action.verb === 'point') {
    const subject =
      deliveryId === undefined
        ? await mySubject(me, action.subjectId)
        : await subjectOf(me, action.subjectId).catch(unknownButton);
    return checkInForm(action, subject.title);
  }
  // The bot puts these under reminders only: without a delivery, it never made them.
  if (deliveryId === undefined) return privately(fr.unknownButton);
  const { verb } = action;
  return answerOnce(me, { ...action, deliveryId }, (kernel) => {
    const inside = { ...me, kernel };
    switch (verb) {
      case 'fait':
        return done(inside, action.subjectId);
      case 'report':
        return postpone(inside, action.subjectId, ctx.clock());
      case 'rien':
        return nothingNew(inside, action.subjectId);
    }
  });
}

async function done(me: Session, milestoneId: string): Promise<Reply> {
  const milestone = await completeMilestone(me.kernel, { milestoneId });
  return replacing(fr.fait.done(milestone.title));
}

/** A week from its due date, or from today if that has passed: never into the past. */
async function postpone(me: Session, milestoneId: string, now: string): Promise<Reply> {
  const milestone = await getMilestone(me.kernel, { milestoneId });
  const governance = await getGovernance(me.kernel, { governanceId: milestone.governanceId });
  const today = localDate(now, governance.timeZone);
  const [, from = today] = [milestone.dueDate, today].sort();
  const to = addDays(from, 7);
  await rescheduleMilestone(me.kernel, {
    milestoneId: milestone.id,
    expectedVersion: milestone.version,
    to,
    reason: fr.weekLater,
  });
  return replacing(fr.reporter.rescheduled(milestone.title, dayStamp(to, governance.timeZone)));
}

async function nothingNew(me: Session, subjectId: string): Promise<Reply> {
  const subject = await subjectOf(me, subjectId);
  await recordUpdate(me.kernel, {
    subject: { type: subject.type, id: subject.id },
    kind: 'information',
    text: fr.checkIn.nothingNew,
  });
  return replacing(fr.checkIn.nothingNewNoted(subject.title));
}

/** A subject that does not exist: the button was not made by the bot. */
function unknownButton(error: unknown): never {
  throw error instanceof NotFoundError ? new ChatError(fr.unknownButton) : error;
}

/** An update of mine, posted in its governance's community channel. */
async function share(me: Session, updateId: string): Promise<Reply> {
  const update = await getUpdate(me.kernel, { updateId });
  if (update.authorId !== me.personId) throw new ChatError(fr.checkIn.notYours);
  const subject =
    update.subject.type === 'milestone' || update.subject.type === 'action'
      ? (await subjectOf(me, update.subject.id)).title
      : update.subject.id;
  // Shared where the community talks, whichever conversation the author wrote it in.
  const { chat } = await getGovernance(me.kernel, { governanceId: update.governanceId });
  if (!chat || chat.disabledAt) throw new ChatError(fr.checkIn.noCommunityChannel);
  return {
    type: 'post',
    channelId: chat.channelId,
    message: {
      text: fit(fr.checkIn.shared(await nameOf(me.kernel, me.personId), subject, update.text)),
    },
    confirmation: { text: fr.checkIn.sharedConfirmation },
  };
}
