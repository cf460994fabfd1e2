import { issueSignInLink } from '@maille/domain/use-cases';
import { privately } from '../conversation/format.ts';
import { discordTime } from '../messages/dates.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.connexion;

/** `/connexion`: a one-time link to the web workspace, answered so that only the asker sees it. */
export const connexion: BotCommand = {
  definition: { name: 'connexion', description: texts.description, options: [] },
  texts,
  async execute(call) {
    const me = await call.session();
    if (!call.ctx.webUrl) return privately(texts.noAddress);
    const { secret, expiresAt } = await issueSignInLink(me.kernel, { personId: me.personId });
    return privately(texts.link(`${call.ctx.webUrl}/connexion/${secret}`, discordTime(expiresAt)));
  },
};
