import type { Action } from '../roadmap/action.ts';
import type { Roadmap } from '../roadmap/roadmap.ts';
import { authorize } from './authorize.ts';
import type { UseCaseContext } from './context.ts';
import { mustGet } from './helpers.ts';
import { type Page, pageAfter } from './page.ts';
import type { ByGovernance, Repositories } from './ports.ts';

/*
 * The first step of every read: load what is asked (or its parent) and check the actor may read
 * it, or tell them it does not exist, under the name they asked for. Two rules, one each:
 * what belongs to a governance is read by whoever may read the governance (`governance.read`);
 * what belongs to a roadmap by whoever may read the roadmap (`roadmap.read`: the public too once
 * it is adopted and public).
 */

/**
 * One entity of a governance (a body, a meeting, an indicator, a measurement), for whoever may
 * read the governance.
 *
 * @example
 * const body = await readInGovernance(ctx, repos, repos.bodies, bodyId, 'Instance');
 */
export async function readInGovernance<T extends { id: string; governanceId: string }>(
  ctx: UseCaseContext,
  repos: Repositories,
  repo: { get(id: string): Promise<T | undefined> },
  id: string,
  label: string,
): Promise<T> {
  const entity = await mustGet(repo, id, label);
  await authorize(ctx, repos, 'governance.read', entity.governanceId, { asked: [label, id] });
  return entity;
}

/**
 * One page of a governance's entities of a kind, those `keep` accepts, in id order, for whoever
 * may read the governance; anyone else is told the governance does not exist.
 */
export async function pageInGovernance<T extends { id: string }>(
  ctx: UseCaseContext,
  repos: Repositories,
  repo: ByGovernance<T>,
  governanceId: string,
  page: { after?: string | undefined; limit: number },
  keep: (entity: T) => boolean = () => true,
): Promise<Page<T>> {
  await authorize(ctx, repos, 'governance.read', governanceId);
  const entities = await repo.listByGovernance(governanceId);
  return pageAfter(entities.filter(keep), page);
}

/** Loads an indicator the actor may read (through its governance). */
export function readableIndicator(ctx: UseCaseContext, repos: Repositories, indicatorId: string) {
  return readInGovernance(ctx, repos, repos.indicators, indicatorId, 'Indicateur');
}

/** Loads a roadmap the actor may read: the first step of a read of its versions, milestones… */
export async function readableRoadmap(
  ctx: UseCaseContext,
  repos: Repositories,
  roadmapId: string,
): Promise<Roadmap> {
  const roadmap = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
  await authorize(ctx, repos, 'roadmap.read', roadmap.governanceId, {
    roadmap,
    asked: ['Feuille de route', roadmap.id],
  });
  return roadmap;
}

/**
 * Loads an action the actor may read (through its roadmap): the first step of a read of what
 * belongs to it (its milestones, funding, updates). `asked` names what was asked for when it is
 * a part of the action (a funding line), so a refusal says that does not exist.
 */
export async function readableAction(
  ctx: UseCaseContext,
  repos: Repositories,
  actionId: string,
  asked?: readonly [string, string],
): Promise<Action> {
  const action = await mustGet(repos.actions, actionId, 'Action');
  const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
  await authorize(ctx, repos, 'roadmap.read', action.governanceId, {
    roadmap,
    action,
    asked: asked ?? ['Action', action.id],
  });
  return action;
}
