import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';

export const GetInstanceOverviewInput = z.object({
  limit: z.number().int().min(1).max(50).default(10),
});

export interface InstanceOverview {
  /** The first governances (in the order they were created), each with its current roadmap. */
  governances: { governance: Governance; roadmap?: Roadmap }[];
  /** Every governance of the instance, those not listed included. */
  total: number;
}

/**
 * What an instance holds, for its administrator at start-up: its first `limit` governances with
 * their current roadmap (the latest not archived), and how many there are in all. Bounded: one
 * page of governances, their roadmaps, a count.
 *
 * @example
 * const { governances, total } = await getInstanceOverview(ctx, { limit: 10 });
 */
export async function getInstanceOverview(
  ctx: UseCaseContext,
  input: unknown = {},
): Promise<InstanceOverview> {
  const { limit } = validate(GetInstanceOverviewInput, input);
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError('Seul·e l’administrateur·rice de l’instance en a la vue d’ensemble.');
  }
  return ctx.store.transaction(async (repos) => {
    const page = await repos.governances.listPage({ limit });
    const governances = [];
    for (const governance of page) {
      const roadmaps = await repos.roadmaps.listByGovernance(governance.id);
      const current = roadmaps
        .filter((r) => r.status !== 'archivee')
        .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))[0];
      governances.push(current ? { governance, roadmap: current } : { governance });
    }
    return { governances, total: await repos.governances.count() };
  });
}
