import { issueChatLinkCode } from '@maille/domain/use-cases';
import { type Command, noMoreArguments, stringOption, subcommand } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille lien creer --personne per_…`: a one-time code linking a chat account (`/lier`). */
export const link: Command = {
  name: 'lien',
  aliases: ['liens', 'link'],
  help: HELP.link,
  options: {
    personne: { type: 'string' },
  },
  async run(invocation, cli) {
    subcommand('lien', invocation, { creer: ['créer', 'create'] });
    noMoreArguments('lien', invocation, 1);
    const personId = stringOption(invocation, 'personne');
    if (!personId) throw new UsageError(fr.link.needsPerson, 'lien');
    const issued = await withDatabase(cli, { migrated: true }, (database) =>
      issueChatLinkCode(kernelContext(cli, database), { personId }),
    );
    cli.print(fr.link.created(issued.personId, issued.expiresAt));
    cli.print(fr.link.howTo(issued.code));
  },
};
