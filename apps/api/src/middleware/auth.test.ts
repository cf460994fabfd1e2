import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { ApiEnv } from '../context.ts';
import { ApiProblem, problemResponse, unknownRouteResponse } from '../errors/problems.ts';
import { admitCaller, VerifiedKeys } from './auth.ts';

const TOKEN = 'mai_aZ3kQ9.secret';
const IDENTITY = { keyId: 'aZ3kQ9', personId: 'per_lrmoreau', instanceAdmin: false };

describe('VerifiedKeys', () => {
  it('trusts a verified key for its lifetime, then asks the database again', () => {
    let now = 1000;
    const keys = new VerifiedKeys(5000, 10, () => now);
    expect(keys.recall(TOKEN)).toBeUndefined();
    expect(keys.remember(TOKEN, IDENTITY)).toEqual(IDENTITY);
    now = 6000;
    expect(keys.recall(TOKEN)).toEqual(IDENTITY);
    expect(keys.recall(`${TOKEN}x`)).toBeUndefined();
    // Revoked meanwhile by the `maille` command: refused once the lifetime is over.
    now = 6001;
    expect(keys.recall(TOKEN)).toBeUndefined();
  });

  it('never keeps a refusal, and keeps nothing with a zero lifetime', () => {
    const keys = new VerifiedKeys(5000);
    expect(keys.remember(TOKEN, undefined)).toBeUndefined();
    expect(keys.recall(TOKEN)).toBeUndefined();
    const never = new VerifiedKeys(0);
    never.remember(TOKEN, IDENTITY);
    expect(never.recall(TOKEN)).toBeUndefined();
  });
});

describe('admitCaller', () => {
  /** An app whose caller is `caller`, as `identifyCaller` would have set it. */
  function appFor(caller: { keyId?: string; refused?: boolean }) {
    const app = new Hono<ApiEnv>();
    app.use((c, next) => {
      c.set('actor', { channel: 'api' });
      if (caller.keyId) c.set('keyId', caller.keyId);
      if (caller.refused) c.set('keyRefusal', new ApiProblem('non-authentifie', 'Clé inconnue.'));
      return next();
    });
    app.use(admitCaller());
    app.get('/roadmaps', (c) => c.json([]));
    app.post('/updates', async (c) => c.json(await c.req.json(), 201));
    app.onError((error, c) => problemResponse(c, error));
    app.notFound(unknownRouteResponse);
    return app;
  }
  const post = { method: 'POST', body: 'pas du JSON' };

  it('refuses a write without a key before its body is read, and lets the public read', async () => {
    const app = appFor({});
    const refused = await app.request('/updates', post);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBe('Bearer realm="maille"');
    expect(((await refused.json()) as { detail: string }).detail).toContain('Une clé d’API');
    expect((await app.request('/roadmaps')).status).toBe(200);
    // No operation there: its 404, not a refusal.
    expect((await app.request('/nope', post)).status).toBe(404);
  });

  it('refuses a refused key on every request, and lets a valid key write', async () => {
    expect((await appFor({ refused: true }).request('/roadmaps')).status).toBe(401);
    const written = await appFor({ keyId: 'aZ3kQ9' }).request('/updates', {
      method: 'POST',
      body: '{"text":"Bonjour."}',
    });
    expect(written.status).toBe(201);
  });
});
