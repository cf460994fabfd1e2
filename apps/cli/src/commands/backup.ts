import { statSync } from 'node:fs';
import { backupSqlite } from '@maille/db';
import { argument, type Command, flag } from '../command.ts';
import { withDatabase } from '../context.ts';
import { checkDestination } from '../files.ts';
import { formatSize, fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { userPath } from '../paths.ts';

/** `maille backup <fichier>`: an online, checked copy of the SQLite database. */
export const backup: Command = {
  name: 'backup',
  aliases: ['sauvegarder'],
  help: HELP.backup,
  options: { remplacer: { type: 'boolean' } },
  async run(invocation, cli) {
    const file = userPath(cli.env, argument('backup', invocation, 0, fr.backup.fileArgument));
    checkDestination(file, flag(invocation, 'remplacer'));
    const progress = cli.progress(fr.backup.copying);
    // A missing database is refused (exit code 4), never created only to be backed up.
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
