import { ValidationError } from '../../shared/errors.ts';
import type { Page } from '../page.ts';

/**
 * The page of `items` that follows the item `after`, in the order `compare` gives (ties broken by
 * id, so the order is total). Unlike `pageAfter`, the order need not be the id order — newest
 * update first, versions by number — while the cursor stays an id: the item it names is found
 * and the page starts after it. Meant for append-only records, whose items never leave the list,
 * so a cursor stays valid; one naming no item of this list is refused on `after`.
 *
 * @example
 * pageInOrder(updates, { after: 'upd_…', limit: 20 }, (a, b) => b.createdAt.localeCompare(a.createdAt));
 */
export function pageInOrder<T extends { id: string }>(
  items: readonly T[],
  { after, limit }: { after?: string | undefined; limit: number },
  compare: (a: T, b: T) => number,
): Page<T> {
  const ordered = [...items].sort(
    (a, b) => compare(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  let start = 0;
  if (after !== undefined) {
    const anchor = ordered.findIndex((item) => item.id === after);
    if (anchor < 0) {
      throw new ValidationError([
        { path: ['after'], message: 'Ce curseur ne désigne aucun élément de cette liste.' },
      ]);
    }
    start = anchor + 1;
  }
  const pageItems = ordered.slice(start, start + limit);
  const last = pageItems.at(-1);
  return ordered.length > start + limit && last
    ? { items: pageItems, next: last.id }
    : { items: pageItems };
}
