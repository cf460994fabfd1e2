import { searchKey } from '@maille/domain';
import {
  calendarFeedPath,
  getPersonalCalendarFeed,
  renewPersonalCalendarFeed,
} from '@maille/domain/use-cases';
import { OptionError } from '../conversation/errors.ts';
import { privately } from '../conversation/format.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.agenda;

/**
 * `/agenda`: the link of the person's own calendar (made the first time), answered so that only
 * they see it; `/agenda renouveler:oui` gives a new one and the old one stops working.
 */
export const agenda: BotCommand = {
  definition: {
    name: 'agenda',
    description: texts.description,
    options: [
      {
        name: 'renouveler',
        description: texts.renouveler,
        type: 'string',
        required: false,
        // Long enough for a wrong answer to get the explanation, not « too long ».
        maxLength: 40,
      },
    ],
  },
  texts,
  async execute(call) {
    const me = await call.session();
    const renew = call.optionalText('renouveler');
    if (renew !== undefined && searchKey(renew) !== 'oui') throw new OptionError(texts.renewHow);
    if (!call.ctx.webUrl) return privately(texts.noAddress);
    const input = { personId: me.personId };
    const live = renew === undefined ? await getPersonalCalendarFeed(me.kernel, input) : undefined;
    if (live) return privately(texts.link(`${call.ctx.webUrl}${calendarFeedPath(live.token)}`));
    const made = await renewPersonalCalendarFeed(me.kernel, input);
    const url = `${call.ctx.webUrl}${calendarFeedPath(made.token)}`;
    return privately(made.replaced ? texts.renewed(url) : texts.link(url));
  },
};
