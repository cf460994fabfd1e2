import { z } from 'zod';

/**
 * A change to an existing entity, as every "update" use case takes it: its id, the version the
 * caller saw (the HTTP `If-Match`; a stale one is refused), and the fields to change (`null`
 * clears an optional field).
 *
 * @example
 * await updateAction(ctx, { id: 'act_…', expectedVersion: 3, patch: { ownerId: null } });
 */
export const ChangeRequest = z.object({
  id: z.string().min(1).max(45),
  expectedVersion: z.number().int().min(1).optional(),
  patch: z.record(z.string().max(100), z.unknown()),
});
export type ChangeRequest = z.input<typeof ChangeRequest>;
