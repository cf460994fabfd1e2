import { restoreSqlite } from '@maille/db';
import { argument, type Command } from '../command.ts';
import { isPostgres, withDatabase } from '../context.ts';
import { NotMigratedError, UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';
import { databaseUrl, userPath } from '../paths.ts';

/** `maille restore <fichier>`: the SQLite database replaced by a checked backup. */
export const restore: Command = {
  name: 'restore',
  aliases: ['restaurer'],
  help: HELP.restore,
  options: {},
  async run(invocation, cli) {
    const file = userPath(cli.env, argument('restore', invocation, 0, fr.restore.fileArgument));
    if (isPostgres(cli.env)) throw new UsageError(fr.restore.postgres, 'restore');
    const target = databaseUrl(cli.env);
    if (target === ':memory:') throw new UsageError(fr.restore.memory, 'restore');
    // The database must not be open here: the restore checks that nobody holds it.
    const result = await restoreSqlite(file, target, new Date(cli.now()));
    cli.print(fr.restore.done(file, result.file));
    if (result.previous) cli.print(fr.restore.previous(result.previous));
    // A backup from an older version of Maille: say what to run next.
    await withDatabase(cli, { migrated: true }, async () => {}).catch((error: unknown) => {
      if (!(error instanceof NotMigratedError)) throw error;
      cli.printError(error.message);
    });
  },
};
