import type { Governance } from '../governance/governance.ts';
import type { Person } from '../people/person.ts';
import type { Actor, UseCaseContext } from '../use-cases/context.ts';
import { assignRole } from '../use-cases/governance/assign-role.ts';
import { createGovernance } from '../use-cases/governance/create-governance.ts';
import { createPerson } from '../use-cases/people/create-person.ts';
import type { Store } from '../use-cases/ports.ts';
import { sequentialIds, settableClock } from './clock-and-ids.ts';
import { createInMemoryStore, type InMemoryStore } from './in-memory-store.ts';

/** A small world to try use cases in: one governance and people in each role, plus an outsider. */
export interface TestWorld<S extends Store = InMemoryStore> {
  store: S;
  clock: ReturnType<typeof settableClock>;
  governance: Governance;
  /** Coordinates a second governance, and nothing in the first. */
  outsiderGovernance: Governance;
  people: Record<'coordinator' | 'member' | 'observer' | 'outsider', Person>;
  /** A context acting as one of the people (or as the public, or as the instance admin). */
  as(
    who: keyof TestWorld['people'] | 'public' | 'admin',
    channel?: Actor['channel'],
  ): UseCaseContext;
}

/**
 * Builds a `TestWorld` through the use cases themselves, so it is valid by construction, in memory
 * or in the `store` given (the same scenarios then run on SQLite and PostgreSQL).
 *
 * @example
 * const world = await createTestWorld();
 * await createRoadmap(world.as('coordinator'), { governanceId: world.governance.id, … });
 */
export async function createTestWorld<S extends Store = InMemoryStore>(
  options: { start?: string; store?: S } = {},
): Promise<TestWorld<S>> {
  const store = (options.store ?? createInMemoryStore()) as S;
  const start = options.start ?? '2024-05-13T08:00:00.000Z';
  const clock = settableClock(start);
  const ids = sequentialIds();
  const context = (actor: Actor): UseCaseContext => ({ store, clock, ids, actor });
  const admin = context({ instanceAdmin: true, channel: 'cli' });

  const person = (displayName: string) =>
    createPerson(admin, { displayName, functions: ['technicien'] });
  const people = {
    coordinator: await person('Claire Coordinatrice'),
    member: await person('Marc Membre'),
    observer: await person('Odile Observatrice'),
    outsider: await person('Xavier Extérieur'),
  };
  const territory = { level: 'epci', code: '241700434' } as const;
  let governance = await createGovernance(
    context({ personId: people.coordinator.id, channel: 'api' }),
    {
      name: 'CTIN de test',
      territory,
      perimeter: 'epci',
    },
  );
  for (const [who, role] of [
    ['member', 'membre'],
    ['observer', 'observateur'],
  ] as const) {
    governance = await assignRole(context({ personId: people.coordinator.id, channel: 'api' }), {
      governanceId: governance.id,
      personId: people[who].id,
      role,
    });
  }
  const outsiderGovernance = await createGovernance(
    context({ personId: people.outsider.id, channel: 'api' }),
    {
      name: 'Autre gouvernance',
      territory: { level: 'departement', code: '24' },
      perimeter: 'departement',
    },
  );

  return {
    store,
    clock,
    governance,
    outsiderGovernance,
    people,
    as: (who, channel = 'api') =>
      who === 'admin'
        ? context({ instanceAdmin: true, channel })
        : who === 'public'
          ? context({ channel })
          : context({ personId: people[who].id, channel }),
  };
}
