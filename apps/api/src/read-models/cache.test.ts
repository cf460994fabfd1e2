import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type ReadModelAnswer, ReadModelCache } from './cache.ts';

const text = (answer: ReadModelAnswer) => answer.body;

describe('ReadModelCache', () => {
  it('answers from memory until the entry expires, then computes again', async () => {
    let now = 1000;
    let computed = 0;
    const cache = new ReadModelCache(2000, { now: () => now });
    const read = async () =>
      text(await cache.answer('public', 'k', async () => ({ n: ++computed })));
    expect(await read()).toBe('{"n":1}');
    now = 3000;
    expect(await read()).toBe('{"n":1}');
    now = 3001;
    expect(await read()).toBe('{"n":2}');
  });

  it('shows the writer their change at once, even over a read computed before it', async () => {
    const cache = new ReadModelCache(60_000);
    let release: () => void = () => {};
    const slow = cache.answer('person:a', 'k', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { state: 'avant' };
    });
    await Promise.resolve();
    cache.changed('person:a'); // their change commits while the slow read is still computing
    const after = cache.answer('person:a', 'k', async () => ({ state: 'après' }));
    release();
    expect(text(await slow)).toBe('{"state":"avant"}');
    expect(text(await after)).toBe('{"state":"après"}');
    expect(text(await cache.answer('person:a', 'k', async () => ({ state: 'plus tard' })))).toBe(
      '{"state":"après"}',
    );
  });

  it('gives the other readers the previous answer while one recomputation runs, then the new one', async () => {
    const cache = new ReadModelCache(60_000, { refreshMs: 0 });
    let computed = 0;
    let release: () => void = () => {};
    const read = () =>
      cache.answer('public', 'k', async () => {
        computed += 1;
        const n = computed;
        if (n > 1) {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
        }
        return { n };
      });
    expect(text(await read())).toBe('{"n":1}');
    cache.changed('person:a');
    cache.changed('person:b'); // a burst of writes by others
    const during = await Promise.all([read(), read(), read()]);
    expect(during.map(text)).toEqual(['{"n":1}', '{"n":1}', '{"n":1}']);
    expect(computed).toBe(2); // one recomputation for all of them
    release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(text(await read())).toBe('{"n":2}');
  });

  it('recomputes after others’ changes at most once per refresh delay', async () => {
    let now = 1000;
    let computed = 0;
    const cache = new ReadModelCache(60_000, { now: () => now, refreshMs: 250 });
    const read = async () =>
      text(await cache.answer('public', 'k', async () => ({ n: ++computed })));
    expect(await read()).toBe('{"n":1}');
    cache.changed('person:a');
    now = 1100;
    expect(await read()).toBe('{"n":1}');
    expect(computed).toBe(1); // too recent to recompute yet
    now = 1250;
    expect(await read()).toBe('{"n":1}'); // the previous answer, while it recomputes
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await read()).toBe('{"n":2}');
  });

  it('drops the oldest entry when full, and never caches with a zero lifetime', async () => {
    const cache = new ReadModelCache(60_000, { maxEntries: 2 });
    let computed = 0;
    const read = async (key: string) =>
      text(await cache.answer('public', key, async () => ({ key, n: ++computed })));
    await read('a');
    await read('b');
    await read('c'); // evicts a
    expect(await read('b')).toContain('"n":2');
    expect(await read('a')).toContain('"n":4');

    const never = new ReadModelCache(0);
    let calls = 0;
    await never.answer('public', 'k', async () => ++calls);
    await never.answer('public', 'k', async () => ++calls);
    expect(calls).toBe(2);
  });

  it('computes once for the readers who find it expired together, waiting for it', async () => {
    const cache = new ReadModelCache(60_000);
    let computed = 0;
    let release: () => void = () => {};
    const slowRead = () =>
      cache.answer('public', 'k', async () => {
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
  });

  it('keeps an expired entry without a new read while the database saw no write', async () => {
    let now = 1000;
    let mark = 'v1';
    let computed = 0;
    const cache = new ReadModelCache(2000, { now: () => now, changeMark: () => mark });
    const read = async () =>
      text(await cache.answer('public', 'k', async () => ({ n: ++computed })));
    expect(await read()).toBe('{"n":1}');
    now = 10_000;
    expect(await read()).toBe('{"n":1}');
    mark = 'v2'; // something was written, here or elsewhere
    expect(await read()).toBe('{"n":1}'); // still fresh: kept 2 s from the last check
    now = 12_001;
    expect(await read()).toBe('{"n":2}');
    // Without a mark (PostgreSQL), each expiry reads again.
    const unmarked = new ReadModelCache(2000, { now: () => now });
    await unmarked.answer('public', 'k', async () => ++computed);
    now = 14_002;
    await unmarked.answer('public', 'k', async () => ++computed);
    expect(computed).toBe(4);
  });

  it('tags the content, not its encoding: the same JSON gets the same tag, another JSON another', async () => {
    const cache = new ReadModelCache(0);
    const first = await cache.answer('public', 'k', async () => ({ titre: 'Feuille de route' }));
    const again = await cache.answer('public', 'k', async () => ({ titre: 'Feuille de route' }));
    const changed = await cache.answer('public', 'k', async () => ({
      titre: 'Feuille de route 2027',
    }));
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
    expect(again.etag).toBe(first.etag);
    expect(changed.etag).not.toBe(first.etag);
  });

  it('keeps the gzip form of a content once made: the next reader gets the same bytes', async () => {
    const cache = new ReadModelCache(60_000);
    const first = await cache.answer('public', 'k', async () => ({
      titre: 'Feuille de route',
      n: 1,
    }));
    expect(String(gunzipSync(first.gzipped))).toBe(first.body);
    const again = await cache.answer('public', 'k', async () => ({ titre: 'autre' }));
    expect(again.gzipped).toBe(first.gzipped);
  });
});
