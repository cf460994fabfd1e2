import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { protectAnswers } from './protections.ts';

describe('protectAnswers', () => {
  it('puts the API’s protections on every answer, and keeps those an answer sets itself', async () => {
    const app = new Hono();
    app.use(protectAnswers());
    app.get('/data', (c) => c.json({}));
    app.get('/page', (c) =>
      c.html('<p>Bonjour</p>', 200, { 'Content-Security-Policy': "style-src 'self'" }),
    );
    const data = await app.request('/data');
    expect(Object.fromEntries(data.headers)).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-origin',
    });
    // Over plain HTTP, behind the TLS proxy that sets it.
    expect(data.headers.get('Strict-Transport-Security')).toBeNull();
    const page = await app.request('/page');
    expect(page.headers.get('Content-Security-Policy')).toBe("style-src 'self'");
  });
});
