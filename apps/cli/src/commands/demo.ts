import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import { createInMemoryStore, sequentialIds } from '@maille/domain/testing';
import { getRoadmapHealth } from '@maille/domain/use-cases';
import { type Command, noMoreArguments } from '../command.ts';
import { formatDate } from '../french.ts';
import { HELP } from '../messages/help.ts';
import { runDemoRemoval } from './demo-remove.ts';
import { formatRoadmapHealth } from './format-health.ts';

/** The words of `maille demo supprimer`, which removes the demo from the database. */
const REMOVE = ['supprimer', 'retirer', 'remove'];

/** `maille demo`: the kernel's computation on the demo dataset, in memory; `maille demo supprimer`. */
export const demo: Command = {
  name: 'demo',
  aliases: ['démo'],
  help: HELP.demo,
  options: { oui: { type: 'boolean' } },
  async run(invocation, cli) {
    const word = invocation.positionals[0];
    if (word !== undefined && REMOVE.includes(word)) return runDemoRemoval(invocation, cli);
    noMoreArguments('demo', invocation, 0);
    await runDemo(cli.now(), cli.print);
  },
};

/**
 * `maille demo`: builds the demo territories (La Rochelle, Dronne et Belle; fictional people) in
 * memory, then asks the kernel for each roadmap's health as its coordinator would, and prints it.
 * No database, no network: it shows what the kernel computes.
 */
export async function runDemo(now: string, print: (line: string) => void): Promise<void> {
  const dataset = buildDemoDataset({ now });
  const store = createInMemoryStore(dataset);
  const persons = new Map(dataset.persons.map((p) => [p.id, p]));

  print('Maille · démonstration');
  print(
    `Données de démonstration construites en mémoire le ${formatDate(now.slice(0, 10))} (personnes fictives, aucune base de données).`,
  );
  for (const ids of [DEMO_IDS.laRochelle, DEMO_IDS.dronneEtBelle]) {
    const ctx = {
      store,
      clock: () => now,
      ids: sequentialIds(),
      actor: { personId: ids.coordinator, channel: 'cli' as const },
    };
    const { governance, roadmap, health } = await getRoadmapHealth(ctx, { roadmapId: ids.roadmap });
    print('');
    for (const line of formatRoadmapHealth(governance, roadmap, health, persons)) print(line);
  }
  print('');
  print(
    'La suite : `pnpm test` lance toute la suite de tests ; packages/domain/README.md présente le noyau.',
  );
}
