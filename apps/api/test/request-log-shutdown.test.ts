import { pbkdf2 } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, type TestDatabase } from '@maille/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEnv } from '../src/env.ts';
import { serveApi } from '../src/serve.ts';
import { DIALECT } from './harness.ts';

/*
 * A stop writes out the request log before it resolves: whoever opened the log (`maille start`)
 * closes it right after, and a line still queued then is lost. The disk is made slow by keeping
 * Node's file-system threads busy, as a loaded machine does.
 */

let test: TestDatabase;
let folder: string;

beforeAll(async () => {
  test = await openTestDatabase(DIALECT);
  folder = mkdtempSync(join(tmpdir(), 'maille-log-'));
});
afterAll(async () => {
  await test?.drop();
  rmSync(folder, { recursive: true, force: true });
});

/** Keeps the 4 threads that write files busy for a moment (well under the stop's 2 s limit). */
const slowDisk = () =>
  Promise.all(
    Array.from(
      { length: 4 },
      () => new Promise((resolve) => pbkdf2('maille', 'sel', 50_000, 64, 'sha512', resolve)),
    ),
  );

it('writes the last request to the log before a stop resolves, even on a slow disk', async () => {
  const file = join(folder, 'requests.log');
  const fd = openSync(file, 'w');
  const api = await serveApi({
    database: test.database,
    env: readEnv({ PORT: '0', LOG_LEVEL: 'info' }),
    logFd: fd,
  });
  // By address, uncompressed: a name lookup or compression would wait for those threads too.
  const url = `${api.url.replace('localhost', '127.0.0.1')}/healthz`;
  const get = () => fetch(url, { headers: { 'Accept-Encoding': 'identity' } });
  expect((await get()).status).toBe(200);
  const busy = slowDisk();
  const last = await get();
  await api.close();
  closeSync(fd);
  await busy;

  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(2);
  expect(lines.at(-1)).toMatchObject({
    msg: 'requête',
    route: '/healthz',
    requestId: last.headers.get('X-Request-Id'),
  });
});
