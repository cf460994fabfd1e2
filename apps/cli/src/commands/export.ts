import { idOf } from '@maille/domain';
import { exportGovernance } from '@maille/domain/use-cases';
import { argument, type Command, flag, stringOption } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { checkDestination, jsonDocumentChunks, recordCount, writeAtomically } from '../files.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/** `maille export <gouvernance> [--fichier f]`: a whole governance as a JSON document. */
export const exportCommand: Command = {
  name: 'export',
  aliases: ['exporter'],
  help: HELP.export,
  options: { fichier: { type: 'string', short: 'f' }, remplacer: { type: 'boolean' } },
  async run(invocation, cli) {
    const governanceId = argument('export', invocation, 0, fr.exchange.governanceArgument);
    if (!idOf('governance').safeParse(governanceId).success) {
      throw new UsageError(fr.exchange.notAGovernanceId(governanceId), 'export');
    }
    const named = stringOption(invocation, 'fichier');
    const file = named === undefined ? undefined : userPath(cli.env, named);
    if (file) checkDestination(file, flag(invocation, 'remplacer'));
    const progress = cli.progress(fr.exchange.writing);
    try {
      progress.status(fr.exchange.readingGovernance(governanceId));
      const document = await withDatabase(cli, { migrated: true }, (database) =>
        exportGovernance(kernelContext(cli, database), { governanceId }),
      );
      const total = recordCount(document);
      let done = 0;
      if (file) {
        writeAtomically(
          file,
          jsonDocumentChunks(document, () => progress.update(++done, total)),
        );
      }
      progress.finish();
      cli.print(
        file
          ? fr.exchange.exported(document.governance.name, file, total)
          : [...jsonDocumentChunks(document)].join('').trimEnd(),
      );
    } finally {
      progress.finish();
    }
  },
};
