import { ID_PREFIXES, type IdGenerator } from '../shared/ids.ts';
import type { Clock } from '../use-cases/context.ts';

/**
 * Ids `gov_000001`, `gov_000002`…: readable and repeatable in tests.
 *
 * @example
 * const ids = sequentialIds();
 * ids('governance'); // "gov_000001"
 */
export function sequentialIds(): IdGenerator {
  let next = 0;
  return (kind) => `${ID_PREFIXES[kind]}_${String(++next).padStart(6, '0')}`;
}

/**
 * A clock that reads a time you set and move, for tests.
 *
 * @example
 * const clock = settableClock('2024-05-14T08:00:00Z');
 * clock.advanceDays(3);
 */
export function settableClock(
  start: string,
): Clock & { set(instant: string): void; advanceDays(days: number): void } {
  let current = new Date(start).toISOString();
  const clock = () => current;
  clock.set = (instant: string) => {
    current = new Date(instant).toISOString();
  };
  clock.advanceDays = (days: number) => {
    current = new Date(Date.parse(current) + days * 86_400_000).toISOString();
  };
  return clock;
}
