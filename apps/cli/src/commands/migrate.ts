import {
  createSchemaIfMissing,
  type Database,
  migrateDown,
  migrateToLatest,
  migrationStatus,
} from '@maille/db';
import { type Command, flag, noMoreArguments, subcommand } from '../command.ts';
import { assertKnownMigrations, type Cli, describeDatabase, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille migrate up|down|status`: the schema of the database. */
export const migrate: Command = {
  name: 'migrate',
  aliases: ['migrer'],
  help: HELP.migrate,
  options: { oui: { type: 'boolean' } },
  async run(invocation, cli) {
    const action = subcommand('migrate', invocation, {
      up: ['haut'],
      down: ['bas'],
      status: ['etat', 'état'],
    });
    noMoreArguments('migrate', invocation, 1);
    if (action === 'down' && !flag(invocation, 'oui')) {
      throw new UsageError(fr.usage.confirm(fr.migrate.downWarning), 'migrate');
    }
    cli.print(fr.migrate.database(describeDatabase(cli.env)));
    // Only `up` creates a missing SQLite file: `status` and `down` on a mistyped path say so.
    await withDatabase(cli, { migrated: false, create: action === 'up' }, async (database) => {
      switch (action) {
        case 'up': {
          const applied = await applyMigrations(cli, database);
          for (const name of applied) cli.print(fr.migrate.applied(name));
          cli.print(applied.length === 0 ? fr.migrate.upToDate : fr.migrate.nowUpToDate);
          return;
        }
        case 'down': {
          await assertKnownMigrations(cli, database);
          const report = await migrateDown(database);
          if (report.error) throw report.error;
          const reverted = report.applied.filter((r) => r.status === 'Success');
          if (reverted.length === 0) cli.print(fr.migrate.nothingToRevert);
          for (const m of reverted) cli.print(fr.migrate.reverted(m.name));
          return;
        }
        case 'status': {
          const status = await migrationStatus(database);
          for (const m of status) cli.print(fr.migrate.statusLine(m.name, m.executedAt));
          await assertKnownMigrations(cli, database, status);
          const pending = status.filter((m) => !m.executedAt).length;
          cli.print(pending === 0 ? fr.migrate.nowUpToDate : fr.migrate.pending(pending));
          return;
        }
      }
    });
  },
};

/**
 * Applies the pending migrations (creating the PostgreSQL schema `DATABASE_SCHEMA` first if it is
 * missing) and returns their names; throws what stopped them. A database prepared by another
 * version of Maille is refused before anything runs.
 */
export async function applyMigrations(cli: Cli, database: Database): Promise<string[]> {
  if (cli.env.DATABASE_SCHEMA && database.dialect === 'postgres') {
    await createSchemaIfMissing(database, cli.env.DATABASE_SCHEMA);
  }
  await assertKnownMigrations(cli, database);
  const report = await migrateToLatest(database);
  if (report.error) throw report.error;
  return report.applied.filter((r) => r.status === 'Success').map((r) => r.name);
}
