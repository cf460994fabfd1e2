import { z } from 'zod';
import { Instant } from './time.ts';

/**
 * Fields every stored entity carries. `version` starts at 1 and grows by one on each change:
 * a write based on an older version is refused (optimistic concurrency).
 */
export const EntityMeta = z.object({
  createdAt: Instant,
  updatedAt: Instant,
  version: z.number().int().min(1),
});
export type EntityMeta = z.infer<typeof EntityMeta>;

/** Money in euro cents: an integer, never a float, at most 100 billion euros. */
export const Cents = z
  .number()
  .int('Montant en centimes attendu (nombre entier).')
  .min(0, 'Un montant ne peut pas être négatif.')
  .max(10_000_000_000_000, 'Montant trop élevé.');
export type Cents = z.infer<typeof Cents>;

/** A percentage of completion, 0 to 100. */
export const Percent = z.number().min(0).max(100);

/**
 * The zod enum of the keys of a label table. Enumerations are declared as their French labels
 * first, so that no value can exist without its label.
 *
 * @example
 * export const feesLabels = { gratuit: 'Gratuit', payant: 'Payant' } as const;
 * export const Fees = enumOf(feesLabels);
 * export type Fees = z.infer<typeof Fees>;
 */
export function enumOf<const L extends Record<string, string>>(labels: L) {
  return z.enum(Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]]);
}

/**
 * Freezes a value read from storage, and everything it holds: the kernel never changes an entity
 * in place (a change is a new version), so storage may hand the same object to several readers.
 * Code that tried to change one would throw at once instead of changing another reader's copy.
 *
 * @example
 * const governance = deepFreeze(Governance.parse(JSON.parse(text)));
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
