import type { Body } from '../governance/body.ts';
import type { Governance } from '../governance/governance.ts';
import { type Meeting, meetingStatusLabels } from '../governance/meeting.ts';
import type { Action } from '../roadmap/action.ts';
import { fundingDateLabels, fundingDatesOf } from '../roadmap/funding-calendar.ts';
import { type FundingLine, funderKindLabels } from '../roadmap/funding-line.ts';
import { type Milestone, milestoneStatusLabels } from '../roadmap/milestone.ts';
import { formatEuros } from '../roadmap/money.ts';
import { addDays } from '../shared/time.ts';

/**
 * A governance's milestones, meetings and funding dates as an iCalendar feed (RFC 5545) that calendar
 * applications subscribe to. Each event keeps its UID across fetches and its `SEQUENCE` is the
 * entity's version, so a subscribed calendar replaces a changed event instead of duplicating it.
 */

/** What the feed is made of: the governance, its milestones and meetings, and what they name. */
export interface CalendarSource {
  governance: Pick<Governance, 'name' | 'timeZone' | 'demo'>;
  milestones: readonly Milestone[];
  meetings: readonly Meeting[];
  /** The actions the milestones belong to, for their titles. */
  actions: readonly Pick<Action, 'id' | 'code' | 'title'>[];
  /** The bodies the meetings belong to, for their names. */
  bodies: readonly Pick<Body, 'id' | 'name'>[];
  /** The funding lines whose dates the feed carries (deadline, decision, payments, end, report). */
  fundingLines?: readonly FundingLine[] | undefined;
  /** When the feed is produced (`DTSTAMP`), a UTC instant. */
  now: string;
  /**
   * The governances the events belong to, when they are several (a person's own agenda): each
   * event then says which one it is of.
   */
  governances?: readonly Pick<Governance, 'id' | 'name'>[];
  /** Where each item is seen in the web workspace: a line « Dans Maille : … » of its event. */
  links?: CalendarLinks;
}

/** The web workspace's address of a milestone and of a meeting (the apps know their pages). */
export interface CalendarLinks {
  milestone(milestone: Milestone): string | undefined;
  meeting(meeting: Meeting): string | undefined;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const PRODID = '-//Maille//Calendrier de gouvernance//FR';
/** How often subscribers are asked to fetch again: milestones move, meetings get scheduled. */
const REFRESH = 'PT1H';

/**
 * The iCalendar text of a governance's milestones and meetings: CRLF line ends, lines folded at
 * 75 octets, one `VEVENT` per milestone (all day) and per meeting (timed, in UTC).
 *
 * @example
 * const ics = renderCalendar({ governance, milestones, meetings, actions, bodies, now });
 * // 'BEGIN:VCALENDAR\r\nPRODID:-//Maille//Calendrier de gouvernance//FR\r\n…'
 */
export function renderCalendar(source: CalendarSource): string {
  const actions = new Map(source.actions.map((a) => [a.id, a]));
  const bodies = new Map(source.bodies.map((b) => [b.id, b]));
  const governances = new Map((source.governances ?? []).map((g) => [g.id, g.name]));
  const extra = (item: { governanceId: string }, link: string | undefined) => [
    ...(governances.has(item.governanceId)
      ? [`Gouvernance : ${governances.get(item.governanceId)}`]
      : []),
    ...(link ? [`Dans Maille : ${link}`] : []),
  ];
  const stamp = basicInstant(source.now);
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    // A subscribed calendar of demonstration data says so in its name.
    `X-WR-CALNAME:${escapeText(source.governance.demo ? `${source.governance.name} (démonstration)` : source.governance.name)}`,
    `X-WR-TIMEZONE:${escapeText(source.governance.timeZone)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    ...[...source.milestones]
      .sort(byId)
      .flatMap((m) =>
        milestoneEvent(
          m,
          m.actionId ? actions.get(m.actionId) : undefined,
          stamp,
          extra(m, source.links?.milestone(m)),
        ),
      ),
    ...[...source.meetings]
      .sort(byId)
      .flatMap((m) =>
        meetingEvent(m, bodies.get(m.bodyId), stamp, extra(m, source.links?.meeting(m))),
      ),
    ...[...(source.fundingLines ?? [])]
      .sort(byId)
      .flatMap((line) => fundingEvents(line, actions.get(line.actionId), stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

const milestoneSummaryPrefix: Record<Milestone['status'], string> = {
  a_venir: 'Jalon',
  reporte: 'Jalon',
  atteint: 'Jalon atteint',
  annule: 'Jalon annulé',
};

function milestoneEvent(
  milestone: Milestone,
  action: Pick<Action, 'code' | 'title'> | undefined,
  stamp: string,
  extra: readonly string[] = [],
): string[] {
  const of = action ? `${action.code} — ${action.title}` : 'feuille de route';
  const description = [
    action ? `Fiche : ${action.code} — ${action.title}` : 'Jalon de la feuille de route',
    `Statut : ${milestoneStatusLabels[milestone.status]}`,
    ...(milestone.completedOn ? [`Atteint le ${milestone.completedOn}`] : []),
    ...(milestone.reschedules.length > 0
      ? [`Échéance reportée (${milestone.reschedules.length} fois)`]
      : []),
    ...extra,
    ...(milestone.description ? ['', milestone.description] : []),
  ];
  return event(milestone, stamp, [
    `DTSTART;VALUE=DATE:${basicDate(milestone.dueDate)}`,
    // An all-day event ends, exclusively, on the next day (RFC 5545 §3.6.1).
    `DTEND;VALUE=DATE:${basicDate(addDays(milestone.dueDate, 1))}`,
    `SUMMARY:${escapeText(`${milestoneSummaryPrefix[milestone.status]} : ${milestone.title} (${of})`)}`,
    `DESCRIPTION:${escapeText(description.join('\n'))}`,
    `STATUS:${milestone.status === 'annule' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
  ]);
}

function meetingEvent(
  meeting: Meeting,
  body: Pick<Body, 'name'> | undefined,
  stamp: string,
  extra: readonly string[] = [],
): string[] {
  const name = meeting.title ?? body?.name ?? 'Séance';
  const ends = new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000);
  const description = [
    ...(body ? [`Instance : ${body.name}`] : []),
    `Statut : ${meetingStatusLabels[meeting.status]}`,
    ...(meeting.link ? [`Lien : ${meeting.link}`] : []),
    ...extra,
    ...(meeting.agenda.length > 0
      ? ['', 'Ordre du jour :', ...meeting.agenda.map((item) => `- ${item.title}`)]
      : []),
  ];
  return event(meeting, stamp, [
    `DTSTART:${basicInstant(meeting.startsAt)}`,
    `DTEND:${basicInstant(ends.toISOString())}`,
    `SUMMARY:${escapeText(`${meeting.status === 'annulee' ? 'Séance annulée' : 'Séance'} : ${name}`)}`,
    `DESCRIPTION:${escapeText(description.join('\n'))}`,
    ...(meeting.place ? [`LOCATION:${escapeText(meeting.place)}`] : []),
    ...(meeting.link ? [`URL:${meeting.link}`] : []),
    `STATUS:${meeting.status === 'annulee' ? 'CANCELLED' : 'CONFIRMED'}`,
  ]);
}

/**
 * One all-day event per dated step of a funding line. Each step keeps its own UID (the line's id
 * and the step's kind; payments numbered by date), so moving a deadline moves its event.
 */
function fundingEvents(
  line: FundingLine,
  action: Pick<Action, 'code' | 'title'> | undefined,
  stamp: string,
): string[] {
  const funder = [funderKindLabels[line.funderKind], line.programme].filter(Boolean).join(' — ');
  let payment = 0;
  return fundingDatesOf(line).flatMap((step) => {
    const suffix = step.kind === 'versement' ? `versement-${++payment}` : step.kind;
    const amount = step.amountCents === undefined ? '' : ` (${formatEuros(step.amountCents)})`;
    const description = [
      `Financeur : ${funder}`,
      ...(action ? [`Fiche : ${action.code} — ${action.title}`] : []),
      `Montant demandé : ${formatEuros(line.amountCents)}`,
      ...(step.kind === 'depot' && !step.open ? ['Dossier déposé.'] : []),
      ...(step.kind === 'bilan' && !step.open ? ['Bilan remis.'] : []),
    ];
    return event({ ...line, id: `${line.id}-${suffix}` }, stamp, [
      `DTSTART;VALUE=DATE:${basicDate(step.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(step.date, 1))}`,
      `SUMMARY:${escapeText(`${fundingDateLabels[step.kind]}${amount} : ${funder}${action ? ` (${action.code})` : ''}`)}`,
      `DESCRIPTION:${escapeText(description.join('\n'))}`,
      'STATUS:CONFIRMED',
      'TRANSP:TRANSPARENT',
    ]);
  });
}

/** The lines every event has, around those of its kind. */
function event(
  entity: { id: string; version: number; createdAt: string; updatedAt: string },
  stamp: string,
  lines: string[],
): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${entity.id}@maille`,
    // Each change of the entity raises its version, hence the event's sequence: calendars then
    // take the new one over the copy they hold.
    `SEQUENCE:${entity.version}`,
    `DTSTAMP:${stamp}`,
    `CREATED:${basicInstant(entity.createdAt)}`,
    `LAST-MODIFIED:${basicInstant(entity.updatedAt)}`,
    ...lines,
    'END:VEVENT',
  ];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: dropping control characters is the point.
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/**
 * A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. Other
 * control characters are not allowed in a content line and are dropped.
 *
 * @example
 * escapeText('Comité; bilan, suite\nvote'); // 'Comité\\; bilan\\, suite\\nvote'
 */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * A content line folded so that no line exceeds 75 octets of UTF-8 (RFC 5545 §3.1): each
 * continuation starts with a space, and a multi-byte character is never split.
 *
 * @example
 * foldLine(`SUMMARY:${'é'.repeat(40)}`); // 'SUMMARY:' + 33 × 'é' + '\r\n ' + 7 × 'é'
 */
export function foldLine(line: string): string {
  if (utf8Length(line) <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // Iterating a string yields whole code points: a surrogate pair stays together.
  for (const char of line) {
    const size = utf8Length(char);
    // A continuation line's leading space counts toward its 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** How many octets `text` takes in UTF-8 (the kernel has no `TextEncoder`: it runs anywhere). */
function utf8Length(text: string): number {
  let octets = 0;
  for (const char of text) {
    const point = char.codePointAt(0) ?? 0;
    octets += point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
  }
  return octets;
}

/** `2026-11-24` → `20261124`. */
function basicDate(date: string): string {
  return date.replaceAll('-', '');
}

/** `2026-11-24T09:30:00.000Z` → `20261124T093000Z`. */
function basicInstant(instant: string): string {
  return `${new Date(instant).toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
