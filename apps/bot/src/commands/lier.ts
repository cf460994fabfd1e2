import { ConflictError } from '@maille/domain';
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
    let personId: string | undefined;
    try {
      personId = await identities.linkWithCode(user, code);
    } catch (error) {
      // The code is not spent: the person may use it from another account.
      if (error instanceof ConflictError) return privately(texts.taken);
      throw error;
    }
    if (!personId) return privately(texts.badCode);
    return privately(texts.done(await nameOf(kernelAs(ctx, user, personId), personId)));
  },
};
