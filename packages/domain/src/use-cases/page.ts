import { z } from 'zod';
import { type IdKind, idOf } from '../shared/ids.ts';

/** The largest page a list use case returns. */
export const MAX_PAGE_SIZE = 100;

/** How many items a list returns, 1 to 100. */
export const PageLimit = z.number().int().min(1).max(MAX_PAGE_SIZE);

/**
 * The paging fields of a list's input: `after`, the id of the last item (of `kind`) of the
 * previous page, and `limit`.
 *
 * @example
 * const ListBodiesInput = z.object({ governanceId: idOf('governance'), ...pageFields('body') });
 */
export function pageFields<K extends IdKind>(kind: K) {
  return { after: idOf(kind).optional(), limit: PageLimit };
}

/** One page of a list ordered by id, and the id to continue after when there is more. */
export interface Page<T> {
  items: T[];
  /** The last id of this page when another page follows; absent on the last page. */
  next?: string | undefined;
}

/**
 * The page of `items` that follows the id `after`, in id order (ids are unique, so the order is
 * total and a page never repeats or skips an item, even when items are added between requests).
 *
 * The lists are small (a governance, a roadmap's actions), so this sorts and slices in memory;
 * a repository method taking `after` and `limit` would move it into SQL when they grow.
 *
 * @example
 * pageAfter([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { after: 'a', limit: 1 });
 * // { items: [{ id: 'b' }], next: 'b' }
 */
export function pageAfter<T extends { id: string }>(
  items: readonly T[],
  { after, limit }: { after?: string | undefined; limit: number },
): Page<T> {
  const ordered = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rest = after === undefined ? ordered : ordered.filter((item) => item.id > after);
  const pageItems = rest.slice(0, limit);
  const last = pageItems.at(-1);
  return rest.length > limit && last ? { items: pageItems, next: last.id } : { items: pageItems };
}
