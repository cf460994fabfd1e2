import type { Actor, UseCaseContext } from '@maille/domain/use-cases';
import { createStore, type Database, randomIds } from '../src/index.ts';

/**
 * The kernel's context over a test database at `now`, acting as `actor` (the instance's
 * administration unless told): the credentials' suites go through the use cases, as the apps do.
 */
export function kernelAt(
  database: Database,
  now: string,
  actor: Actor = { instanceAdmin: true, channel: 'cli' },
): UseCaseContext {
  return { store: createStore(database), clock: () => now, ids: randomIds(), actor };
}
