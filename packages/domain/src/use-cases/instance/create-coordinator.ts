import { z } from 'zod';
import { TerritoryRef } from '../../actors/territory.ts';
import type { Governance, Perimeter } from '../../governance/governance.ts';
import { Person } from '../../people/person.ts';
import { ForbiddenError, ValidationError } from '../../shared/errors.ts';
import { Email, Name } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { createGovernance } from '../governance/create-governance.ts';
import { insertNew, sameTransaction } from '../helpers.ts';

export const CreateCoordinatorInput = z.object({
  displayName: Name,
  email: Email,
  /** Their governance, opened with them as its coordinator; else they open it from the web workspace. */
  governance: z.object({ name: Name, territory: TerritoryRef }).optional(),
});

export interface CreatedCoordinator {
  person: Person;
  /** False when a person already had this e-mail address: nothing was written. */
  created: boolean;
  governance?: Governance;
}

/** The perimeter a governance of this territory has, as the national platform names them. */
function perimeterOf(level: TerritoryRef['level']): Perimeter {
  return level === 'epci' || level === 'departement' || level === 'region' ? level : 'autre';
}

/**
 * The first coordinator of a new instance, created by its administrator (the command line): a
 * person with the function « coordinateur », and, when given, their governance with them as its
 * coordinator, on a territory of the official directory, which must be loaded. Signed in (see `issueSignInLink`), they do everything else from the web workspace,
 * opening their governance there if it was not given. A person already known by the e-mail address
 * is returned as is (`created: false`), never duplicated.
 *
 * @example
 * const { person } = await createCoordinator(ctx, { displayName: 'Awa Diallo', email: 'awa@example.fr' });
 */
export async function createCoordinator(
  ctx: UseCaseContext,
  input: unknown,
): Promise<CreatedCoordinator> {
  const fields = validate(CreateCoordinatorInput, input);
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError(
      'Seul·e l’administrateur·rice de l’instance crée un·e coordinateur·rice ainsi.',
    );
  }
  return ctx.store.transaction(async (repos) => {
    // A real instance's first governance: without the official directory its code cannot be
    // checked, and a mistyped SIREN would open a governance with no commune.
    if (
      fields.governance &&
      (await repos.territories.findByCode('pays', 'FR'))?.official !== true
    ) {
      throw new ValidationError([
        {
          path: ['governance', 'territory'],
          message:
            'le répertoire officiel des territoires n’est pas chargé : ce territoire ne peut pas être vérifié. Chargez-le d’abord.',
        },
      ]);
    }
    const known = await repos.persons.findByEmail(fields.email);
    if (known) return { person: known, created: false };
    const person = await insertNew(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      {
        displayName: fields.displayName,
        email: fields.email,
        functions: ['coordinateur'],
        id: ctx.ids('person'),
      },
    );
    if (!fields.governance) return { person, created: true };
    // Opened as the person would open it from the web workspace: they are its coordinator.
    const governance = await createGovernance(
      { ...ctx, store: sameTransaction(repos), actor: { ...ctx.actor, personId: person.id } },
      {
        name: fields.governance.name,
        territory: fields.governance.territory,
        perimeter: perimeterOf(fields.governance.territory.level),
      },
    ).catch((error: unknown) => {
      // Its fields are this input's `governance`: name them so.
      throw error instanceof ValidationError
        ? new ValidationError(error.issues.map((i) => ({ ...i, path: ['governance', ...i.path] })))
        : error;
    });
    return { person, created: true, governance };
  });
}
