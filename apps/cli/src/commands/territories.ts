import { loadTerritoryDirectory } from '@maille/domain/use-cases';
import { type Command, noMoreArguments, subcommand } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { readOfficialDirectory } from '../official-directory.ts';

/**
 * `maille territoires charger`: the official directory of communes, EPCI, départements and
 * régions, in one transaction; run again, it changes nothing.
 */
export const territories: Command = {
  name: 'territoires',
  aliases: ['territories', 'annuaire'],
  help: HELP.territories,
  options: {},
  async run(invocation, cli) {
    subcommand('territoires', invocation, { charger: ['load', 'charge'] });
    noMoreArguments('territoires', invocation, 1);
    const progress = cli.progress(fr.territories.loading);
    try {
      progress.status(fr.territories.reading);
      const { edition, directory } = readOfficialDirectory();
      const load = await withDatabase(cli, { migrated: true }, (database) =>
        loadTerritoryDirectory(
          kernelContext(cli, database),
          { edition, directory },
          (done, total) => progress.update(done, total),
        ),
      );
      progress.finish();
      cli.print(fr.territories.loaded(load));
    } finally {
      progress.finish();
    }
  },
};
