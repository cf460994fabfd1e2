import { type ActionStatus, actionStatusLabels, searchKey } from '@maille/domain';
import { recordUpdate, type UseCaseContext } from '@maille/domain/use-cases';
import type { ChatUser, Form, Reply } from '../conversation/chat.ts';
import { ChatError, refusalOf } from '../conversation/errors.ts';
import { clip, privately } from '../conversation/format.ts';
import { type ConverseContext, sessionOf } from '../conversation/session.ts';
import { mySubject, subjectOf } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import { answerOnce } from './answer-once.ts';
import { type ButtonAction, decodeButtonId, encodeButtonId } from './button-ids.ts';

/** Modal fields hold at most 4 000 characters on Discord. */
const MAX_FORM_TEXT = 4000;
const MAX_TITLE = 45;
const texts = fr.checkIn;

/** The check-in form on a milestone or an action: the text, a new status, the progress. */
export function checkInForm(action: ButtonAction, title?: string): Reply {
  const form: Form = {
    customId: encodeButtonId(action),
    title: clip(title ? `${texts.formTitle} · ${title}` : texts.formTitle, MAX_TITLE),
    fields: [
      {
        id: 'texte',
        label: texts.text,
        style: 'paragraph',
        required: true,
        maxLength: MAX_FORM_TEXT,
      },
      { id: 'statut', label: texts.status, style: 'short', required: false, maxLength: 20 },
      // « 100 % » fits: the percent sign is allowed.
      { id: 'avancement', label: texts.progress, style: 'short', required: false, maxLength: 5 },
    ],
  };
  return { type: 'form', form };
}

type Checked = { ok: true; input: CheckInInput } | { ok: false; error: string };

interface CheckInInput {
  text?: string;
  progress?: number;
  actionStatus?: ActionStatus;
  milestoneStatus?: 'atteint' | 'annule';
}

/**
 * One field of the check-in form, checked alone: what it adds to the update, or why it is
 * refused. The console checks each field as it is typed; a submitted form goes through the same.
 *
 * @example
 * checkInField('v1:point:mil_lr0101:-', 'avancement', '60 %'); // { ok: true, input: { progress: 60 } }
 */
export function checkInField(formId: string, fieldId: string, value: string): Checked {
  const decoded = decodeButtonId(formId);
  const isAction = decoded.ok && decoded.button.subjectId.startsWith('act_');
  const typed = value.trim();
  switch (fieldId) {
    case 'texte':
      if (typed === '') return { ok: false, error: texts.emptyText };
      if (typed.length > MAX_FORM_TEXT)
        return { ok: false, error: texts.textTooLong(MAX_FORM_TEXT) };
      return { ok: true, input: { text: typed } };
    case 'avancement': {
      const raw = typed.replace(/\s*%$/, '');
      if (raw === '') return { ok: true, input: {} };
      const progress = Number(raw);
      if (!/^\d{1,3}$/.test(raw) || progress > 100)
        return { ok: false, error: texts.badProgress(raw) };
      return { ok: true, input: { progress } };
    }
    case 'statut':
      return typed === '' ? { ok: true, input: {} } : statusChange(isAction, typed);
    default:
      return { ok: true, input: {} };
  }
}

const MILESTONE_STATUSES = { atteint: 'Atteint', annule: 'Annulé' } as const;

/** A status typed by hand (« en cours », « Réalisée », « atteint »), as the kernel names it. */
function statusChange(isAction: boolean, text: string): Checked {
  const labels: Record<string, string> = isAction ? actionStatusLabels : MILESTONE_STATUSES;
  const key = searchKey(text).replace(/\s+/g, '_');
  const found = Object.entries(labels).find(
    ([code, label]) => code === key || searchKey(label) === searchKey(text),
  );
  if (!found) {
    const allowed = Object.values(labels).map((l) => l.toLowerCase());
    return { ok: false, error: texts.badStatus(text, allowed) };
  }
  return {
    ok: true,
    input: isAction
      ? { actionStatus: found[0] as ActionStatus }
      : { milestoneStatus: found[0] as 'atteint' | 'annule' },
  };
}

/**
 * A submitted check-in form: every field checked before anything is written, then recorded under
 * the rule that offered the form (`/point`: what the person carries; a reminder: its recipient).
 */
export async function submitCheckIn(
  ctx: ConverseContext,
  user: ChatUser,
  customId: string,
  fields: Record<string, string>,
): Promise<Reply> {
  const decoded = decodeButtonId(customId);
  if (!decoded.ok)
    return privately(decoded.reason === 'version' ? fr.outdatedButton : fr.unknownButton);
  const action = decoded.button;
  if (action.verb !== 'point') return privately(fr.unknownButton);
  const me = await sessionOf(ctx, user);
  let input: CheckInInput = {};
  for (const id of ['texte', 'avancement', 'statut']) {
    const checked = checkInField(customId, id, fields[id] ?? '');
    if (!checked.ok) throw new ChatError(withKeptText(checked.error, input.text));
    input = { ...input, ...checked.input };
  }
  const { text = '', ...changes } = input;
  const record = async (kernel: UseCaseContext): Promise<Reply> => {
    const subject =
      action.deliveryId === undefined
        ? // The rule of `/point`, which offered the form: only what the person carries.
          await mySubject({ ...me, kernel }, action.subjectId)
        : await subjectOf({ ...me, kernel }, action.subjectId);
    try {
      const update = await recordUpdate(kernel, {
        subject: { type: subject.type, id: subject.id },
        text,
        ...changes,
      });
      const share = encodeButtonId({ verb: 'partage', subjectId: update.id });
      return privately(texts.recorded(subject.title), [
        [{ customId: share, label: texts.share, style: 'secondary' }],
      ]);
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal === undefined) throw error;
      throw new ChatError(withKeptText(refusal, text));
    }
  };
  const { deliveryId } = action;
  return deliveryId === undefined
    ? record(me.kernel)
    : answerOnce(me, { ...action, deliveryId }, record);
}

/**
 * A form cannot answer a form: a refusal gives back the text written, so that nothing is lost.
 */
function withKeptText(refusal: string, text: string | undefined): string {
  return text ? `${refusal}\n${texts.keptText(text)}` : refusal;
}
