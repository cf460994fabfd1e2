import { z } from 'zod';
import { ChatPlatform, Person } from '../../people/person.ts';
import { ConflictError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, saveChange } from '../helpers.ts';
import { mayManageOwnAccounts } from './link-chat-account.ts';

export const UnlinkChatAccountInput = z.object({
  personId: idOf('person'),
  platform: ChatPlatform,
});
export type UnlinkChatAccountInput = z.input<typeof UnlinkChatAccountInput>;

/** Removes a person's chat account on a platform: the bot no longer knows them there. */
export async function unlinkChatAccount(ctx: UseCaseContext, input: unknown): Promise<Person> {
  const { personId, platform } = validate(UnlinkChatAccountInput, input);
  mayManageOwnAccounts(ctx, personId);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.persons, personId, 'Personne');
    const chatAccounts = before.chatAccounts.filter((a) => a.platform !== platform);
    if (chatAccounts.length === before.chatAccounts.length)
      throw new ConflictError('Aucun compte n’est lié sur cette plateforme.');
    return saveChange(
      ctx,
      repos,
      { schema: Person, entity: 'person', repo: repos.persons },
      { before, changes: { chatAccounts }, action: 'unlink_chat_account' },
    );
  });
}
