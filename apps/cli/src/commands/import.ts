import { GovernanceDocument, ValidationError } from '@maille/domain';
import { importGovernance } from '@maille/domain/use-cases';
import { argument, type Command } from '../command.ts';
import { kernelContext, withDatabase } from '../context.ts';
import { FileError } from '../errors.ts';
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
      checkHeader(file, document);
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

/** The version of the export format this version of Maille reads. */
const FORMAT_VERSION = GovernanceDocument.shape.formatVersion.value;

/**
 * Refuses, in one sentence, a file that is not an export of Maille (any JSON, `{}`) or one written
 * by a later version, before the kernel lists what each field of the document lacks.
 */
function checkHeader(file: string, document: unknown): void {
  const { format, formatVersion } = (document ?? {}) as {
    format?: unknown;
    formatVersion?: unknown;
  };
  if (typeof document !== 'object' || Array.isArray(document) || format !== 'maille.gouvernance') {
    throw new FileError(fr.exchange.notAnExport(file));
  }
  if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION) {
    throw new FileError(fr.exchange.newerFormat(file, formatVersion, FORMAT_VERSION));
  }
}
