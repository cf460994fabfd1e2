import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import type { CalendarFeed } from './calendar-feed.ts';
import { authorizeOwnFeed, PersonalCalendarFeedInput } from './get-personal-calendar-feed.ts';

/** The label of every person's own feed: it names no one. */
export const PERSONAL_FEED_LABEL = 'Agenda personnel';

/**
 * Gives the person a new calendar link and revokes the one they had, at once: a person has at
 * most one live link, and renewing is how a link that went too far is cut off. Makes the first
 * one too (`replaced` says whether a live link was cut off). Only the person and an instance administrator (see `authorizeOwnFeed`).
 *
 * @example
 * const { token } = await renewPersonalCalendarFeed(ctx, { personId: 'per_amelie' });
 */
export async function renewPersonalCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ feed: CalendarFeed; token: string; replaced: boolean }> {
  const { personId } = validate(PersonalCalendarFeedInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeOwnFeed(ctx, repos, personId);
    const now = ctx.clock();
    const live = await repos.calendarFeeds.findLiveOfPerson(personId);
    if (live) await repos.calendarFeeds.update({ ...live.feed, revokedAt: now });
    const made = await repos.calendarFeeds.create({
      personId,
      label: PERSONAL_FEED_LABEL,
      createdAt: now,
      ...(ctx.actor.personId !== undefined ? { createdBy: ctx.actor.personId } : {}),
    });
    // Whether a link stopped working: the person is told to replace it only then.
    return { ...made, replaced: live !== undefined };
  });
}
