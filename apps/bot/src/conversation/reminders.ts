import {
  type Action,
  type Body,
  type Delivery,
  type DeliveryFacts,
  daysBetween,
  deliveryKindLabels,
  displayNameOf,
  type Governance,
  type Indicator,
  localDate,
  type Meeting,
  type Milestone,
  type Person,
  type WeekDigest,
  weekDigest,
} from '@maille/domain';
import type { Store } from '@maille/domain/use-cases';
import { reminderButtons } from './buttons.ts';
import type { OutgoingMessage } from './chat.ts';

/**
 * A delivery of the outbox turned into a chat message: what it is about is loaded through the
 * store, then rendered in French. Times are Discord timestamps (each reader sees local time);
 * milestone dates are calendar days, written as such.
 */

/** Everything a delivery's message says, loaded at send time. */
export interface ReminderContext {
  delivery: Delivery;
  now: string;
  governance: Governance | undefined;
  /** The recipient, for a delivery to a person. */
  person?: Person | undefined;
  milestone?: Milestone | undefined;
  /** The check-in's action, or the milestone's. */
  action?: Action | undefined;
  indicator?: Indicator | undefined;
  meeting?: Meeting | undefined;
  /** The meeting's body. */
  body?: Body | undefined;
  /** The weekly digest's content, and the names it cites. */
  digest?: { week: WeekDigest; names: ReadonlyMap<string, string> } | undefined;
}

/** What the dispatcher's rules read of a loaded context (`holdOf`, `routeOf`). */
export function factsOf(context: ReminderContext): DeliveryFacts {
  return {
    governance: context.governance,
    person: context.person,
    milestone: context.milestone,
    action: context.action,
    meeting: context.meeting,
    indicator: context.indicator,
  };
}

/**
 * Loads what a delivery is about, in one read transaction: the governance, the recipient, the
 * subject (and its action or body), or for a digest the governance's milestones, updates and
 * given-up deliveries with the names they cite.
 */
export async function loadReminderContext(
  store: Store,
  delivery: Delivery,
  now: string,
): Promise<ReminderContext> {
  return store.transaction(async (repos) => {
    const governance = await repos.governances.get(delivery.governanceId);
    const context: ReminderContext = { delivery, now, governance };
    if (delivery.recipient.type === 'person') {
      context.person = await repos.persons.get(delivery.recipient.personId);
    }
    const subject = delivery.subject;
    switch (subject.type) {
      case 'milestone': {
        context.milestone = await repos.milestones.get(subject.id);
        const actionId = context.milestone?.actionId;
        if (actionId) context.action = await repos.actions.get(actionId);
        break;
      }
      case 'action':
        context.action = await repos.actions.get(subject.id);
        break;
      case 'indicator':
        context.indicator = await repos.indicators.get(subject.id);
        break;
      case 'meeting': {
        context.meeting = await repos.meetings.get(subject.id);
        const bodyId = context.meeting?.bodyId;
        if (bodyId) context.body = await repos.bodies.get(bodyId);
        break;
      }
      case 'governance': {
        if (!governance) break;
        const [milestones, updates, deliveries, actions] = await Promise.all([
          repos.milestones.listByGovernance(governance.id),
          repos.updates.listByGovernance(governance.id),
          repos.deliveries.listByGovernance(governance.id),
          repos.actions.listByGovernance(governance.id),
        ]);
        const week = weekDigest({
          now,
          today: localDate(now, governance.timeZone),
          milestones,
          updates,
          deliveries,
        });
        const personIds = new Set<string>();
        for (const m of [...week.late, ...week.upcoming]) if (m.ownerId) personIds.add(m.ownerId);
        for (const u of week.updates) personIds.add(u.authorId);
        for (const d of week.missed) {
          if (d.recipient.type === 'person') personIds.add(d.recipient.personId);
        }
        const names = new Map<string, string>();
        for (const person of await repos.persons.getMany([...personIds])) {
          names.set(person.id, displayNameOf(person));
        }
        // Updates and milestones are named by their subject's title.
        for (const m of milestones) names.set(m.id, m.title);
        for (const a of actions) names.set(a.id, `${a.code} — ${a.title}`);
        names.set(governance.id, governance.name);
        context.digest = { week, names };
        break;
      }
    }
    return context;
  });
}

// ---- French -------------------------------------------------------------------------------------

const longDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const pluralRules = new Intl.PluralRules('fr-FR');

/** `2024-05-17` → "vendredi 17 mai 2024". */
export function frenchDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

function frenchShortDate(date: string): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

function plural(count: number, one: string, other: string): string {
  return `${count} ${pluralRules.select(count) === 'one' ? one : other}`;
}

/** An instant as Discord timestamps: the full local date and time, and "dans 3 jours". */
export function discordTime(instant: string): string {
  const seconds = Math.floor(Date.parse(instant) / 1000);
  return `<t:${seconds}:F> (<t:${seconds}:R>)`;
}

/** `2024-T2` → "2e trimestre 2024", `2024-05` → "mai 2024", `2024` → "année 2024". */
export function frenchPeriod(period: string): string {
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  const rank = (n: string) => (n === '1' ? '1er' : `${n}e`);
  if (rest.startsWith('S')) return `${rank(rest.slice(1))} semestre ${year}`;
  if (rest.startsWith('T')) return `${rank(rest.slice(1))} trimestre ${year}`;
  if (rest !== '') return monthYear.format(new Date(`${year}-${rest}-01T00:00:00Z`));
  return `année ${year}`;
}

/** Every sentence of the reminders and the digest. */
export const reminderTexts = {
  milestoneIn(days: number): string {
    if (days <= 0) return '🎯 **Jalon aujourd’hui**';
    if (days === 1) return '⏳ **Jalon demain**';
    return `⏳ **Jalon dans ${days} jours**`;
  },
  milestoneLate: (days: number) => `⚠️ **Jalon en retard de ${plural(days, 'jour', 'jours')}**`,
  milestoneDue: (date: string) => `Échéance : **${frenchDate(date)}**.`,
  milestoneWasDue: (date: string) => `Il était prévu pour le **${frenchDate(date)}**.`,
  milestoneAsk: 'Où en êtes-vous ? Répondez en un clic :',
  milestoneLateAsk: 'Atteint, à reporter, ou un point d’étape pour dire où il en est ?',
  ofAction: (action: string) => `Action ${action}.`,
  checkinTitle: (action: string) => `🗓️ **Point de la semaine** sur l’action **${action}**`,
  checkinAsk: 'Où en est-elle ? Un point d’étape en deux clics, ou « Rien de neuf ».',
  collectionTitle: (label: string, period: string) =>
    `📊 **Collecte d’indicateur** : « ${label} », ${period}`,
  collectionPerson: 'La période est terminée : saisissez sa valeur avec `/indicateur`.',
  collectionChannel:
    'La période est terminée : sa valeur est attendue. Vous avez le chiffre ? Transmettez-le aux coordinateur·rices, qui le saisissent avec `/indicateur`.',
  meetingTitle: (body: string, title: string | undefined) => `🏛️ **${body}** — ${title ?? 'séance'}`,
  meetingWhen: (instant: string) => `Le ${discordTime(instant)}.`,
  meetingPlace: (place: string) => `Lieu : ${place}.`,
  meetingLink: (link: string) => `Lien : ${link}`,
  meetingAgenda: '**Ordre du jour**',
  meetingNoAgenda: 'L’ordre du jour n’est pas encore publié.',
  digestTitle: (name: string) => `📰 **La semaine de ${name}**`,
  digestLate: (count: number) => `**Jalons en retard (${count})**`,
  digestUpcoming: (count: number) => `**À venir dans les 7 jours (${count})**`,
  digestUpdates: (count: number) => `**Points d’étape depuis le dernier résumé (${count})**`,
  digestQuiet: 'Rien de neuf cette semaine : ni retard, ni échéance proche, ni point d’étape.',
  digestMissed: (count: number) =>
    `**Pour les coordinateur·rices : ${plural(count, 'rappel non envoyé', 'rappels non envoyés')} depuis le dernier résumé**`,
  digestMore: (count: number) => `… et ${count} de plus.`,
  digestMilestone: (title: string, date: string, owner: string | undefined) =>
    `- « ${title} », ${frenchShortDate(date)}${owner ? ` (${owner})` : ''}`,
  digestUpdate: (author: string, subject: string, text: string) =>
    `- ${author} sur « ${subject} » : ${text}`,
  digestMissedLine: (kind: string, who: string, reason: string) => `- ${kind}, ${who} : ${reason}`,
  unknownRecipient: 'membre inconnu',
  channel: 'salon',
  noReason: 'raison inconnue',
};

// ---- rendering ----------------------------------------------------------------------------------

/** Discord's limit for a message's text. */
export const MESSAGE_LIMIT = 2000;
const LIST_LIMIT = 5;
const QUOTE_LIMIT = 140;

function clip(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= limit ? flat : `${flat.slice(0, limit - 1)}…`;
}

function actionName(action: Action | undefined): string | undefined {
  return action ? `${action.code} — ${action.title}` : undefined;
}

function renderMilestone(context: ReminderContext, milestone: Milestone): OutgoingMessage {
  const zone = context.governance?.timeZone ?? 'Europe/Paris';
  const days = daysBetween(localDate(context.now, zone), milestone.dueDate);
  const late = days < 0;
  const action = actionName(context.action);
  const lines = [
    `${late ? reminderTexts.milestoneLate(-days) : reminderTexts.milestoneIn(days)} : « ${milestone.title} »`,
    late
      ? reminderTexts.milestoneWasDue(milestone.dueDate)
      : reminderTexts.milestoneDue(milestone.dueDate),
    ...(action ? [reminderTexts.ofAction(action)] : []),
    late ? reminderTexts.milestoneLateAsk : reminderTexts.milestoneAsk,
  ];
  return {
    text: lines.join('\n'),
    buttons: reminderButtons({ type: 'milestone', id: milestone.id }, context.delivery.id),
  };
}

function renderCheckin(context: ReminderContext, action: Action): OutgoingMessage {
  return {
    text: [
      reminderTexts.checkinTitle(actionName(action) ?? action.title),
      reminderTexts.checkinAsk,
    ].join('\n'),
    buttons: reminderButtons({ type: 'action', id: action.id }, context.delivery.id),
  };
}

function renderCollection(context: ReminderContext, indicator: Indicator): OutgoingMessage {
  const subject = context.delivery.subject;
  const period = subject.type === 'indicator' ? frenchPeriod(subject.period) : '';
  const toChannel = context.delivery.recipient.type === 'channel';
  return {
    text: [
      reminderTexts.collectionTitle(indicator.label, period),
      toChannel ? reminderTexts.collectionChannel : reminderTexts.collectionPerson,
    ].join('\n'),
  };
}

function renderMeeting(context: ReminderContext, meeting: Meeting): OutgoingMessage {
  const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`);
  const lines = [
    reminderTexts.meetingTitle(context.body?.name ?? '', meeting.title),
    reminderTexts.meetingWhen(meeting.startsAt),
    ...(meeting.place ? [reminderTexts.meetingPlace(meeting.place)] : []),
    ...(meeting.link ? [reminderTexts.meetingLink(meeting.link)] : []),
    '',
    ...(agenda.length > 0
      ? [reminderTexts.meetingAgenda, ...agenda]
      : [reminderTexts.meetingNoAgenda]),
  ];
  return { text: lines.join('\n') };
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map(line);
  const more = items.length - shown.length;
  return ['', title, ...shown, ...(more > 0 ? [reminderTexts.digestMore(more)] : [])];
}

function renderDigest(context: ReminderContext): OutgoingMessage {
  const { governance, digest } = context;
  if (!governance || !digest) return { text: reminderTexts.digestQuiet };
  const { week, names } = digest;
  const name = (id: string | undefined) => (id === undefined ? undefined : names.get(id));
  const milestoneLine = (m: Milestone) =>
    reminderTexts.digestMilestone(m.title, m.dueDate, name(m.ownerId));
  const lines = [
    reminderTexts.digestTitle(governance.name),
    ...section(reminderTexts.digestLate(week.late.length), week.late, milestoneLine),
    ...section(reminderTexts.digestUpcoming(week.upcoming.length), week.upcoming, milestoneLine),
    ...section(reminderTexts.digestUpdates(week.updates.length), week.updates, (u) =>
      reminderTexts.digestUpdate(
        name(u.authorId) ?? reminderTexts.unknownRecipient,
        name(u.subject.id) ?? u.subject.id,
        clip(u.text, QUOTE_LIMIT),
      ),
    ),
  ];
  if (week.late.length + week.upcoming.length + week.updates.length === 0) {
    lines.push('', reminderTexts.digestQuiet);
  }
  lines.push(
    ...section(reminderTexts.digestMissed(week.missed.length), week.missed, (d) =>
      reminderTexts.digestMissedLine(
        deliveryKindLabels[d.kind],
        d.recipient.type === 'person'
          ? (name(d.recipient.personId) ?? reminderTexts.unknownRecipient)
          : reminderTexts.channel,
        clip(d.lastError ?? reminderTexts.noReason, QUOTE_LIMIT),
      ),
    ),
  );
  return { text: lines.join('\n') };
}

function withLimit(message: OutgoingMessage): OutgoingMessage {
  if (message.text.length <= MESSAGE_LIMIT) return message;
  return { ...message, text: `${message.text.slice(0, MESSAGE_LIMIT - 1)}…` };
}

/**
 * The message of a delivery, in French, with its buttons: « Fait », « Point d’étape »,
 * « Reporter d’une semaine », « Rien de neuf » on a milestone; « Point d’étape » and « Rien de
 * neuf » on a weekly check-in; none on collections, agendas and the digest. `mentionUserId`
 * prefixes a mention, for a person reached in the community channel. Call it once `holdOf` said
 * the delivery may go: a subject that vanished meanwhile renders as its kind's label.
 *
 * @example
 * renderReminder(await loadReminderContext(store, delivery, now));
 * // { text: "⏳ **Jalon dans 3 jours** : « Recrutement des conseillers »\n…", buttons: [[…]] }
 */
export function renderReminder(context: ReminderContext, mentionUserId?: string): OutgoingMessage {
  const rendered = renderBody(context);
  const text = mentionUserId === undefined ? rendered.text : `<@${mentionUserId}> ${rendered.text}`;
  return withLimit({ ...rendered, text });
}

function renderBody(context: ReminderContext): OutgoingMessage {
  const { delivery } = context;
  switch (delivery.kind) {
    case 'milestone_reminder':
    case 'milestone_overdue':
      if (context.milestone) return renderMilestone(context, context.milestone);
      break;
    case 'action_checkin':
      if (context.action) return renderCheckin(context, context.action);
      break;
    case 'indicator_collection':
      if (context.indicator) return renderCollection(context, context.indicator);
      break;
    case 'meeting_agenda':
      if (context.meeting) return renderMeeting(context, context.meeting);
      break;
    case 'community_digest':
      return renderDigest(context);
  }
  return { text: deliveryKindLabels[delivery.kind] };
}
