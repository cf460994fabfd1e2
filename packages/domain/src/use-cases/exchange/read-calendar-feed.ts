import { z } from 'zod';
import { type CalendarLinks, renderCalendar } from '../../exchange/calendar.ts';
import type { Governance } from '../../governance/governance.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { CalendarFeedToken } from './calendar-feed.ts';
import { personalCalendar } from './personal-calendar.ts';

export const ReadCalendarFeedInput = z.object({ token: CalendarFeedToken });

/**
 * The iCalendar feed a secret token opens: the governance's milestones (all-day events on their
 * due date), its funding dates (deadlines, decisions, payments, end of agreement, report) and
 * its meetings, cancelled ones included so that subscribed calendars mark them
 * cancelled. `undefined` for a malformed, unknown or revoked token, all alike.
 *
 * A person's own feed (`personId`) is their agenda instead (see `personalCalendar`), and
 * `personId` is given in place of `governance`.
 *
 * The actor is not checked: calendar applications cannot send an API key, so the token is the
 * credential. The feed holds no person's name: titles, dates, places and links only. `links`,
 * given by the app that serves the feed, puts the web workspace's address of each item in its
 * event.
 */
export async function readCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
  options: { links?: CalendarLinks } = {},
): Promise<{ governance?: Governance; personId?: string; calendar: string } | undefined> {
  const parsed = ReadCalendarFeedInput.safeParse(input);
  if (!parsed.success) return undefined;
  return ctx.store.transaction(async (repos) => {
    const feed = await repos.calendarFeeds.findByToken(parsed.data.token);
    if (!feed || feed.revokedAt !== undefined) return undefined;
    if (feed.personId !== undefined) {
      const personId = feed.personId;
      return {
        personId,
        calendar: await personalCalendar(repos, personId, ctx.clock(), options.links),
      };
    }
    const governanceId = feed.governanceId;
    if (governanceId === undefined) return undefined;
    const governance = await mustGet(repos.governances, governanceId, 'Gouvernance');
    const [milestones, meetings, actions, bodies, fundingLines] = await Promise.all([
      repos.milestones.listByGovernance(governanceId),
      repos.meetings.listByGovernance(governanceId),
      repos.actions.listByGovernance(governanceId),
      repos.bodies.listByGovernance(governanceId),
      repos.fundingLines.listByGovernance(governanceId),
    ]);
    const calendar = renderCalendar({
      governance,
      milestones,
      meetings,
      actions,
      bodies,
      fundingLines,
      now: ctx.clock(),
      ...(options.links ? { links: options.links } : {}),
    });
    return { governance, calendar };
  });
}
