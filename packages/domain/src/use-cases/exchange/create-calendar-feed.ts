import { z } from 'zod';
import { idOf } from '../../shared/ids.ts';
import { Label } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import type { CalendarFeed } from './calendar-feed.ts';

export const CreateCalendarFeedInput = z.object({
  governanceId: idOf('governance'),
  label: Label,
});
export type CreateCalendarFeedInput = z.input<typeof CreateCalendarFeedInput>;

/**
 * Creates a calendar feed of a governance and returns its token: the only time it is seen. A feed
 * shares the governance's calendar with whoever holds its link, so only its coordinators and the
 * instance administrators may (`governance.manage`); someone who may not read the governance is
 * told it does not exist.
 *
 * @example
 * const { feed, token } = await createCalendarFeed(ctx, {
 *   governanceId: 'gov_larochelle',
 *   label: 'Agenda partagé',
 * });
 * // subscribe to calendarFeedPath(token)
 */
export async function createCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ feed: CalendarFeed; token: string }> {
  const { governanceId, label } = validate(CreateCalendarFeedInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'governance.manage', governanceId);
    return repos.calendarFeeds.create({
      governanceId,
      label,
      createdAt: ctx.clock(),
      ...(ctx.actor.personId !== undefined ? { createdBy: ctx.actor.personId } : {}),
    });
  });
}
