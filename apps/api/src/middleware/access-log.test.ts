import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../context.ts';
import { traceRequests } from './access-log.ts';

function logged() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    }),
  );
  const app = new Hono<ApiEnv>();
  app.use(traceRequests(logger));
  app.use(requestId());
  app.get('/actions/:actionId', (c) => {
    c.set('keyId', 'aZ3kQ9');
    return c.json({});
  });
  app.get('/panne', (c) => c.json({}, 503));
  return { app, lines };
}

describe('traceRequests', () => {
  it('writes one line per request: id, method, route pattern, status, duration, key id', async () => {
    const { app, lines } = logged();
    const response = await app.request('/actions/act_secret?nom=Dupont');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'requête',
      requestId: response.headers.get('X-Request-Id'),
      method: 'GET',
      route: '/actions/:actionId',
      status: 200,
      keyId: 'aZ3kQ9',
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/act_secret|Dupont/);
  });

  it('says a failure of Maille as an error, and an unknown route as null', async () => {
    const { app, lines } = logged();
    await app.request('/panne');
    await app.request('/nulle-part');
    expect(lines.map((line) => [line.level, line.route, line.status, line.keyId])).toEqual([
      [50, '/panne', 503, null],
      [30, null, 404, null],
    ]);
  });
});
