import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { problemResponse, unknownRouteResponse } from '../errors/problems.ts';
import { answerWrongMethods, isWriteOperation } from './methods.ts';

function app() {
  const app = new Hono();
  const writes: string[] = [];
  app.use(async (c, next) => {
    if (isWriteOperation(c)) writes.push(`${c.req.method} ${c.req.path}`);
    await next();
  });
  app.use(answerWrongMethods(app));
  app.get('/actions/:id', (c) => c.json({ id: c.req.param('id') }));
  app.patch('/actions/:id', (c) => c.json({}));
  app.post('/actions/:id/transitions', (c) => c.json({}));
  app.onError((error, c) => problemResponse(c, error));
  app.notFound(unknownRouteResponse);
  return { app, writes };
}

describe('answerWrongMethods', () => {
  it('answers a known path called with another method 405, with Allow in order', async () => {
    const response = await app().app.request('/actions/act_1', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD, PATCH');
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toContain('DELETE');
  });

  it('leaves an unknown path its 404, and a known method its answer', async () => {
    const { app: tiny } = app();
    const unknown = await tiny.request('/nope', { method: 'DELETE' });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Allow')).toBeNull();
    expect((await tiny.request('/actions/act_1', { method: 'HEAD' })).status).toBe(200);
  });
});

describe('isWriteOperation', () => {
  it('is true of a change sent to an operation only, never of a read or of no operation', async () => {
    const { app: tiny, writes } = app();
    await tiny.request('/actions/act_1', { method: 'PATCH' });
    await tiny.request('/actions/act_1/transitions', { method: 'POST' });
    await tiny.request('/actions/act_1');
    await tiny.request('/actions/act_1', { method: 'OPTIONS' });
    await tiny.request('/actions/act_1', { method: 'DELETE' });
    await tiny.request('/nope', { method: 'POST' });
    expect(writes).toEqual(['PATCH /actions/act_1', 'POST /actions/act_1/transitions']);
  });
});
