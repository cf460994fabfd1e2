import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../errors/problems.ts';
import { isMissingJsonBody, limitBody, missingJsonBody } from './body-rules.ts';

describe('limitBody', () => {
  it('answers 413 in French past the limit, announced or streamed, and lets the rest through', async () => {
    const app = new Hono();
    app.use(limitBody(10));
    app.post('/notes', async (c) => c.json({ length: (await c.req.text()).length }));
    app.onError((error, c) => problemResponse(c, error));
    const small = await app.request('/notes', { method: 'POST', body: '{"a":1}' });
    expect(await small.json()).toEqual({ length: 7 });
    const announced = await app.request('/notes', {
      method: 'POST',
      headers: { 'Content-Length': '11' },
      body: '{"a":12345}',
    });
    expect(announced.status).toBe(413);
    expect(((await announced.json()) as { detail: string }).detail).toContain('10 octets');
    const streamed = await app.request('/notes', {
      method: 'POST',
      body: new Blob(['{"a":', '"un texte bien trop long"}']).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});

describe('a missing JSON body', () => {
  it('is a failed check of the JSON body of a request without Content-Type', async () => {
    const app = new Hono();
    app.post('/notes', (c) =>
      c.json({
        missing: isMissingJsonBody({ target: 'json' }, c),
        query: isMissingJsonBody({ target: 'query' }, c),
      }),
    );
    const without = await app.request('/notes', { method: 'POST' });
    expect(await without.json()).toEqual({ missing: true, query: false });
    const withType = await app.request('/notes', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(await withType.json()).toEqual({ missing: false, query: false });
  });

  it('is answered 415, saying a JSON body is expected and which type', async () => {
    const app = new Hono();
    app.post('/notes', () => {
      throw missingJsonBody();
    });
    app.onError((error, c) => problemResponse(c, error));
    const response = await app.request('/notes', { method: 'POST' });
    expect(response.status).toBe(415);
    expect(response.headers.get('Accept-Post')).toBe('application/json');
    expect(((await response.json()) as { detail: string }).detail).toContain(
      'attend un corps JSON',
    );
  });
});
