import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import type { CalendarFeed } from './calendar-feed.ts';

export const PersonalCalendarFeedInput = z.object({ personId: idOf('person') });

/**
 * A person's own feed is theirs alone: only they (and an instance administrator) may see or renew
 * its link; anyone else is told the person does not exist. An erased person has none.
 */
export async function authorizeOwnFeed(
  ctx: UseCaseContext,
  repos: Repositories,
  personId: string,
): Promise<void> {
  if (!ctx.actor.instanceAdmin && ctx.actor.personId !== personId)
    throw new NotFoundError('Personne', personId);
  const person = await mustGet(repos.persons, personId, 'Personne');
  if (person.erasedAt)
    throw new ConflictError('Cette personne est effacée : elle n’a pas d’agenda.');
}

/**
 * The person's own calendar link (see `personalCalendar`) with its token, or `undefined` when
 * they have none yet: `renewPersonalCalendarFeed` makes one.
 *
 * @example
 * const live = await getPersonalCalendarFeed(ctx, { personId: 'per_amelie' });
 * // live && calendarFeedPath(live.token)
 */
export async function getPersonalCalendarFeed(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ feed: CalendarFeed; token: string } | undefined> {
  const { personId } = validate(PersonalCalendarFeedInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeOwnFeed(ctx, repos, personId);
    return repos.calendarFeeds.findLiveOfPerson(personId);
  });
}
