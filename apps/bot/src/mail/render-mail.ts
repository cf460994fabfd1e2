import {
  DEFAULT_TIME_ZONE,
  deliveryKindLabels,
  displayNameOf,
  escapeHtml,
  renderCalendar,
} from '@maille/domain';
import { renderMarkdown } from '../adapters/console/markdown.ts';
import { renderTimestamps } from '../adapters/console/timestamps.ts';
import { fr } from '../messages/fr.ts';
import { type ReminderContext, renderReminder } from '../reminders/render.ts';
import { type MailAttachment, messageIdOf, type OutgoingMail, oneLine } from './mail-sender.ts';

const texts = fr.mail;

/** Where the links of an e-mail point, and who sends it. */
export interface MailLinks {
  /** The web workspace (`https://maille.exemple.fr`, no trailing slash). */
  webUrl: string;
  /** `SMTP_FROM`: its domain names the `Message-ID`s. */
  from: string;
}

/** The web workspace's page of what a delivery is about (the workspace's `paths.ts`). */
export function itemPath(context: ReminderContext): string {
  const { delivery } = context;
  const subject = delivery.subject;
  switch (subject.type) {
    case 'milestone':
      // The milestone on its action's sheet, where its owner can mark it reached or post a
      // point d'étape on it.
      return context.action
        ? `/fiches/${context.action.id}#jalon-${subject.id}`
        : `/gouvernances/${delivery.governanceId}`;
    case 'action':
      return `/fiches/${subject.id}`;
    case 'meeting':
      return `/reunions/${subject.id}`;
    case 'indicator':
      return `/gouvernances/${delivery.governanceId}/indicateurs`;
    case 'fundingLine':
      return `/gouvernances/${delivery.governanceId}/financements`;
    case 'governance':
      return `/gouvernances/${subject.id}`;
  }
}

/** The page of the unsubscribe link: the delivery's id stands for the person (see the kernel). */
export const unsubscribePath = (deliveryId: string) => `/desabonnement/${deliveryId}`;

/**
 * A delivery as an e-mail, in French: the chat message's words (its dates written in the
 * governance's time zone, its markdown as plain words), a link to the item in the web workspace
 * instead of buttons, and the one-click unsubscribe link. Plain text and HTML say the same.
 *
 * @example
 * renderMail(await loadReminderContext(store, delivery, now), { webUrl, from: 'maille@exemple.fr' });
 */
export function renderMail(context: ReminderContext, links: MailLinks): OutgoingMail {
  const { delivery, person } = context;
  const zone = context.governance?.timeZone ?? DEFAULT_TIME_ZONE;
  const body = renderMarkdown(
    renderTimestamps(renderReminder(context).text, zone, new Date(context.now)),
    'plain',
  );
  const lines = body.split('\n').filter((line) => line.trim() !== '');
  const kind = deliveryKindLabels[delivery.kind];
  const name = oneLine(displayNameOf(person), 100);
  const itemUrl = `${links.webUrl}${itemPath(context)}`;
  const unsubscribeUrl = `${links.webUrl}${unsubscribePath(delivery.id)}`;
  const governance = context.governance?.name ?? '';
  const text = [
    texts.greeting(name),
    '',
    ...lines,
    '',
    texts.openText(itemUrl),
    '',
    '-- ',
    texts.why(governance),
    texts.unsubscribeText(kind, unsubscribeUrl),
    '',
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="fr"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(texts.greeting(name))}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(itemUrl)}">${escapeHtml(texts.open)}</a></p>`,
    '<hr>',
    `<p><small>${escapeHtml(texts.why(governance))}<br>`,
    `<a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(texts.unsubscribe(kind))}</a></small></p>`,
    '</body></html>',
  ].join('\n');
  return {
    to: { address: person?.email ?? '', name },
    subject: oneLine(texts.subject(kind, lines[0] ?? kind), 200),
    text,
    html,
    messageId: messageIdOf(delivery.dedupeKey, links.from),
    unsubscribeUrl,
    attachments: meetingInvitation(context, itemUrl),
  };
}

/**
 * A meeting's agenda carries the meeting as an `.ics` (the governance calendar's own event, same
 * UID and SEQUENCE): one click puts it in the reader's calendar, and a later reminder of a moved
 * meeting updates that event instead of adding one. `METHOD:PUBLISH`: Maille informs, it does not
 * collect answers.
 */
function meetingInvitation(
  context: ReminderContext,
  itemUrl: string,
): MailAttachment[] | undefined {
  const { delivery, meeting, governance } = context;
  if (delivery.kind !== 'meeting_agenda' || !meeting || !governance) return undefined;
  const content = renderCalendar({
    governance,
    milestones: [],
    meetings: [meeting],
    actions: [],
    bodies: context.body ? [context.body] : [],
    now: context.now,
    links: { milestone: () => undefined, meeting: () => itemUrl },
  });
  return [
    {
      filename: texts.meetingFile,
      contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      content,
    },
  ];
}
