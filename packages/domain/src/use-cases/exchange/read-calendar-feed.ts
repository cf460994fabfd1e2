import { z } from 'zod';
import { renderCalendar } from '../../exchange/calendar.ts';
import type { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';

export const ReadCalendarFeedInput = z.object({ governanceId: idOf('governance') });

/**
 * The iCalendar feed of a governance: its milestones (all-day events on their due date) and its
 * meetings, cancelled ones included so that subscribed calendars mark them cancelled.
 *
 * The actor is not checked: calendar applications cannot send an API key, so the feed's secret
 * token is the credential. Call this only for a governance whose feed token the caller has just
 * verified (`verifyCalendarFeed` in `@maille/db`), the way an API key is verified before a use
 * case runs. The feed holds no person's name: titles, dates, places and links only.
 */
export async function readCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ governance: Governance; calendar: string }> {
  const { governanceId } = validate(ReadCalendarFeedInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await mustGet(repos.governances, governanceId, 'Gouvernance');
    const [milestones, meetings, actions, bodies] = await Promise.all([
      repos.milestones.listByGovernance(governanceId),
      repos.meetings.listByGovernance(governanceId),
      repos.actions.listByGovernance(governanceId),
      repos.bodies.listByGovernance(governanceId),
    ]);
    const calendar = renderCalendar({
      governance,
      milestones,
      meetings,
      actions,
      bodies,
      now: ctx.clock(),
    });
    return { governance, calendar };
  });
}
