import { z } from 'zod';
import { ForbiddenError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import type { ApiKey } from './api-key.ts';

export const ListApiKeysInput = z.object({ personId: idOf('person').optional() });

/**
 * Keys, oldest first, without secrets: every key (or one person's) for an administrator, their
 * own for a person. The public is refused.
 */
export async function listApiKeys(ctx: UseCaseContext, input: unknown = {}): Promise<ApiKey[]> {
  const { personId } = validate(ListApiKeysInput, input);
  const own = ctx.actor.personId;
  if (!ctx.actor.instanceAdmin && (own === undefined || (personId ?? own) !== own)) {
    throw new ForbiddenError('Vous ne pouvez voir que vos propres clés.');
  }
  const whose = ctx.actor.instanceAdmin ? personId : own;
  return ctx.store.transaction((repos) =>
    repos.apiKeys.list(whose === undefined ? {} : { personId: whose }),
  );
}
