import type { Database } from '@maille/db';
import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '@maille/domain';
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { jsonPointer } from './problems.ts';

/** An app whose storage throws `error` on any use case: the mapping alone is under test. */
function appThrowing(error: unknown, logger = pino({ enabled: false })) {
  return createApp({
    logger,
    store: { transaction: async () => Promise.reject(error) },
    database: {} as Database,
    clock: () => '2026-11-24T09:00:00.000Z',
    ids: () => 'upd_000000',
  });
}

const HEALTH = '/roadmaps/rdm_dronnebelle/health';

describe('the problem mapping', () => {
  it.each([
    [
      new ValidationError([{ path: ['axes', 0, 'title'], message: 'Trop court.' }]),
      400,
      'validation',
    ],
    [new NotFoundError('Feuille de route', 'rdm_dronnebelle'), 404, 'introuvable'],
    [new ForbiddenError(), 403, 'interdit'],
    [new ConflictError('Ce jalon est déjà atteint.'), 409, 'conflit'],
    [
      new InvalidTransitionError('Cette action ne peut pas passer à « réalisée ».'),
      422,
      'transition-invalide',
    ],
  ])('answers %o with %i', async (error, status, kind) => {
    const response = await appThrowing(error).request(HEALTH);
    expect(response.status).toBe(status);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: `https://maille.example/problemes/${kind}`,
      status,
      detail: kind === 'validation' ? 'Une donnée de la requête est invalide.' : error.message,
      instance: HEALTH,
      requestId: response.headers.get('X-Request-Id'),
    });
  });

  it('gives the JSON pointer of each faulty field', async () => {
    const error = new ValidationError([{ path: ['axes', 0, 'title'], message: 'Trop court.' }]);
    const body = (await (await appThrowing(error).request(HEALTH)).json()) as {
      errors: unknown[];
    };
    expect(body.errors).toEqual([{ path: '/axes/0/title', message: 'Trop court.' }]);
  });

  it('answers an unexpected error with a generic French 500, nothing internal', async () => {
    const logger = pino({ enabled: false });
    const log = vi.spyOn(logger, 'error');
    const response = await appThrowing(
      new TypeError('SQLITE_CORRUPT at /srv/secret.db'),
      logger,
    ).request(HEALTH);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/SQLITE|secret|TypeError|stack|\.ts:/);
    expect(JSON.parse(text)).toMatchObject({
      type: 'https://maille.example/problemes/erreur-interne',
      detail: expect.stringContaining('erreur inattendue'),
    });
    // The operator still finds it in the log, under the request id.
    expect(log.mock.calls[0]?.[0]).toMatchObject({
      requestId: response.headers.get('X-Request-Id'),
      err: expect.any(TypeError),
    });
  });
});

describe('jsonPointer', () => {
  it('escapes ~ and / as RFC 6901 says', () => {
    expect(jsonPointer(['a/b', 'c~d', 0])).toBe('/a~1b/c~0d/0');
    expect(jsonPointer([])).toBe('');
  });
});
