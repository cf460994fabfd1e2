import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../context.ts';
import { problemResponse } from '../errors/problems.ts';
import { FixedWindowLimiter, limitRate, RateLimiter } from './rate-limit.ts';

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

describe('limitRate', () => {
  it('counts a key and the public apart, says so on each answer, and answers 429 past it', async () => {
    const limiter = new RateLimiter({ perKey: 2, perAddress: 1 }, () => '2026-11-24T09:00:20.000Z');
    const app = new Hono<ApiEnv>();
    app.use((c, next) => {
      const key = c.req.header('X-Cle');
      if (key) c.set('keyId', key);
      return next();
    });
    app.use(limitRate(limiter, 0));
    app.get('/', (c) => c.json({}));
    app.onError((error, c) => problemResponse(c, error));
    const withKey = { headers: { 'X-Cle': 'aZ3kQ9' } };

    const first = await app.request('/', withKey);
    expect(first.headers.get('RateLimit-Policy')).toBe('"par-cle";q=2;w=60');
    expect(first.headers.get('RateLimit')).toBe('"par-cle";r=1;t=40');
    expect((await app.request('/', withKey)).status).toBe(200);
    const refused = await app.request('/', withKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('40');
    expect(refused.headers.get('RateLimit')).toBe('"par-cle";r=0;t=40');

    const publicRead = await app.request('/');
    expect(publicRead.status).toBe(200);
    expect(publicRead.headers.get('RateLimit-Policy')).toBe('"par-adresse";q=1;w=60');
  });
});
