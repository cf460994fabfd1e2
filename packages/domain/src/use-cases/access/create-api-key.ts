import { z } from 'zod';
import { ConflictError, ForbiddenError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { Label } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { ApiKey } from './api-key.ts';

export const CreateApiKeyInput = z.object({
  personId: idOf('person').optional(),
  label: Label,
  instanceAdmin: z.boolean(),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

/**
 * Creates a key and returns its token, the only time the secret is seen. A key speaks in a
 * person's name, so only that person or an instance administrator creates it; a key of the
 * instance's administration (which may have no person) only an administrator. The person must
 * exist and not be erased.
 *
 * @example
 * const { key, token } = await createApiKey(ctx, {
 *   personId: 'per_lrmoreau',
 *   label: 'Tableau de bord',
 *   instanceAdmin: false,
 * });
 */
export async function createApiKey(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ key: ApiKey; token: string }> {
  const { personId, label, instanceAdmin } = validate(CreateApiKeyInput, input);
  if (!personId && !instanceAdmin) {
    throw new ValidationError([
      {
        path: ['personId'],
        message:
          'Une clé agit pour une personne : indiquez laquelle (seule une clé d’administration de l’instance peut s’en passer).',
      },
    ]);
  }
  if (!ctx.actor.instanceAdmin && (instanceAdmin || ctx.actor.personId !== personId)) {
    throw new ForbiddenError(
      instanceAdmin
        ? 'Seul·e un·e administrateur·rice de l’instance peut créer une clé d’administration.'
        : 'Une clé parle au nom d’une personne : seule cette personne ou un·e administrateur·rice de l’instance peut la créer.',
    );
  }
  return ctx.store.transaction(async (repos) => {
    if (personId) {
      const person = await mustGet(repos.persons, personId, 'Personne');
      if (person.erasedAt) {
        throw new ConflictError(
          'Cette personne a été effacée : elle ne peut plus recevoir de clé.',
        );
      }
    }
    return repos.apiKeys.create({
      ...(personId ? { personId } : {}),
      label,
      instanceAdmin,
      createdAt: ctx.clock(),
    });
  });
}
