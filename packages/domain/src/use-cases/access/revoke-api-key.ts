import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type ApiKey, ApiKeyId } from './api-key.ts';

export const RevokeApiKeyInput = z.object({ keyId: ApiKeyId });

/**
 * Revokes a key at once and for good: the API refuses it from then on. An administrator revokes
 * any key, a person their own; anyone else is told the key does not exist. The id may come with
 * its `mai_` prefix, or as the whole token.
 */
export async function revokeApiKey(ctx: UseCaseContext, input: unknown): Promise<ApiKey> {
  const { keyId } = validate(RevokeApiKeyInput, input);
  return ctx.store.transaction(async (repos) => {
    const key = await repos.apiKeys.get(keyId);
    const mine = key?.personId !== undefined && key.personId === ctx.actor.personId;
    if (!key || !(ctx.actor.instanceAdmin || mine)) throw new NotFoundError('Clé d’API', keyId);
    if (key.revokedAt !== undefined) throw new ConflictError('Cette clé est déjà révoquée.');
    const revoked = { ...key, revokedAt: ctx.clock() };
    await repos.apiKeys.update(revoked);
    return revoked;
  });
}
