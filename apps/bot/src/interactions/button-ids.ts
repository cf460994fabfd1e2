/**
 * Button and form ids: versioned and stateless, so a button pressed days later, after a restart,
 * on another instance, still says everything needed to act: `v1:<verb>:<subject>:<delivery>`.
 *
 * - `verb`: what pressing does (`fait`, `point`, `report` — a week later —, `rien` — nothing new —,
 *   `partage` — share an update to the channel);
 * - `subject`: the kernel id it acts on (`mil_…`, `act_…`, `upd_…`);
 * - `delivery`: the reminder (`dlv_…`) whose answer this is, or `-` outside a reminder. A
 *   reminder's answer is recorded once per delivery: a double click answers « Déjà noté ».
 *
 * A form submitted from a button carries the same id, so the form knows its subject and delivery.
 * Discord limits an id to 100 characters; ids of the kernel are short, so an id stays under it.
 * When the format changes, the version changes: an id of an unknown version is refused politely
 * (`decodeButtonId` says `version`), never misread.
 *
 * @example
 * const id = encodeButtonId({ verb: 'fait', subjectId: 'mil_lr0101', deliveryId: 'dlv_x' });
 * // 'v1:fait:mil_lr0101:dlv_x'
 * decodeButtonId(id); // { ok: true, button: { verb: 'fait', subjectId: 'mil_lr0101', deliveryId: 'dlv_x' } }
 */

import type { Button } from '../conversation/chat.ts';
import { fr } from '../messages/fr.ts';

export const BUTTON_ID_VERSION = 'v1';
// At most 7 letters: with two kernel ids of the longest kind (44 characters), an id stays within
// Discord's 100.
export const BUTTON_VERBS = ['fait', 'point', 'report', 'rien', 'partage'] as const;
export type ButtonVerb = (typeof BUTTON_VERBS)[number];

export interface ButtonAction {
  verb: ButtonVerb;
  subjectId: string;
  /** The delivery the button belongs to, absent outside a reminder. */
  deliveryId?: string | undefined;
}

export type DecodedButton =
  | { ok: true; button: ButtonAction }
  /** `version`: made by another version of the bot; `malformed`: not one of ours at all. */
  | { ok: false; reason: 'version' | 'malformed' };

/** Discord's limit on a custom id. */
export const MAX_BUTTON_ID_LENGTH = 100;
const ID_PART = /^[a-z]{3}_[0-9A-Za-z]{1,40}$/;
const NO_DELIVERY = '-';

/** The id of a button or form; throws on an id the kernel would not make (a bug, not input). */
export function encodeButtonId(action: ButtonAction): string {
  const { verb, subjectId, deliveryId } = action;
  if (!ID_PART.test(subjectId) || (deliveryId !== undefined && !ID_PART.test(deliveryId)))
    throw new Error(`Identifiant impossible à mettre dans un bouton : ${subjectId} ${deliveryId}`);
  const id = [BUTTON_ID_VERSION, verb, subjectId, deliveryId ?? NO_DELIVERY].join(':');
  if (id.length > MAX_BUTTON_ID_LENGTH) throw new Error(`Identifiant de bouton trop long : ${id}`);
  return id;
}

/** Reads an id back; never throws, whatever a platform (or someone forging ids) sends. */
export function decodeButtonId(id: string): DecodedButton {
  if (typeof id !== 'string' || id.length > MAX_BUTTON_ID_LENGTH) return malformed;
  const parts = id.split(':');
  const version = parts[0] ?? '';
  if (version !== BUTTON_ID_VERSION)
    return /^v\d+$/.test(version) ? { ok: false, reason: 'version' } : malformed;
  const [, verb, subjectId, delivery] = parts;
  if (parts.length !== 4 || !isVerb(verb) || !subjectId || !ID_PART.test(subjectId))
    return malformed;
  if (delivery === NO_DELIVERY) return { ok: true, button: { verb, subjectId } };
  if (!delivery || !ID_PART.test(delivery)) return malformed;
  return { ok: true, button: { verb, subjectId, deliveryId: delivery } };
}

const malformed = { ok: false, reason: 'malformed' } as const;

function isVerb(verb: string | undefined): verb is ButtonVerb {
  return (BUTTON_VERBS as readonly string[]).includes(verb ?? '');
}

/**
 * The buttons under a reminder, one row: on a milestone « Fait », « Point d’étape »,
 * « Reporter d’une semaine », « Rien de neuf »; on an action (the weekly check-in) « Point
 * d’étape » and « Rien de neuf ». What `reminders/render.ts` puts under its messages.
 *
 * @example
 * reminderButtons({ type: 'milestone', id: 'mil_lr0101' }, 'dlv_x');
 * // [[{ customId: 'v1:fait:mil_lr0101:dlv_x', label: 'Fait', style: 'success' }, …]]
 */
export function reminderButtons(
  subject: { type: 'milestone' | 'action'; id: string },
  deliveryId: string,
): Button[][] {
  const button = (verb: ButtonVerb, label: string, style: Button['style']): Button => ({
    customId: encodeButtonId({ verb, subjectId: subject.id, deliveryId }),
    label,
    style,
  });
  const labels = fr.reminderButtons;
  const checkIn = button('point', labels.checkIn, 'primary');
  const nothingNew = button('rien', labels.nothingNew, 'secondary');
  if (subject.type === 'action') return [[checkIn, nothingNew]];
  return [
    [
      button('fait', labels.done, 'success'),
      checkIn,
      button('report', labels.postpone, 'secondary'),
      nothingNew,
    ],
  ];
}
