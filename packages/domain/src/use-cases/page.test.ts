import { describe, expect, it } from 'vitest';
import { pageAfter } from './page.ts';

const items = ['c', 'a', 'e', 'b', 'd'].map((id) => ({ id }));

describe('pageAfter', () => {
  it('walks every item once, in id order, page after page', () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = pageAfter(items, { after, limit: 2 });
      seen.push(...page.items.map((item) => item.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('says nothing follows a page that ends the list exactly', () => {
    expect(pageAfter(items, { after: 'c', limit: 2 })).toEqual({
      items: [{ id: 'd' }, { id: 'e' }],
    });
  });
});
