import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ReadModelAnswer, ReadModelCache } from './cache.ts';

const text = (answer: ReadModelAnswer) => answer.json;

describe('ReadModelCache', () => {
  it('answers from memory until the entry expires, then computes again', async () => {
    let now = 1000;
    let computed = 0;
    const cache = new ReadModelCache(2000, { now: () => now });
    const read = async () => text(await cache.answer('k', async () => ({ n: ++computed })));
    expect(await read()).toBe('{"n":1}');
    now = 3000;
    expect(await read()).toBe('{"n":1}');
    now = 3001;
    expect(await read()).toBe('{"n":2}');
  });

  it('does not keep a read computed before a change that landed meanwhile', async () => {
    const cache = new ReadModelCache(60_000);
    let release: () => void = () => {};
    const slow = cache.answer('k', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { state: 'avant' };
    });
    await Promise.resolve();
    cache.clear(); // a change commits while the slow read is still computing
    release();
    expect(text(await slow)).toBe('{"state":"avant"}');
    const after = await cache.answer('k', async () => ({ state: 'après' }));
    expect(text(after)).toBe('{"state":"après"}');
  });

  it('drops the oldest entry when full, and never caches with a zero lifetime', async () => {
    const cache = new ReadModelCache(60_000, { maxEntries: 2 });
    let computed = 0;
    const read = async (key: string) =>
      text(await cache.answer(key, async () => ({ key, n: ++computed })));
    await read('a');
    await read('b');
    await read('c'); // evicts a
    expect(await read('b')).toContain('"n":2');
    expect(await read('a')).toContain('"n":4');

    const never = new ReadModelCache(0);
    let calls = 0;
    await never.answer('k', async () => ++calls);
    await never.answer('k', async () => ++calls);
    expect(calls).toBe(2);
  });

  it('computes once for the readers who find it expired together, not across a change', async () => {
    const cache = new ReadModelCache(60_000);
    let computed = 0;
    let release: () => void = () => {};
    const slowRead = () =>
      cache.answer('k', async () => {
        computed += 1;
        const n = computed;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { n };
      });
    const together = [slowRead(), slowRead(), slowRead()];
    release();
    const answers = await Promise.all(together);
    expect(computed).toBe(1);
    expect(answers.map(text)).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);

    cache.clear();
    const beforeChange = cache.answer('k2', async () => ({ state: 'avant' }));
    cache.clear(); // a change commits while the first reader computes
    const afterChange = cache.answer('k2', async () => ({ state: 'après' }));
    expect(text(await beforeChange)).toBe('{"state":"avant"}');
    expect(text(await afterChange)).toBe('{"state":"après"}');
  });

  it('keeps an expired entry without a new read while the database saw no write', async () => {
    let now = 1000;
    let mark = 'v1';
    let computed = 0;
    const cache = new ReadModelCache(2000, { now: () => now, changeMark: () => mark });
    const read = async () => text(await cache.answer('k', async () => ({ n: ++computed })));
    expect(await read()).toBe('{"n":1}');
    now = 10_000;
    expect(await read()).toBe('{"n":1}');
    mark = 'v2'; // something was written, here or elsewhere
    expect(await read()).toBe('{"n":1}'); // still fresh: kept 2 s from the last check
    now = 12_001;
    expect(await read()).toBe('{"n":2}');
    // Without a mark (PostgreSQL), each expiry reads again.
    const unmarked = new ReadModelCache(2000, { now: () => now });
    await unmarked.answer('k', async () => ++computed);
    now = 14_002;
    await unmarked.answer('k', async () => ++computed);
    expect(computed).toBe(4);
  });

  it('tags the content, not its encoding: the same JSON gets the same tag, another JSON another', async () => {
    const cache = new ReadModelCache(0);
    const first = await cache.answer('k', async () => ({ titre: 'Feuille de route' }));
    const again = await cache.answer('k', async () => ({ titre: 'Feuille de route' }));
    const changed = await cache.answer('k', async () => ({ titre: 'Feuille de route 2027' }));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(again.etag).toBe(first.etag);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('keeps the gzip form of a content once made: the next reader gets the same bytes', async () => {
    const cache = new ReadModelCache(60_000);
    const first = await cache.answer('k', async () => ({ titre: 'Feuille de route', n: 1 }));
    expect(String(gunzipSync(first.gzipped))).toBe(first.json);
    const again = await cache.answer('k', async () => ({ titre: 'autre' }));
    expect(again.gzipped).toBe(first.gzipped);
  });
});
