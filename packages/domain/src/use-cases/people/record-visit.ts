import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type DashboardUpdate, describeUpdate, personNames } from '../names.ts';
import type { Repositories, Visit } from '../ports.ts';

/** Requests further apart than this start a new visit: a coffee break is not a new visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;

export const RecordVisitInput = z.object({
  /** How many of the latest changes to show per governance. */
  limit: z.number().int().min(1).max(100).default(10),
});
export type RecordVisitInput = z.input<typeof RecordVisitInput>;

export interface ChangesSinceLastVisit {
  /** When the previous visit ended; `null` on a first visit (nothing is "new" then). */
  since: string | null;
  /** Per governance where the person takes part, what others posted since, newest first. */
  governances: { governance: Governance; count: number; updates: DashboardUpdate[] }[];
}

/**
 * Records that the acting person is using the web workspace now, and tells what others posted in
 * their governances since their previous visit ended: « depuis votre dernière visite ». A visit
 * is a run of use with no pause longer than `VISIT_GAP_MS`; within one, the answer stays the same
 * (reloading the home page does not empty it).
 */
export async function recordVisit(
  ctx: UseCaseContext,
  input: unknown = {},
): Promise<ChangesSinceLastVisit> {
  const { limit } = validate(RecordVisitInput, input);
  const personId = actingPersonId(ctx);
  const now = ctx.clock();
  return ctx.store.transaction(async (repos) => {
    const visit = nextVisit(await repos.visits.get(personId), personId, now);
    await repos.visits.save(visit);
    const since = visit.previousSeenAt ?? null;
    if (!since) return { since, governances: [] };
    const governances = await repos.governances.listTakenPartIn(personId);
    return {
      since,
      governances: await Promise.all(
        governances.map((governance) =>
          changesIn(repos, governance, { personId, since, now, limit }),
        ),
      ),
    };
  });
}

/** The visit after a request at `now`: the same one continued, or a new one after a pause. */
function nextVisit(known: Visit | undefined, personId: string, now: string): Visit {
  if (!known) return { personId, startedAt: now, seenAt: now };
  if (Date.parse(now) - Date.parse(known.seenAt) > VISIT_GAP_MS) {
    return { personId, startedAt: now, seenAt: now, previousSeenAt: known.seenAt };
  }
  return { ...known, seenAt: now };
}

async function changesIn(
  repos: Repositories,
  governance: Governance,
  { personId, since, now, limit }: { personId: string; since: string; now: string; limit: number },
) {
  // One's own posts are not news to oneself.
  const recorded = (await repos.updates.listRecordedBetween(governance.id, since, now))
    .filter((u) => u.authorId !== personId)
    .reverse();
  const shown = recorded.slice(0, limit);
  const ids = (type: string) =>
    shown.flatMap((u) => (u.subject.type === type ? [u.subject.id] : []));
  const [people, roadmaps, actions, milestones] = await Promise.all([
    personNames(
      repos,
      shown.map((u) => u.authorId),
    ),
    repos.roadmaps.getMany(ids('roadmap')),
    repos.actions.getMany(ids('action')),
    repos.milestones.getMany(ids('milestone')),
  ]);
  return {
    governance,
    count: recorded.length,
    updates: shown.map((u) =>
      describeUpdate(u, people, { governance, roadmaps, actions, milestones }),
    ),
  };
}
