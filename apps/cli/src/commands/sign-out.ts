import { closeSessions } from '@maille/domain/use-cases';
import { type Command, noMoreArguments, stringOption } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille deconnexion --personne per_…`: closes every web session of a person (a lost phone). */
export const signOut: Command = {
  name: 'deconnexion',
  aliases: ['déconnexion', 'sign-out'],
  help: HELP.signOut,
  options: {
    personne: { type: 'string' },
  },
  async run(invocation, cli) {
    noMoreArguments('deconnexion', invocation, 0);
    const personId = stringOption(invocation, 'personne');
    if (!personId) throw new UsageError(fr.signOut.needsPerson, 'deconnexion');
    const closed = await withDatabase(cli, { migrated: true }, (database) =>
      closeSessions(kernelContext(cli, database), { personId }),
    );
    cli.print(fr.signOut.closed(personId, closed));
  },
};
