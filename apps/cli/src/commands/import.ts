import { ValidationError } from '@maille/domain';
import { importGovernance } from '@maille/domain/use-cases';
import { argument, type Command } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { readJsonFile } from '../files.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/** `maille import <fichier>`: a governance exported by `maille export`, in one transaction. */
export const importCommand: Command = {
  name: 'import',
  aliases: ['importer'],
  help: HELP.import,
  options: {},
  async run(invocation, cli) {
    const file = userPath(cli.env, argument('import', invocation, 0, fr.exchange.fileArgument));
    const progress = cli.progress(fr.exchange.importing);
    try {
      progress.status(fr.exchange.reading(file));
      const document = await readJsonFile(file);
      const result = await withDatabase(cli, { migrated: true }, async (database) => {
        progress.status(fr.exchange.checking);
        try {
          return await importGovernance(kernelContext(cli, database), document, ({ done, total }) =>
            progress.update(done, total),
          );
        } catch (error) {
          // Say what the file is before listing what is wrong in it.
          if (error instanceof ValidationError) {
            throw new ValidationError(error.issues, fr.exchange.invalidDocument);
          }
          throw error;
        }
      });
      progress.finish();
      const name = (document as { governance: { name: string } }).governance.name;
      cli.print(fr.exchange.imported(name, result.governanceId, result.written));
    } finally {
      progress.finish();
    }
  },
};
