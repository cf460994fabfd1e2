import { z } from 'zod';
import { Person } from '../../people/person.ts';
import { ConflictError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { DEFAULT_TIME_ZONE, IsoDate, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorizePersonChange } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';

export const PauseRemindersInput = z.object({
  personId: idOf('person'),
  /** No reminder before this day; `null` resumes them now. */
  until: IsoDate.nullable(),
});
export type PauseRemindersInput = z.input<typeof PauseRemindersInput>;

/**
 * Holds a person's reminders during a leave (« /absence »), or resumes them. The person does it
 * themselves; a coordinator of a governance where they take part may too (someone fell ill). A
 * day already past is refused: it would pause nothing and look like it did.
 */
export async function pauseReminders(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const { personId, until } = validate(PauseRemindersInput, input);
  // Persons have no time zone of their own: the instance's default decides what "today" is.
  const today = localDate(ctx.clock(), DEFAULT_TIME_ZONE);
  if (until !== null && until <= today) {
    throw new ValidationError([
      { path: ['until'], message: 'La date de retour doit être après aujourd’hui.' },
    ]);
  }
  return ctx.store.transaction(async (repos) => {
    await authorizePersonChange(ctx, repos, personId);
    const before = await mustGet(repos.persons, personId, 'Personne');
    if (before.erasedAt) throw new ConflictError('Cette personne a été effacée.');
    const { pausedUntil: _, ...rest } = before.reminders;
    const reminders = until === null ? rest : { ...rest, pausedUntil: until };
    return saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        before,
        changes: { reminders },
        action: until === null ? 'resume_reminders' : 'pause_reminders',
      },
    );
  });
}
