import { coordinatorIds } from '@maille/domain';
import { bindChat } from '@maille/domain/use-cases';
import { privately } from '../conversation/format.ts';
import { candidatesOf, myWork, resolve, suggestMine } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.configurer;

/**
 * `/configurer [gouvernance]`, typed in a server channel by a coordinator: that channel becomes
 * the governance's community channel (the digest and the mentions go there).
 */
export const configurer: BotCommand = {
  definition: {
    name: 'configurer',
    description: texts.description,
    options: [
      {
        name: 'gouvernance',
        description: texts.gouvernance,
        type: 'string',
        required: false,
        autocomplete: true,
        maxLength: 100,
      },
    ],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    const { guildId, channelId } = call.place;
    if (!guildId || !channelId) return privately(texts.notInChannel);
    const coordinated = (await myWork(me, 0)).filter((entry) =>
      coordinatorIds(entry.governance).includes(me.personId),
    );
    if (coordinated.length === 0) return privately(texts.notCoordinator);
    const chosen = call.optionalText('gouvernance');
    let target = coordinated[0];
    if (chosen !== undefined) {
      target = resolve(
        candidatesOf(coordinated, ['governance']),
        chosen,
        fr.subjects.governances,
      ).work;
    } else if (coordinated.length > 1) {
      return privately(texts.choose(coordinated.map((c) => c.governance.name)));
    }
    if (!target) return privately(texts.notCoordinator);
    await bindChat(me.kernel, { governanceId: target.governance.id, guildId, channelId });
    return privately(texts.done(target.governance.name));
  },
  autocomplete: ({ ctx, user, query }) =>
    suggestMine(ctx, user, query, ['governance'], (work, personId) =>
      coordinatorIds(work.governance).includes(personId),
    ),
};
