import { z } from 'zod';
import type { UseCaseContext } from '../context.ts';
import { type ApiKeyIdentity, LAST_USE_PRECISION_MS } from './api-key.ts';

export const VerifyApiKeyInput = z.object({ token: z.string().max(200) });

/**
 * The identity behind a token, or `undefined` for a malformed, unknown or revoked token, or a key
 * whose person has since been erased. Anyone may ask: the token is the credential. Records when
 * the key was last used, to the minute (`LAST_USE_PRECISION_MS`).
 *
 * @example
 * const identity = await verifyApiKey(ctx, { token: bearerToken });
 * if (!identity) return c.json({ erreur: 'Clé d’API invalide.' }, 401);
 */
export async function verifyApiKey(
  ctx: UseCaseContext,
  input: unknown,
): Promise<ApiKeyIdentity | undefined> {
  const parsed = VerifyApiKeyInput.safeParse(input);
  if (!parsed.success) return undefined;
  const token = parsed.data.token.trim();
  return ctx.store.transaction(async (repos) => {
    const key = await repos.apiKeys.findByToken(token);
    if (!key || key.revokedAt !== undefined) return undefined;
    if (key.personId !== undefined) {
      const person = await repos.persons.get(key.personId);
      if (!person || person.erasedAt) return undefined;
    }
    const now = ctx.clock();
    const lastUse = key.lastUsedAt === undefined ? undefined : Date.parse(key.lastUsedAt);
    if (lastUse === undefined || Date.parse(now) - lastUse >= LAST_USE_PRECISION_MS) {
      await repos.apiKeys.update({ ...key, lastUsedAt: now });
    }
    return {
      keyId: key.id,
      ...(key.personId !== undefined ? { personId: key.personId } : {}),
      instanceAdmin: key.instanceAdmin,
    };
  });
}
