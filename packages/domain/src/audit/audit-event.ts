import { z } from 'zod';
import { DecisionRef } from '../governance/decided-by.ts';
import { UpdateChannel } from '../roadmap/update.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';

/**
 * Who did what, when and through which channel. `changes` lists the fields that changed with
 * their old and new values (personal fields are left out, see `AUDIT_REDACTED_FIELDS`). Audit
 * events are append-only and keep only the pseudonymous id of the actor.
 */
export const AuditEvent = z.object({
  id: idOf('auditEvent'),
  at: Instant,
  actorId: idOf('person').optional(),
  /**
   * An instance administrator's key acted, on behalf of no person (through the API): the history
   * says so rather than sign « Maille », which stands for the command line and jobs.
   */
  byAdministrator: z.literal(true).optional(),
  channel: UpdateChannel,
  governanceId: idOf('governance').optional(),
  entity: singleLine(40),
  entityId: singleLine(45),
  action: singleLine(60),
  /** The meeting decision the change applies, when a committee made it. */
  decidedBy: DecisionRef.optional(),
  changes: z
    .array(
      // A created field has no `before`, a cleared one no `after`: once stored as JSON the key is
      // gone, and the event must still read back.
      z.object({
        field: singleLine(100),
        before: z.unknown().optional(),
        after: z.unknown().optional(),
      }),
    )
    .max(200)
    .default([]),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** Fields never copied into the audit trail: it must not keep a person's identity. */
export const AUDIT_REDACTED_FIELDS: readonly string[] = [
  'displayName',
  'email',
  'phone',
  'chatAccounts',
];
