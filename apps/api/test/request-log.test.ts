import { pbkdf2 } from 'node:crypto';
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

/*
 * The request log of the server `maille start` runs: the pages write their requests to it as the
 * API does (route patterns and ids, no secret), and a stop writes it out before it resolves —
 * whoever opened the log closes it right after, and a line still queued then would be lost.
 */

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

/** The server, logging to a file of its own; `stop` stops it, closes the file and reads it. */
async function serveWithLog(name: string) {
  const file = join(folder, name);
  const fd = openSync(file, 'w');
  const api = await serveApi({
    database: test.database,
    env: readEnv({ PORT: '0', LOG_LEVEL: 'info' }),
    logFd: fd,
  });
  const stop = async () => {
    await api.close();
    closeSync(fd);
    const text = readFileSync(file, 'utf8');
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { text, lines };
  };
  return { url: api.url, stop };
}

/** Keeps the 4 threads that write files busy for a moment (well under the stop's 2 s limit). */
const slowDisk = () =>
  Promise.all(
    Array.from(
      { length: 4 },
      () => new Promise((resolve) => pbkdf2('maille', 'sel', 50_000, 64, 'sha512', resolve)),
    ),
  );

it('logs each page request by its route pattern, never the sign-in secret nor the session', async () => {
  const server = await serveWithLog('pages.log');
  const { secret } = await issueSignInLink(kernelAt(test.database, NOW), {
    personId: 'per_lrgiraud',
  });
  const signIn = await fetch(`${server.url}/connexion/${secret}`, {
    method: 'POST',
    headers: { Origin: server.url },
    redirect: 'manual',
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const sheet = await fetch(`${server.url}/fiches/act_lr0002`, { headers: { Cookie: cookie } });
  expect(sheet.status).toBe(200);
  const { text, lines } = await server.stop();

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

it('writes the last request to the log before a stop resolves, even on a slow disk', async () => {
  const server = await serveWithLog('slow-disk.log');
  // By address, uncompressed: a name lookup or compression would wait for those threads too.
  const url = `${server.url.replace('localhost', '127.0.0.1')}/healthz`;
  const get = () => fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  expect((await get()).status).toBe(200);
  const busy = slowDisk();
  const last = await get();
  const { lines } = await server.stop();
  await busy;

  expect(lines).toHaveLength(2);
  expect(lines.at(-1)).toMatchObject({
    msg: 'requête',
    route: '/healthz',
    requestId: last.headers.get('X-Request-Id'),
  });
});
