import { type Database, seedDemo } from '@maille/db';
import type { Person } from '@maille/domain';
import { DEMO_IDS } from '@maille/domain/demo';
import { getRoadmapHealth } from '@maille/domain/use-cases';
import { type Command, noMoreArguments } from '../command.ts';
import { type Cli, describeDatabase, kernelContext, withDatabase } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { commandLines, HELP } from '../messages/help.ts';
import { formatRoadmapHealth } from './format-health.ts';
import { applyMigrations } from './migrate.ts';

/**
 * `maille start`, what `pnpm start` runs: brings the database up to date, adds the demo once,
 * and prints the health of the demo roadmaps as the database gives it.
 */
export const start: Command = {
  name: 'start',
  aliases: ['demarrer', 'démarrer'],
  help: HELP.start,
  options: {},
  async run(invocation, cli) {
    noMoreArguments('start', invocation, 0);
    cli.print(fr.start.title);
    cli.print(fr.start.database(describeDatabase(cli.env)));
    // The one command, with `migrate up`, that creates the SQLite file when missing.
    await withDatabase(cli, { migrated: false, create: true }, async (database) => {
      const applied = await applyMigrations(cli, database);
      cli.print(applied.length > 0 ? fr.start.migrated(applied.length) : fr.start.upToDate);
      const seeded = await seedDemo(database, cli.now());
      cli.print(seeded.created ? fr.start.seeded(seeded.written) : fr.start.alreadySeeded);
      cli.print('');
      cli.print(fr.start.healthTitle);
      await printHealth(cli, database);
    });
    cli.print('');
    cli.print(fr.start.commandsTitle);
    for (const line of commandLines()) cli.print(line);
    cli.print('');
    cli.print(fr.start.next);
  },
};

async function printHealth(cli: Cli, database: Database): Promise<void> {
  const ctx = kernelContext(cli, database);
  for (const ids of [DEMO_IDS.laRochelle, DEMO_IDS.dronneEtBelle]) {
    const { governance, roadmap, health } = await getRoadmapHealth(ctx, { roadmapId: ids.roadmap });
    const owners = [
      ...health.lateMilestones.map((m) => m.ownerId),
      ...health.upcomingMilestones.map((m) => m.ownerId),
    ].filter((id): id is string => typeof id === 'string');
    const persons = await ctx.store.transaction((repos) => repos.persons.getMany(owners));
    cli.print('');
    const byId = new Map<string, Person>(persons.map((p) => [p.id, p]));
    for (const line of formatRoadmapHealth(governance, roadmap, health, byId)) cli.print(line);
  }
}
