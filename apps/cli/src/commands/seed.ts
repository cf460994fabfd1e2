import { createStore } from '@maille/db';
import { seedDemo } from '@maille/demo';
import { type Command, flag, noMoreArguments } from '../command.ts';
import { withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { fr } from '../messages/fr.ts';
import { HELP } from '../messages/help.ts';

/** `maille seed --demo`: the demo dataset, once. */
export const seed: Command = {
  name: 'seed',
  aliases: ['peupler'],
  help: HELP.seed,
  options: { demo: { type: 'boolean' } },
  async run(invocation, cli) {
    noMoreArguments('seed', invocation, 0);
    if (!flag(invocation, 'demo')) throw new UsageError(fr.seed.needsDemo, 'seed');
    const report = await withDatabase(cli, { migrated: true }, (database) =>
      seedDemo(createStore(database), cli.now()),
    );
    cli.print(report.created ? fr.seed.created(report.written) : fr.seed.already);
    for (const g of report.governances) cli.print(fr.seed.governance(g.name, g.id));
  },
};
