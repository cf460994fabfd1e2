import {
  type Action,
  addDays,
  type Body,
  coordinatorIds,
  type Delivery,
  type DeliveryFacts,
  daysBetween,
  deliveryKindLabels,
  digestHorizon,
  digestSince,
  displayNameOf,
  type FundingLine,
  formatEuros,
  funderKindLabels,
  fundingDeadlineLabels,
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
import type { OutgoingMessage } from '../conversation/chat.ts';
import { clip, fit } from '../conversation/format.ts';
import { reminderButtons } from '../interactions/button-ids.ts';
import { frenchPeriod } from '../messages/dates.ts';
import { fr } from '../messages/fr.ts';

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
  /** The governance's bodies, for a digest to a person (is the reader still one of them?). */
  bodies?: Body[] | undefined;
  fundingLine?: FundingLine | undefined;
  /** The funding organization's name, when the line names one. */
  funderName?: string | undefined;
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
    body: context.body,
    bodies: context.bodies,
    indicator: context.indicator,
    fundingLine: context.fundingLine,
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
      case 'fundingLine': {
        const line = await repos.fundingLines.get(subject.id);
        context.fundingLine = line;
        if (line) context.action = await repos.actions.get(line.actionId);
        if (line?.funderOrganizationId) {
          context.funderName = (await repos.organizations.get(line.funderOrganizationId))?.name;
        }
        break;
      }
      case 'governance': {
        if (!governance) break;
        // Only what the digest shows: the open milestones up to its horizon, the updates since
        // the previous digest — not the governance's whole history.
        const today = localDate(now, governance.timeZone);
        // `digest:<governance>:<ISO week>[:<person>:email]`: the other copies of this week's
        // digest are not the previous one (see `digestSince`).
        const week = delivery.dedupeKey.split(':')[2];
        const reader =
          delivery.recipient.type === 'person' ? delivery.recipient.personId : undefined;
        const [deliveries, actions, fundingLines, bodies] = await Promise.all([
          repos.deliveries.listByGovernance(governance.id),
          repos.actions.listByGovernance(governance.id),
          repos.fundingLines.listByGovernance(governance.id),
          reader === undefined ? undefined : repos.bodies.listByGovernance(governance.id),
        ]);
        context.bodies = bodies;
        const abandoned = new Set(
          actions.filter((a) => a.status === 'abandonnee').map((a) => a.id),
        );
        const [milestones, updates] = await Promise.all([
          repos.milestones.listOpenDueBefore(governance.id, addDays(digestHorizon(today), 1)),
          repos.updates.listRecordedBetween(governance.id, digestSince(now, deliveries, week), now),
        ]);
        const summary = weekDigest({
          now,
          today,
          week,
          milestones,
          updates,
          deliveries,
          fundingLines: fundingLines.filter((l) => !abandoned.has(l.actionId)),
        });
        // The reminders that could not be sent are the coordination's business: the channel
        // shows them to the community, an e-mail only to a coordinator — not to an elected
        // member of the comité, who can do nothing about them.
        const digest =
          reader === undefined || coordinatorIds(governance).includes(reader)
            ? summary
            : { ...summary, missed: [] };
        const funders = await repos.organizations.getMany(
          digest.funding.flatMap((d) =>
            d.line.funderOrganizationId ? [d.line.funderOrganizationId] : [],
          ),
        );
        const personIds = new Set<string>();
        for (const m of [...digest.late, ...digest.upcoming])
          if (m.ownerId) personIds.add(m.ownerId);
        for (const u of digest.updates) personIds.add(u.authorId);
        for (const d of digest.missed) {
          if (d.recipient.type === 'person') personIds.add(d.recipient.personId);
        }
        const names = new Map<string, string>();
        for (const person of await repos.persons.getMany([...personIds])) {
          names.set(person.id, displayNameOf(person));
        }
        // Updates and milestones are named by their subject's title.
        const citedMilestones = digest.updates
          .filter((u) => u.subject.type === 'milestone')
          .map((u) => u.subject.id);
        for (const m of [...milestones, ...(await repos.milestones.getMany(citedMilestones))]) {
          names.set(m.id, m.title);
        }
        for (const a of actions) names.set(a.id, `${a.code} — ${a.title}`);
        for (const o of funders) names.set(o.id, o.name);
        names.set(governance.id, governance.name);
        context.digest = { week: digest, names };
        break;
      }
    }
    return context;
  });
}

const texts = fr.reminders;

const LIST_LIMIT = 5;
const QUOTE_LIMIT = 140;

/** A quote on one line, cut to `limit`. */
function quote(text: string, limit: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), limit);
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
    `${late ? texts.milestoneLate(-days) : texts.milestoneIn(days)} : « ${milestone.title} »`,
    late ? texts.milestoneWasDue(milestone.dueDate) : texts.milestoneDue(milestone.dueDate),
    ...(action ? [texts.ofAction(action)] : []),
    late ? texts.milestoneLateAsk : texts.milestoneAsk,
  ];
  return {
    text: lines.join('\n'),
    buttons: reminderButtons({ type: 'milestone', id: milestone.id }, context.delivery.id),
  };
}

function renderCheckin(context: ReminderContext, action: Action): OutgoingMessage {
  return {
    text: [texts.checkinTitle(actionName(action) ?? action.title), texts.checkinAsk].join('\n'),
    buttons: reminderButtons({ type: 'action', id: action.id }, context.delivery.id),
  };
}

function renderCollection(context: ReminderContext, indicator: Indicator): OutgoingMessage {
  const subject = context.delivery.subject;
  const period = subject.type === 'indicator' ? frenchPeriod(subject.period) : '';
  const toChannel = context.delivery.recipient.type === 'channel';
  return {
    text: [
      texts.collectionTitle(indicator.label, period),
      toChannel ? texts.collectionChannel : texts.collectionPerson,
    ].join('\n'),
  };
}

function renderMeeting(context: ReminderContext, meeting: Meeting): OutgoingMessage {
  const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.title}`);
  const lines = [
    texts.meetingTitle(context.body?.name ?? '', meeting.title),
    texts.meetingWhen(meeting.startsAt),
    ...(meeting.place ? [texts.meetingPlace(meeting.place)] : []),
    ...(meeting.link ? [texts.meetingLink(meeting.link)] : []),
    '',
    ...(agenda.length > 0 ? [texts.meetingAgenda, ...agenda] : [texts.meetingNoAgenda]),
  ];
  return { text: lines.join('\n') };
}

function renderFunding(context: ReminderContext, line: FundingLine): OutgoingMessage {
  const subject = context.delivery.subject;
  const deadline = subject.type === 'fundingLine' ? subject.deadline : 'depot';
  const date = (deadline === 'depot' ? line.applicationDeadline : line.reportDueOn) ?? '';
  const zone = context.governance?.timeZone ?? 'Europe/Paris';
  const funder = [context.funderName ?? funderKindLabels[line.funderKind], line.programme]
    .filter(Boolean)
    .join(' — ');
  const action = actionName(context.action);
  const lines = [
    `${texts.fundingIn(deadline, daysBetween(localDate(context.now, zone), date))}`,
    texts.fundingDue(date),
    texts.fundingFunder(funder, formatEuros(line.amountCents)),
    ...(action ? [texts.ofAction(action)] : []),
    deadline === 'depot' ? texts.fundingDepotAsk : texts.fundingBilanAsk,
  ];
  return { text: lines.join('\n') };
}

function section<T>(title: string, items: readonly T[], line: (item: T) => string): string[] {
  if (items.length === 0) return [];
  const shown = items.slice(0, LIST_LIMIT).map(line);
  const more = items.length - shown.length;
  return ['', title, ...shown, ...(more > 0 ? [texts.digestMore(more)] : [])];
}

function renderDigest(context: ReminderContext): OutgoingMessage {
  const { governance, digest } = context;
  if (!governance || !digest) return { text: texts.digestQuiet };
  const { week, names } = digest;
  const name = (id: string | undefined) => (id === undefined ? undefined : names.get(id));
  const milestoneLine = (m: Milestone) =>
    texts.digestMilestone(m.title, m.dueDate, name(m.ownerId));
  const lines = [
    texts.digestTitle(governance.name),
    ...section(texts.digestLate(week.late.length), week.late, milestoneLine),
    ...section(texts.digestUpcoming(week.upcoming.length), week.upcoming, milestoneLine),
    ...section(texts.digestFunding(week.funding.length), week.funding, (d) =>
      texts.digestFundingLine(
        fundingDeadlineLabels[d.deadline],
        [
          (d.line.funderOrganizationId && name(d.line.funderOrganizationId)) ||
            funderKindLabels[d.line.funderKind],
          name(d.line.actionId),
        ]
          .filter(Boolean)
          .join(', '),
        d.date,
        d.date < localDate(context.now, governance.timeZone),
      ),
    ),
    ...section(texts.digestUpdates(week.updates.length), week.updates, (u) =>
      texts.digestUpdate(
        name(u.authorId) ?? texts.unknownRecipient,
        name(u.subject.id) ?? u.subject.id,
        quote(u.text, QUOTE_LIMIT),
      ),
    ),
  ];
  if (week.late.length + week.upcoming.length + week.updates.length + week.funding.length === 0) {
    lines.push('', texts.digestQuiet);
  }
  lines.push(
    ...section(texts.digestMissed(week.missed.length), week.missed, (d) =>
      texts.digestMissedLine(
        deliveryKindLabels[d.kind],
        d.recipient.type === 'person'
          ? (name(d.recipient.personId) ?? texts.unknownRecipient)
          : texts.channel,
        quote(d.lastError ?? texts.noReason, QUOTE_LIMIT),
      ),
    ),
  );
  return { text: lines.join('\n') };
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
  return { ...rendered, text: fit(text) };
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
    case 'funding_deadline':
      if (context.fundingLine) return renderFunding(context, context.fundingLine);
      break;
    case 'community_digest':
      return renderDigest(context);
  }
  return { text: deliveryKindLabels[delivery.kind] };
}
