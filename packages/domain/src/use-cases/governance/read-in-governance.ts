import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import { type Page, pageAfter } from '../page.ts';
import type { ByGovernance, Repositories } from '../ports.ts';

/**
 * One entity of a governance (a body, a meeting), for whoever may read the governance; anyone
 * else is told it does not exist, under the name they asked for.
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
 * One page of a governance's entities of a kind, those `keep` accepts, for whoever may read the
 * governance; anyone else is told the governance does not exist.
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
