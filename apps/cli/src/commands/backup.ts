import { existsSync, statSync } from 'node:fs';
import { backupSqlite } from '@maille/db';
import { argument, type Command, flag } from '../command.ts';
import { isPostgres, withDatabase } from '../context.ts';
import { FileError } from '../errors.ts';
import { checkDestination } from '../files.ts';
import { formatSize, fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { databaseUrl, userPath } from '../paths.ts';

/** `maille backup <fichier>`: an online, checked copy of the SQLite database. */
export const backup: Command = {
  name: 'backup',
  aliases: ['sauvegarder'],
  help: HELP.backup,
  options: { remplacer: { type: 'boolean' } },
  async run(invocation, cli) {
    const file = userPath(cli.env, argument('backup', invocation, 0, fr.backup.fileArgument));
    checkDestination(file, flag(invocation, 'remplacer'));
    const source = databaseUrl(cli.env);
    // Opening a missing file would create an empty database, only to back it up.
    if (!isPostgres(cli.env) && source !== ':memory:' && !existsSync(source)) {
      throw new FileError(fr.database.missingFile(source));
    }
    const progress = cli.progress(fr.backup.copying);
    const result = await withDatabase(cli, { migrated: false }, async (database) => {
      try {
        return await backupSqlite(database, file, (p) =>
          progress.update(p.totalPages - p.remainingPages, p.totalPages),
        );
      } finally {
        progress.finish();
      }
    });
    cli.print(fr.backup.done(result.file, formatSize(statSync(result.file).size)));
  },
};
