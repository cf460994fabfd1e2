import { type Body, membersOn } from '../governance/body.ts';
import { coordinatorIds, type Governance } from '../governance/governance.ts';
import type { Meeting } from '../governance/meeting.ts';
import type { Indicator } from '../indicators/indicator.ts';
import { mediaOf, type Person } from '../people/person.ts';
import type { Action } from '../roadmap/action.ts';
import { isDeadlineOpen } from '../roadmap/funding-calendar.ts';
import type { FundingLine } from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import { formatDate, localDate } from '../shared/time.ts';
import { type Delivery, deliveryKindLabels } from './delivery.ts';

/**
 * What a dispatcher checks again just before sending a delivery: the plan was made minutes or
 * days earlier, and the world may have moved since (the milestone was reached, the person went on
 * leave or was erased, the channel vanished). Pure: the dispatcher loads the facts, these rules
 * decide.
 */

/** What a delivery is about, as stored now. `undefined` where it no longer exists. */
export interface DeliveryFacts {
  governance: Pick<Governance, 'timeZone' | 'chat' | 'roles'> | undefined;
  /** The recipient, for a delivery to a person. */
  person?: Pick<Person, 'erasedAt' | 'chatAccounts' | 'reminders' | 'email'> | undefined;
  milestone?: Pick<Milestone, 'status' | 'dueDate' | 'ownerId'> | undefined;
  /** The check-in's action, or the milestone's action. */
  action?: Pick<Action, 'status' | 'ownerId'> | undefined;
  meeting?: Pick<Meeting, 'status' | 'startsAt'> | undefined;
  /** The meeting's body, for an agenda: who sits on it. */
  body?: Pick<Body, 'members'> | undefined;
  /** The governance's bodies, for a digest to a person: who sits on one of them. */
  bodies?: readonly Pick<Body, 'members'>[] | undefined;
  indicator?: Pick<Indicator, 'id'> | undefined;
  fundingLine?:
    | Pick<FundingLine, 'status' | 'applicationDeadline' | 'reportDueOn' | 'reportSubmittedOn'>
    | undefined;
}

/** Why a delivery is not sent: no longer useful (`expired`) or no longer right (`skipped`). */
export interface DeliveryHold {
  status: 'expired' | 'skipped';
  /** In French: recorded as the delivery's last error and shown to coordinators. */
  reason: string;
}

/** Where a delivery goes: a direct message, the community channel (with a mention), a mailbox. */
export type DeliveryRoute =
  | { type: 'direct'; userId: string }
  | { type: 'email'; address: string }
  | { type: 'channel'; channelId: string; mentionUserId?: string | undefined };

function subjectHold(
  delivery: Delivery,
  facts: DeliveryFacts,
  { today, zone }: { today: string; zone: string },
): string | undefined {
  const recipient = delivery.recipient.type === 'person' ? delivery.recipient.personId : undefined;
  switch (delivery.subject.type) {
    case 'milestone': {
      const milestone = facts.milestone;
      if (!milestone) return 'Le jalon n’existe plus.';
      if (milestone.status === 'atteint') return 'Le jalon est déjà atteint.';
      if (milestone.status === 'annule') return 'Le jalon a été annulé.';
      // Keys name the due date they were planned for (`milestone:<id>:<date>:J-3:<person>`): a
      // rescheduled milestone gets reminders of its own, the old ones are void.
      const planned = delivery.dedupeKey.split(':')[2];
      if (planned !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(planned)) {
        if (planned !== milestone.dueDate)
          return `Le jalon a été reprogrammé au ${formatDate(milestone.dueDate)}.`;
      }
      // The reminder goes to whoever answers for the milestone: its owner, or its action's.
      const answering = [milestone.ownerId, facts.action?.ownerId];
      if (recipient !== undefined && !answering.includes(recipient))
        return 'Cette personne ne porte plus ce jalon.';
      return undefined;
    }
    case 'action':
      if (!facts.action) return 'L’action n’existe plus.';
      if (facts.action.status !== 'en_cours') return 'L’action n’est plus en cours.';
      if (recipient !== undefined && facts.action.ownerId !== recipient)
        return 'Cette personne ne porte plus cette action.';
      return undefined;
    case 'meeting': {
      const meeting = facts.meeting;
      if (!meeting) return 'La séance n’existe plus.';
      if (meeting.status === 'annulee') return 'La séance a été annulée.';
      if (meeting.status === 'tenue') return 'La séance s’est déjà tenue.';
      // Keys name the day they were planned for (`meeting:<id>:<day>:J-7:<person>`): a meeting
      // moved to another day gets reminders of its own, the old ones are void.
      const day = localDate(meeting.startsAt, zone);
      const planned = delivery.dedupeKey.split(':')[2];
      if (planned !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(planned) && planned !== day)
        return `La séance a été déplacée au ${formatDate(day)}.`;
      // The agenda goes to whoever sits on the body that day.
      if (
        recipient !== undefined &&
        !membersOn(facts.body ?? { members: [] }, day).some((m) => m.personId === recipient)
      )
        return 'Cette personne ne siège plus dans cette instance.';
      return undefined;
    }
    case 'indicator':
      if (!facts.indicator) return 'L’indicateur n’existe plus.';
      // Figures are entered by coordinators: someone who stepped down is not asked any more.
      if (
        recipient !== undefined &&
        !coordinatorIds(facts.governance ?? { roles: [] }).includes(recipient)
      )
        return 'Cette personne ne coordonne plus la gouvernance.';
      return undefined;
    case 'governance': {
      // The digest by e-mail goes to whoever holds a role in the governance or sits on one of
      // its bodies: someone who left since it was planned no longer reads it.
      if (recipient === undefined) return undefined;
      const inIt =
        (facts.governance?.roles ?? []).some((r) => r.personId === recipient) ||
        (facts.bodies ?? []).some((b) => membersOn(b, today).some((m) => m.personId === recipient));
      return inIt ? undefined : 'Cette personne ne fait plus partie de la gouvernance.';
    }
    case 'fundingLine': {
      const line = facts.fundingLine;
      if (!line) return 'Le financement n’existe plus.';
      const deadline = delivery.subject.deadline;
      if (!isDeadlineOpen(line, deadline)) {
        if (line.status === 'refuse') return 'Le financement a été refusé.';
        return deadline === 'depot'
          ? 'Le dossier a déjà été déposé.'
          : 'Le bilan a déjà été remis.';
      }
      // Keys name the date they were planned for (`funding:<id>:depot:<date>:J-7:<person>`).
      const date = deadline === 'depot' ? line.applicationDeadline : line.reportDueOn;
      const planned = delivery.dedupeKey.split(':')[3];
      if (date === undefined) return 'L’échéance a été retirée.';
      if (planned !== undefined && planned !== date)
        return `L’échéance a été déplacée au ${formatDate(date)}.`;
      // The action's owner and the coordination answer for the money.
      if (
        recipient !== undefined &&
        facts.action?.ownerId !== recipient &&
        !coordinatorIds(facts.governance ?? { roles: [] }).includes(recipient)
      )
        return 'Cette personne ne suit plus ce financement.';
      return undefined;
    }
  }
}

function hasActiveChannel(facts: DeliveryFacts): boolean {
  const chat = facts.governance?.chat;
  return chat !== undefined && chat.disabledAt === undefined;
}

/**
 * Whether a delivery must not be sent at `now`, and why; `undefined` when it may go. Expiry comes
 * first (a stale message is expired even if its subject also moved), then the governance, the
 * subject (reached, moved, cancelled… and whether the recipient still answers for it, sits on the
 * meeting's body, belongs to the governance), and the recipient: erased, without a linked account (or address, by e-mail), who
 * turned that kind off or that medium, on leave (`pausedUntil`, a day in
 * the governance's zone), or a channel that is not bound or was disabled.
 *
 * @example
 * holdOf(delivery, { governance, person, milestone: { status: 'atteint', dueDate } }, now);
 * // { status: 'skipped', reason: 'Le jalon est déjà atteint.' }
 */
export function holdOf(
  delivery: Delivery,
  facts: DeliveryFacts,
  now: string,
): DeliveryHold | undefined {
  if (delivery.expiresAt <= now) {
    return { status: 'expired', reason: 'Plus utile à cette heure : le rappel a expiré.' };
  }
  const governance = facts.governance;
  if (!governance) return { status: 'skipped', reason: 'La gouvernance n’existe plus.' };
  const zone = governance.timeZone;
  const subject = subjectHold(delivery, facts, { today: localDate(now, zone), zone });
  if (subject) return { status: 'skipped', reason: subject };
  if (delivery.recipient.type === 'channel') {
    return hasActiveChannel(facts)
      ? undefined
      : { status: 'skipped', reason: 'Aucun salon de communauté actif pour cette gouvernance.' };
  }
  const person = facts.person;
  if (!person || person.erasedAt !== undefined) {
    return { status: 'skipped', reason: 'La personne a été effacée.' };
  }
  if (delivery.recipient.medium === 'email') {
    if (person.email === undefined) {
      return { status: 'skipped', reason: 'Aucune adresse électronique pour cette personne.' };
    }
    if (!mediaOf(person, delivery.kind).includes('email')) {
      return {
        status: 'skipped',
        reason: 'Cette personne ne reçoit plus les rappels par courriel.',
      };
    }
  } else if (!person.chatAccounts.some((account) => account.platform === 'discord')) {
    return { status: 'skipped', reason: 'Aucun compte Discord lié à cette personne.' };
  } else if (!mediaOf(person, delivery.kind).includes('chat')) {
    return {
      status: 'skipped',
      reason: 'Cette personne ne reçoit plus les rappels par la messagerie.',
    };
  }
  if (person.reminders.pausedKinds?.includes(delivery.kind)) {
    return {
      status: 'skipped',
      reason: `La personne a désactivé ce type de rappel (${deliveryKindLabels[delivery.kind].toLowerCase()}).`,
    };
  }
  const paused = person.reminders.pausedUntil;
  if (paused !== undefined && localDate(now, governance.timeZone) <= paused) {
    return { status: 'skipped', reason: `Rappels en pause jusqu’au ${formatDate(paused)}.` };
  }
  return undefined;
}

/**
 * Where a delivery that may go is sent: a channel delivery to the bound channel; a person's
 * reminder by direct message, or as a mention in the community channel when the person prefers
 * that and the channel is active. Call it after `holdOf` said nothing.
 */
export function routeOf(delivery: Delivery, facts: DeliveryFacts): DeliveryRoute | undefined {
  const chat = facts.governance?.chat;
  const channelId = chat && chat.disabledAt === undefined ? chat.channelId : undefined;
  if (delivery.recipient.type === 'channel') {
    return channelId === undefined ? undefined : { type: 'channel', channelId };
  }
  if (delivery.recipient.medium === 'email') {
    const address = facts.person?.email;
    return address === undefined ? undefined : { type: 'email', address };
  }
  const userId = facts.person?.chatAccounts.find((a) => a.platform === 'discord')?.userId;
  if (userId === undefined) return undefined;
  if (facts.person?.reminders.channel === 'mention_salon' && channelId !== undefined) {
    return { type: 'channel', channelId, mentionUserId: userId };
  }
  return { type: 'direct', userId };
}
