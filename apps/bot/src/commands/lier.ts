import { ConflictError } from '@maille/domain';
import { redeemChatLinkCode, restoreChatLinkCode } from '@maille/domain/use-cases';
import { privately } from '../conversation/format.ts';
import { identitiesOf, kernelAs, nameOf } from '../conversation/session.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.lier;

/** `/lier <code>`: links my chat account to my person, with a code from the coordination. */
export const lier: BotCommand = {
  definition: {
    name: 'lier',
    description: texts.description,
    options: [
      { name: 'code', description: texts.code, type: 'string', required: true, maxLength: 20 },
    ],
  },
  texts,
  async execute({ ctx, user, text }) {
    const code = text('code');
    const identities = identitiesOf(ctx);
    const current = await identities.find(user);
    if (current)
      return privately(texts.already(await nameOf(kernelAs(ctx, user, current), current)));
    // Nobody is known yet: the code is the credential.
    const stranger = kernelAs(ctx, user, undefined);
    const redeemed = await redeemChatLinkCode(stranger, { code });
    if (!redeemed) return privately(texts.badCode);
    try {
      await identities.link(user, redeemed.personId);
    } catch (error) {
      // The code did nothing: give it back, so the person may use it from another account.
      await restoreChatLinkCode(stranger, { code });
      if (error instanceof ConflictError) return privately(texts.taken);
      throw error;
    }
    const kernel = kernelAs(ctx, user, redeemed.personId);
    return privately(texts.done(await nameOf(kernel, redeemed.personId)));
  },
};
