import { describe, expect, it } from 'vitest';
import { ReadModelCache } from './read-cache.ts';

describe('ReadModelCache', () => {
  it('answers from memory until the entry expires, then computes again', async () => {
    let now = 0;
    let computed = 0;
    const cache = new ReadModelCache(2000, 10, () => now);
    const read = () => cache.json('k', async () => ({ n: ++computed }));
    expect(await read()).toBe('{"n":1}');
    now = 1999;
    expect(await read()).toBe('{"n":1}');
    now = 2000;
    expect(await read()).toBe('{"n":2}');
  });

  it('does not keep a read computed before a change that landed meanwhile', async () => {
    const cache = new ReadModelCache(60_000);
    let release: () => void = () => {};
    const slow = cache.json('k', async () => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return { state: 'avant' };
    });
    await Promise.resolve();
    cache.clear(); // a change commits while the slow read is still computing
    release();
    expect(await slow).toBe('{"state":"avant"}');
    expect(await cache.json('k', async () => ({ state: 'après' }))).toBe('{"state":"après"}');
  });

  it('drops the oldest entry when full, and never caches with a zero lifetime', async () => {
    const cache = new ReadModelCache(60_000, 2);
    let computed = 0;
    const read = (key: string) => cache.json(key, async () => ({ key, n: ++computed }));
    await read('a');
    await read('b');
    await read('c'); // evicts a
    expect(await read('b')).toContain('"n":2');
    expect(await read('a')).toContain('"n":4');

    const never = new ReadModelCache(0);
    let calls = 0;
    await never.json('k', async () => ++calls);
    await never.json('k', async () => ++calls);
    expect(calls).toBe(2);
  });
});
