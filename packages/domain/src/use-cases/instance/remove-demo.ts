import { z } from 'zod';
import { TerritoryRef } from '../../actors/territory.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { recordAudit } from '../helpers.ts';
import type { RemovedRows } from '../ports.ts';

/** The audit trail's name for the instance's demonstration data: its removal is kept there. */
export const DEMO_AUDIT_ENTITY = { entity: 'instance', entityId: 'demo' } as const;

/**
 * What the demonstration brought besides its governances (the demo package knows it): persons,
 * organizations and territories to remove with them, when nothing real names them.
 */
export const RemoveDemoInput = z.object({
  persons: z.array(idOf('person')).max(1000).default([]),
  organizations: z.array(idOf('organization')).max(1000).default([]),
  territories: z.array(TerritoryRef).max(1000).default([]),
});

export interface DemoRemoval {
  /** The names of the demonstration governances removed. */
  governances: string[];
  removed: RemovedRows;
}

/**
 * Removes the demonstration data of an instance, and nothing else, in one transaction: the
 * governances marked `demo` with everything attached to them, then the demo's persons,
 * organizations and territories that no remaining record names (a real governance sharing one
 * keeps it whole), never a territory of the official directory. The audit trail keeps that the
 * demo was removed, which `getDemoState` reads so that `maille start` does not seed it again.
 * The administrator's act (the command line).
 *
 * @example
 * const { removed } = await removeDemo(ctx, { persons: ['per_lrmoreau'], territories: [] });
 */
export async function removeDemo(ctx: UseCaseContext, input: unknown): Promise<DemoRemoval> {
  const candidates = validate(RemoveDemoInput, input);
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError('Seul·e l’administrateur·rice de l’instance retire la démonstration.');
  }
  return ctx.store.transaction(async (repos) => {
    // Governances are few on an instance (one per territory): read whole, the flag is in their data.
    const governances = (await repos.governances.list()).filter((g) => g.demo === true);
    const territories = await repos.territories.findByCodes(candidates.territories);
    const removed = await repos.demo.remove({
      governanceIds: governances.map((g) => g.id),
      personIds: candidates.persons,
      organizationIds: candidates.organizations,
      // The official directory is loaded on purpose: none of its territories is demo data.
      territoryIds: territories.filter((t) => t.official !== true).map((t) => t.id),
    });
    await recordAudit(ctx, repos, {
      ...DEMO_AUDIT_ENTITY,
      action: 'remove',
      after: { governances: governances.map((g) => g.name), removed },
    });
    return { governances: governances.map((g) => g.name).sort(), removed };
  });
}

/**
 * Whether the demonstration was removed from this instance and not put back since (`maille seed
 * --demo` puts it back on purpose): when, the latest time, read from the audit trail, a few events
 * at most.
 *
 * @example
 * const { removedAt } = await getDemoState(ctx);
 */
export async function getDemoState(ctx: UseCaseContext): Promise<{ removedAt?: string }> {
  return ctx.store.transaction(async (repos) => {
    const events = await repos.auditEvents.listByEntity(
      DEMO_AUDIT_ENTITY.entity,
      DEMO_AUDIT_ENTITY.entityId,
    );
    const latest = events
      .filter((e) => e.action === 'remove')
      .map((e) => e.at)
      .sort()
      .at(-1);
    if (!latest) return {};
    // Governances are few on an instance (one per territory): read whole, the flag is in their data.
    const present = (await repos.governances.list()).some((g) => g.demo === true);
    return present ? {} : { removedAt: latest };
  });
}
