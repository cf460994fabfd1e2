import { privately } from '../conversation/format.ts';
import { identitiesOf } from '../conversation/session.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.delier;

/** `/delier`: unlinks my chat account; no more reminders here. */
export const delier: BotCommand = {
  definition: { name: 'delier', description: texts.description, options: [] },
  texts,
  async execute(call) {
    const me = await call.session();
    await identitiesOf(call.ctx).unlink(call.user, me.personId);
    return privately(texts.unlinked);
  },
};
