import type { DecidedBy } from '../governance/decided-by.ts';
import type { UpdateChannel } from '../roadmap/update.ts';
import type { IdGenerator } from '../shared/ids.ts';
import type { Store } from './ports.ts';

/** Gives the current instant as a UTC ISO string. Injected so rules and tests control time. */
export type Clock = () => string;

/**
 * Who acts, and through which channel. A request without a person (`personId` absent) is the
 * public: it may only read published roadmaps.
 */
export interface Actor {
  personId?: string | undefined;
  /** An administrator of the whole instance (the one who runs the server). */
  instanceAdmin?: boolean | undefined;
  channel: UpdateChannel;
}

/**
 * What every use case receives: storage, the clock, the id generator and the acting person.
 *
 * @example
 * const ctx: UseCaseContext = { store, clock: () => new Date().toISOString(), ids, actor };
 * await completeMilestone(ctx, { milestoneId, expectedVersion: 3 });
 */
export interface UseCaseContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  actor: Actor;
  /**
   * Set by `recordDecision` only, while it applies a meeting's decision: the changed record and
   * its audit event then name the decision. Apps never set it.
   */
  decision?: DecidedBy | undefined;
}

/**
 * The part of a cache key that says who reads: what one may see another may not. The API's and
 * the web workspace's caches of read models share it, so a change made through one is seen by
 * its writer in the other.
 *
 * @example
 * readerKey({ channel: 'api' }); // 'public'
 */
export function readerKey(actor: Actor): string {
  if (actor.instanceAdmin) return `admin:${actor.personId ?? ''}`;
  return actor.personId ? `person:${actor.personId}` : 'public';
}
