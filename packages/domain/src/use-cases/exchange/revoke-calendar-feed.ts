import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type CalendarFeed, CalendarFeedId } from './calendar-feed.ts';

export const RevokeCalendarFeedInput = z.object({ feedId: CalendarFeedId });

/**
 * Revokes a feed at once and for good: its link answers « introuvable » from then on. Only those
 * who may manage the governance's feeds (see `createCalendarFeed`); someone who may not read the
 * governance is told the feed does not exist. Revoking it again is a `ConflictError`.
 */
export async function revokeCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<CalendarFeed> {
  const { feedId } = validate(RevokeCalendarFeedInput, input);
  return ctx.store.transaction(async (repos) => {
    const feed = await repos.calendarFeeds.get(feedId);
    if (!feed) throw new NotFoundError('Flux de calendrier', feedId);
    // A person's own feed is renewed by its person (`renewPersonalCalendarFeed`), not here.
    if (feed.governanceId === undefined) throw new NotFoundError('Flux de calendrier', feedId);
    await authorize(ctx, repos, 'governance.manage', feed.governanceId, {
      asked: ['Flux de calendrier', feedId],
    });
    if (feed.revokedAt !== undefined) throw new ConflictError('Ce flux est déjà révoqué.');
    const revoked = { ...feed, revokedAt: ctx.clock() };
    await repos.calendarFeeds.update(revoked);
    return revoked;
  });
}
