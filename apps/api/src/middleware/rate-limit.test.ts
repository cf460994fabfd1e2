import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter } from './rate-limit.ts';

const T0 = Date.parse('2026-11-24T09:00:00.000Z');

describe('FixedWindowLimiter', () => {
  it('allows the limit per window, then refuses until the window ends', () => {
    const limiter = new FixedWindowLimiter(60);
    expect(limiter.take('a', 2, T0)).toEqual({
      allowed: true,
      limit: 2,
      remaining: 1,
      resetSeconds: 60,
    });
    expect(limiter.take('a', 2, T0 + 500)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.take('a', 2, T0 + 59_001)).toEqual({
      allowed: false,
      limit: 2,
      remaining: 0,
      resetSeconds: 1,
    });
    expect(limiter.take('b', 2, T0 + 59_001)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('a', 2, T0 + 60_000)).toMatchObject({ allowed: true, resetSeconds: 60 });
  });

  it('forgets the counters of finished windows once there are many', () => {
    const limiter = new FixedWindowLimiter(60);
    for (let index = 0; index < 10_000; index += 1) limiter.take(`s${index}`, 1, T0);
    expect(limiter.size).toBe(10_000);
    limiter.take('late', 1, T0 + 60_000);
    expect(limiter.size).toBe(1);
  });
});
