import { z } from 'zod';
import { governanceRoleOf } from '../../governance/permissions.ts';
import { Person } from '../../people/person.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export const GetPersonInput = z.object({ personId: idOf('person') });
export type GetPersonInput = z.input<typeof GetPersonInput>;

/**
 * A person as the other members of their governances see them: who they are and for which
 * organization, without the means to reach them in private (email, phone, chat accounts) nor their
 * reminder preferences (quiet hours, a leave). Members reach each other through the governance's
 * chat room and meetings; contact details stay with those who coordinate.
 */
export const PersonCard = Person.omit({
  email: true,
  phone: true,
  chatAccounts: true,
  reminders: true,
});
export type PersonCard = z.infer<typeof PersonCard>;

/**
 * How much of a person's record the actor may read (persons are personal data, DOMAIN.md §6):
 * - `full`: an instance administrator; the person themselves; a coordinator of a governance where
 *   the person holds a role or a seat in a body (past seats included: the history names them);
 *   whoever added the person to the directory (they typed those details in, and must be able to
 *   read back the record they just made before giving it a role);
 * - `card` (`PersonCard`, no contact details): anyone holding a role or a current seat in a
 *   governance where the person holds a role or a seat;
 * - anyone else, the public included, is told the person does not exist (`NotFoundError`): the
 *   directory of persons is not browsable.
 */
export async function authorizePersonRead(
  ctx: UseCaseContext,
  repos: Repositories,
  personId: string,
): Promise<'full' | 'card'> {
  if (ctx.actor.instanceAdmin) return 'full';
  const actorId = ctx.actor.personId;
  if (!actorId) throw new NotFoundError('Personne', personId);
  if (actorId === personId) return 'full';
  let colleague = false;
  // Only where the person takes part (a role, or a seat in a body, even a past one).
  for (const governance of await repos.governances.listTakenPartIn(personId)) {
    const bodies = await repos.bodies.listByGovernance(governance.id);
    const today = localDate(ctx.clock(), governance.timeZone);
    const role = governanceRoleOf(actorId, governance, bodies, today);
    if (role === 'coordinateur') return 'full';
    if (role !== null) colleague = true;
  }
  if (colleague) return 'card';
  const history = await repos.auditEvents.listByEntity('person', personId);
  if (history.some((event) => event.action === 'create' && event.actorId === actorId)) {
    return 'full';
  }
  throw new NotFoundError('Personne', personId);
}

/**
 * A person's record, whole or as a `PersonCard`, as `authorizePersonRead` decides; anyone who may
 * not read it is told it does not exist.
 *
 * @example
 * await getPerson(ctx, { personId: 'per_lrgiraud' }); // a card for a member of his governance
 */
export async function getPerson(ctx: UseCaseContext, input: unknown): Promise<Person | PersonCard> {
  const { personId } = validate(GetPersonInput, input);
  return ctx.store.transaction(async (repos) => {
    const access = await authorizePersonRead(ctx, repos, personId);
    const person = await mustGet(repos.persons, personId, 'Personne');
    return access === 'full' ? person : cardOf(person);
  });
}

function cardOf(person: Person): PersonCard {
  const {
    email: _email,
    phone: _phone,
    chatAccounts: _chat,
    reminders: _reminders,
    ...card
  } = person;
  return card;
}
