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

  it('says when the tag sent is another resource’s, and which one it should be', async () => {
    const { status, body } = await answer('"act_zzz999.2"');
    expect(status).toBe(412);
    expect(body.detail).toBe(
      'L’en-tête If-Match contient l’ETag d’une autre ressource, pas celle de act_abc123 : lisez act_abc123, puis renvoyez l’ETag qu’elle donne dans If-Match.',
    );
    // A malformed value is not called another resource's.
    expect((await answer('W/"act_zzz999.2"')).body.detail).toMatch(/ne contient pas l’ETag/);
  });
});

describe('a change under If-Match', () => {
  const refusal = (sent: number, error: Error) => ifMatched(sent, Promise.reject(error));

  it('tells an older version (changed since it was read) with the current one', async () => {
    await expect(refusal(1, new StaleVersionError(3))).rejects.toMatchObject({
      kind: 'precondition-echouee',
      detail:
        'Cette ressource a été modifiée depuis votre lecture : vous avez lu sa version 1, elle en est à la version 3. Relisez-la, puis renvoyez sa nouvelle ETag dans If-Match.',
    });
  });

  it('tells a version that never was (newer than the stored one) with the current one', async () => {
    await expect(refusal(3, new StaleVersionError(1))).rejects.toMatchObject({
      kind: 'precondition-echouee',
      detail:
        'La version 3 de cette ressource n’existe pas : elle en est à la version 1. Relisez-la, puis renvoyez l’ETag qu’elle donne dans If-Match.',
    });
  });

  it('says it changed meanwhile when a concurrent write won (the version is unknown)', async () => {
    await expect(refusal(2, new StaleVersionError())).rejects.toMatchObject({
      kind: 'precondition-echouee',
      detail: expect.stringMatching(
        /^Cette ressource a été modifiée depuis votre lecture : relisez/,
      ),
    });
  });

  it('leaves other errors alone', async () => {
    // A rule of the field is a conflict of its own: the 409 the error mapping gives it.
    const rule = new ConflictError('Cette gouvernance doit garder au moins un coordinateur.');
    await expect(refusal(1, rule)).rejects.toBe(rule);
    const other = new Error('boom');
    await expect(refusal(1, other)).rejects.toBe(other);
    await expect(ifMatched(1, Promise.resolve(1))).resolves.toBe(1);
  });
});
