import { ConflictError } from '@maille/domain';
import type { Store } from '@maille/domain/use-cases';
import type { DemoDataset } from './context.ts';
import { buildDemoDataset } from './demo-dataset.ts';

/** What `seedDemo` did: `created` is false when the demo was already there. */
export interface SeedReport {
  created: boolean;
  governances: { id: string; name: string }[];
  /** Records written, shared directory records already present excepted. */
  written: number;
}

/**
 * Stores the demo dataset (La Rochelle and Dronne et Belle, fictional people) built for `now` —
 * or `dataset`, a test's variant of it —, through the kernel's storage port, in one transaction.
 * Idempotent: when the demo governances are already there, nothing is written. Territories,
 * organizations and persons the store already has are kept as they are.
 *
 * @example
 * const { created } = await seedDemo(createStore(database), new Date().toISOString());
 */
export async function seedDemo(
  store: Store,
  now: string,
  dataset: DemoDataset = buildDemoDataset({ now }),
): Promise<SeedReport> {
  try {
    return await seedOnce(store, dataset);
  } catch (error) {
    // Two processes seeding at once on PostgreSQL: the later one collides with the first one's
    // rows and is rolled back whole. Looking again, it finds the demo there.
    if (error instanceof ConflictError) return seedOnce(store, dataset);
    throw error;
  }
}

async function seedOnce(store: Store, demo: DemoDataset): Promise<SeedReport> {
  const governances = demo.governances.map((g) => ({ id: g.id, name: g.name }));
  return store.transaction(async (repos) => {
    const ids = governances.map((g) => g.id);
    const present = (await repos.governances.getMany(ids)).map((g) => g.id);
    if (present.length === ids.length) return { created: false, governances, written: 0 };
    if (present.length > 0) {
      throw new ConflictError(
        `Une partie seulement de la démonstration est dans la base (${present.join(', ')}) : elle n’a pas été complétée.`,
      );
    }
    let written = 0;
    for (const territory of demo.territories) {
      if (await repos.territories.findByCode(territory.level, territory.code)) continue;
      await repos.territories.insert(territory);
      written++;
    }
    for (const organization of demo.organizations) {
      if (await repos.organizations.get(organization.id)) continue;
      await repos.organizations.insert(organization);
      written++;
    }
    for (const person of demo.persons) {
      if (await repos.persons.get(person.id)) continue;
      await repos.persons.insert(person);
      written++;
    }
    // What is named comes before what names it (the foreign keys of the schema).
    const lists = [
      [repos.governances, demo.governances],
      [repos.bodies, demo.bodies],
      [repos.meetings, demo.meetings],
      [repos.roadmaps, demo.roadmaps],
      [repos.actions, demo.actions],
      [repos.milestones, demo.milestones],
      [repos.fundingLines, demo.fundingLines],
      [repos.updates, demo.updates],
      [repos.indicators, demo.indicators],
      [repos.measurements, demo.measurements],
    ] as const;
    for (const [repo, rows] of lists) {
      for (const row of rows) {
        await (repo.insert as (entity: typeof row) => Promise<void>)(row);
        written++;
      }
    }
    return { created: true, governances, written };
  });
}

/**
 * What the demo brings besides its governances, for `removeDemo`: its persons, organizations and
 * territories (each removed only when nothing real names it).
 *
 * @example
 * await removeDemo(ctx, demoRecords());
 */
export function demoRecords(dataset: DemoDataset = buildDemoDataset()): {
  persons: string[];
  organizations: string[];
  territories: { level: DemoDataset['territories'][number]['level']; code: string }[];
} {
  return {
    persons: dataset.persons.map((p) => p.id),
    organizations: dataset.organizations.map((o) => o.id),
    territories: dataset.territories.map((t) => ({ level: t.level, code: t.code })),
  };
}
