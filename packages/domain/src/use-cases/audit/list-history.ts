import { z } from 'zod';
import type { AuditEvent } from '../../audit/audit-event.ts';
import { idOf } from '../../shared/ids.ts';
import { singleLine } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const ListHistoryInput = z.object({
  governanceId: idOf('governance'),
  /** Only the history of one record (`{ entity: 'roadmap', entityId: 'rdm_…' }`). */
  entity: singleLine(40).optional(),
  entityId: singleLine(45).optional(),
});

/**
 * The history of a governance — who changed what, when, through which channel — newest first,
 * for its coordinators, members and observers. Personal fields never appear in it.
 */
export async function listHistory(ctx: UseCaseContext, input: unknown): Promise<AuditEvent[]> {
  const { governanceId, entity, entityId } = validate(ListHistoryInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorize(ctx, repos, 'audit.read', governanceId);
    const events = await repos.auditEvents.listByGovernance(governanceId);
    return events
      .filter((e) => (!entity || e.entity === entity) && (!entityId || e.entityId === entityId))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id.localeCompare(a.id)));
  });
}
