import { z } from 'zod';
import { renderCalendar } from '../../exchange/calendar.ts';
import type { Governance } from '../../governance/governance.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { CalendarFeedToken } from './calendar-feed.ts';

export const ReadCalendarFeedInput = z.object({ token: CalendarFeedToken });

/**
 * The iCalendar feed a secret token opens: the governance's milestones (all-day events on their
 * due date), its funding dates (deadlines, decisions, payments, end of agreement, report) and
 * its meetings, cancelled ones included so that subscribed calendars mark them
 * cancelled. `undefined` for a malformed, unknown or revoked token, all alike.
 *
 * The actor is not checked: calendar applications cannot send an API key, so the token is the
 * credential. The feed holds no person's name: titles, dates, places and links only.
 */
export async function readCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ governance: Governance; calendar: string } | undefined> {
  const parsed = ReadCalendarFeedInput.safeParse(input);
  if (!parsed.success) return undefined;
  return ctx.store.transaction(async (repos) => {
    const feed = await repos.calendarFeeds.findByToken(parsed.data.token);
    if (!feed || feed.revokedAt !== undefined) return undefined;
    const governanceId = feed.governanceId;
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
    });
    return { governance, calendar };
  });
}
