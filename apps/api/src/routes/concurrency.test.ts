import { ConflictError, StaleVersionError } from '@maille/domain';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '../errors/problems.ts';
import { etagOf, expectedVersionOf, ifMatched } from './concurrency.ts';

/** A route answering the version read from If-Match, or the problem it raised. */
function appReadingIfMatch() {
  const app = new Hono();
  app.get('/:id', (c) => c.json({ version: expectedVersionOf(c, c.req.param('id')) }));
  app.onError((error, c) => problemResponse(c, error));
  return app;
}

async function answer(ifMatch: string | undefined) {
  const headers: Record<string, string> = ifMatch === undefined ? {} : { 'If-Match': ifMatch };
  const response = await appReadingIfMatch().request('/act_abc123', { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('If-Match', () => {
  it('gives the version of the entity’s own strong tag, among others', async () => {
    expect(await answer(etagOf({ id: 'act_abc123', version: 7 }))).toEqual({
      status: 200,
      body: { version: 7 },
    });
    expect((await answer('"act_zzz999.2", "act_abc123.3"')).body).toEqual({ version: 3 });
  });

  it('is required: 428 without it', async () => {
    expect((await answer(undefined)).status).toBe(428);
    expect((await answer('  ')).status).toBe(428);
  });

  it.each(['*', 'W/"act_abc123.3"', '"act_abc123"', '"act_abc123.0"', 'act_abc123.3', '"x.3"'])(
    'cannot hold with %s: 412',
    async (header) => {
      expect((await answer(header)).status).toBe(412);
    },
  );

  it('turns the kernel’s stale version into a 412, and leaves other errors alone', async () => {
    await expect(ifMatched(Promise.reject(new StaleVersionError()))).rejects.toMatchObject({
      kind: 'precondition-echouee',
    });
    // A rule of the field is a conflict of its own: the 409 the error mapping gives it.
    const rule = new ConflictError('Cette gouvernance doit garder au moins un coordinateur.');
    await expect(ifMatched(Promise.reject(rule))).rejects.toBe(rule);
    const other = new Error('boom');
    await expect(ifMatched(Promise.reject(other))).rejects.toBe(other);
    await expect(ifMatched(Promise.resolve(1))).resolves.toBe(1);
  });
});
