import { z } from 'zod';
import { ForbiddenError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import type { CalendarFeed } from './calendar-feed.ts';

export const ListCalendarFeedsInput = z.object({ governanceId: idOf('governance').optional() });

/**
 * The feeds of one governance, in id order, revoked ones included, for those who may manage them
 * (see `createCalendarFeed`); the feeds of every governance for an instance administrator.
 */
export async function listCalendarFeeds(
  ctx: UseCaseContext,
  input: unknown = {},
): Promise<CalendarFeed[]> {
  const { governanceId } = validate(ListCalendarFeedsInput, input);
  if (governanceId === undefined && !ctx.actor.instanceAdmin) {
    throw new ForbiddenError('Indiquez la gouvernance dont vous voulez les flux de calendrier.');
  }
  return ctx.store.transaction(async (repos) => {
    if (governanceId !== undefined) {
      await authorize(ctx, repos, 'governance.manage', governanceId);
    }
    return repos.calendarFeeds.list(governanceId === undefined ? {} : { governanceId });
  });
}
