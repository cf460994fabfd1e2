import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import { issueSignInLink } from '@maille/domain/use-cases';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { serveApi } from '../src/serve.ts';
import { DIALECT } from './harness.ts';

/* The pages write their requests to the same log as the API: route patterns and ids, no secret. */

const NOW = new Date().toISOString();
let test: TestDatabase;
let folder: string;

beforeAll(async () => {
  test = await openTestDatabase(DIALECT);
  await seedDemo(createStore(test.database), NOW);
  folder = mkdtempSync(join(tmpdir(), 'maille-log-'));
});
afterAll(async () => {
  await test?.drop();
  rmSync(folder, { recursive: true, force: true });
});

it('logs each page request by its route pattern, never the sign-in secret nor the session', async () => {
  const file = join(folder, 'requests.log');
  const fd = openSync(file, 'w');
  const api = await serveApi({
    database: test.database,
    env: readEnv({ PORT: '0', LOG_LEVEL: 'info' }),
    logFd: fd,
  });
  const { secret } = await issueSignInLink(kernelAt(test.database, NOW), {
    personId: 'per_lrgiraud',
  });
  const signIn = await fetch(`${api.url}/connexion/${secret}`, {
    method: 'POST',
    headers: { Origin: api.url },
    redirect: 'manual',
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sheet = await fetch(`${api.url}/fiches/act_lr0002`, { headers: { Cookie: cookie } });
  expect(sheet.status).toBe(200);
  await api.close();
  closeSync(fd);

  const text = readFileSync(file, 'utf8');
  const lines = text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toContainEqual(
    expect.objectContaining({
      msg: 'requête',
      method: 'POST',
      route: '/connexion/:secret',
      status: 303,
    }),
  );
  expect(lines).toContainEqual(
    expect.objectContaining({
      msg: 'requête',
      method: 'GET',
      route: '/fiches/:id',
      status: 200,
      requestId: sheet.headers.get('X-Request-Id'),
    }),
  );
  expect(text).not.toContain(secret);
  expect(text).not.toContain(cookie.split('=')[1] ?? 'absent');
  expect(text).not.toContain('act_lr0002');
});
