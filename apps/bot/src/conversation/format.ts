import { IsoDate, toInstant } from '@maille/domain';
import { fr } from '../messages/fr.ts';
import type { OutgoingMessage, Reply } from './chat.ts';

/** Discord's limit on a message's text. */
export const MAX_MESSAGE_LENGTH = 2000;
/** Discord's limits on a suggestion of autocomplete, and on their number. */
export const MAX_CHOICE_LENGTH = 100;
export const MAX_CHOICES = 25;

/**
 * A calendar day of a governance as a Discord timestamp shown as a date: noon in the
 * governance's zone, so the day is the same for readers from UTC−10 to UTC+11.
 */
export function dayStamp(date: string, timeZone: string): string {
  return `<t:${Math.floor(Date.parse(toInstant(date, '12:00', timeZone)) / 1000)}:D>`;
}

/** `2026-12-01` or `01/12/2026` as an ISO date, or `undefined`. */
export function parseDay(text: string): string | undefined {
  const trimmed = text.trim();
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const iso = french
    ? `${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}`
    : trimmed;
  return IsoDate.safeParse(iso).success ? iso : undefined;
}

/** Text cut to what a message may hold, saying so when it had to cut. */
export function fit(text: string, max = MAX_MESSAGE_LENGTH): string {
  if (text.length <= max) return text;
  return text.slice(0, max - fr.truncated.length) + fr.truncated;
}

/** One line cut to `max` characters, with an ellipsis when cut (titles, suggestions). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A message only the user sees (confirmations, lists, errors). */
export function privately(text: string, buttons?: OutgoingMessage['buttons']): Reply {
  return {
    type: 'message',
    private: true,
    message: { text: fit(text), ...(buttons ? { buttons } : {}) },
  };
}

/** Replaces the message whose button was pressed: its buttons go, so it is answered once. */
export function replacing(text: string): Reply {
  return { type: 'update', message: { text: fit(text) } };
}
