import { type CalendarLinks, renderCalendar } from '../../exchange/calendar.ts';
import { membersOn } from '../../governance/body.ts';
import { addDays, localDate } from '../../shared/time.ts';
import type { Repositories } from '../ports.ts';

/**
 * A person's own agenda. Milestones: those they own, and those without an owner of their own in
 * an action they own (the sheet's owner carries its unassigned steps); in every governance.
 * Meetings: those of the bodies where they hold a seat today, in the governances they take part
 * in. Both bounded: what is ahead, and the last `PERSONAL_CALENDAR_DAYS_BACK` days (late open
 * milestones stay, whatever their date), at most `PERSONAL_CALENDAR_LIMIT` of each.
 */
export const PERSONAL_CALENDAR_DAYS_BACK = 183;
export const PERSONAL_CALENDAR_LIMIT = 500;
/** The calendar's name: the person's own, so it names no one (the feed may be shared). */
export const PERSONAL_CALENDAR_NAME = 'Mon agenda Maille';
const DEFAULT_ZONE = 'Europe/Paris';

/** The iCalendar text of a person's own agenda at `now` (see `PERSONAL_CALENDAR_DAYS_BACK`). */
export async function personalCalendar(
  repos: Repositories,
  personId: string,
  now: string,
  links?: CalendarLinks,
): Promise<string> {
  const governances = await repos.governances.listTakenPartIn(personId);
  const timeZone = governances[0]?.timeZone ?? DEFAULT_ZONE;
  const today = localDate(now, timeZone);
  const since = addDays(today, -PERSONAL_CALENDAR_DAYS_BACK);
  const bodies = (
    await Promise.all(governances.map((g) => repos.bodies.listByGovernance(g.id)))
  ).flat();
  // A seat that has ended takes the body's meetings out of the agenda; so does one not begun.
  const seated = bodies.filter((b) => membersOn(b, today).some((m) => m.personId === personId));
  const [milestones, meetings] = await Promise.all([
    repos.milestones.listCarriedBy(personId, { dueFrom: since, limit: PERSONAL_CALENDAR_LIMIT }),
    seated.length === 0
      ? []
      : repos.meetings.listByBodies(
          seated.map((b) => b.id),
          { from: `${since}T00:00:00.000Z`, limit: PERSONAL_CALENDAR_LIMIT },
        ),
  ]);
  const actionIds = [...new Set(milestones.flatMap((m) => (m.actionId ? [m.actionId] : [])))];
  const known = new Set(governances.map((g) => g.id));
  const elsewhere = [...new Set(milestones.map((m) => m.governanceId))].filter(
    (id) => !known.has(id),
  );
  const [actions, others] = await Promise.all([
    repos.actions.getMany(actionIds),
    repos.governances.getMany(elsewhere),
  ]);
  return renderCalendar({
    governance: { name: PERSONAL_CALENDAR_NAME, timeZone },
    governances: [...governances, ...others],
    milestones,
    meetings,
    actions,
    bodies: seated,
    now,
    ...(links ? { links } : {}),
  });
}
