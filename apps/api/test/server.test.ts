import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStore, openDatabase } from '@maille/db';
import { kernelAt, openTestDatabase } from '@maille/db/testing';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import { createApiKey } from '@maille/domain/use-cases';
import { afterEach, expect, it } from 'vitest';
import { DIALECT } from './harness.ts';

const API_FOLDER = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(API_FOLDER, 'node_modules', '.bin', 'tsx');

let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Where the server's own, empty database lives, as its environment says it: a SQLite file, or a
 * fresh PostgreSQL schema (left unmigrated: the server migrates it itself).
 */
async function serverDatabase(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (DIALECT === 'postgres') {
    const test = await openTestDatabase('postgres', { migrate: false });
    return { env: { DATABASE_URL: test.url, DATABASE_SCHEMA: test.schema ?? '' }, drop: test.drop };
  }
  const folder = mkdtempSync(join(tmpdir(), 'maille-api-server-'));
  return {
    env: { DATABASE_URL: join(folder, 'maille.db'), DATABASE_SCHEMA: '' },
    drop: async () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** Starts `src/server.ts` on its own database; resolves once it says where it listens. */
async function startServer(): Promise<{
  child: ChildProcess;
  port: number;
  output: () => string;
  database: Record<string, string>;
}> {
  const database = await serverDatabase();
  const port = await freePort();
  const child = spawn(TSX, ['src/server.ts'], {
    cwd: API_FOLDER,
    env: { ...process.env, PORT: String(port), ...database.env },
  });
  cleanup = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await database.drop();
  };
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      if (output.includes('à l’écoute')) resolve();
    });
    child.once('exit', () => reject(new Error(output)));
  });
  return { child, port, output: () => output, database: database.env };
}

/** Adds the demo to the database the server migrated, and a key of La Rochelle's coordinator. */
async function demoKey(env: Record<string, string>): Promise<string> {
  const { DATABASE_URL: url, DATABASE_SCHEMA: schema } = env;
  const database = openDatabase({ url, ...(schema ? { schema } : {}) });
  try {
    const now = new Date().toISOString();
    await seedDemo(createStore(database), now);
    const personId = DEMO_IDS.laRochelle.coordinator;
    const key = { personId, label: 'Tests', instanceAdmin: false };
    return (await createApiKey(kernelAt(database, now), key)).token;
  } finally {
    await database.close();
  }
}

it('migrates, says where it listens in French, and drains in-flight requests on SIGTERM', async () => {
  const { child, port, output, database } = await startServer();
  expect(output()).toContain('Schéma mis à jour');
  expect(output()).toContain(`API de Maille à l’écoute sur http://localhost:${port}`);
  const token = await demoKey(database);
  // The web workspace answers on the same port: its pages beside the API's JSON.
  const home = await fetch(`http://127.0.0.1:${port}/`);
  expect(home.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await home.text()).toContain('<html lang="fr">');
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(await health.json()).toEqual({ status: 'ok' });

  // A request whose body is still arriving when the stop is asked for.
  const inFlight = request({
    host: '127.0.0.1',
    port,
    path: '/updates',
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
  });
  const answered = once(inFlight, 'response');
  inFlight.write('{"subject": {"type": "roadmap", ');
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 300));
  inFlight.end(`"id": "${DEMO_IDS.laRochelle.roadmap}"}, "text": "Dernier point avant l’arrêt."}`);

  const [response] = (await answered) as [import('node:http').IncomingMessage];
  // Answered in full, after the stop was asked for: the update is recorded.
  expect(response.statusCode).toBe(201);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  response.resume();
  const [code] = await once(child, 'exit');
  expect(code).toBe(0);
  expect(output()).toContain('Arrêt demandé (SIGTERM)');
  expect(output()).toContain('API arrêtée.');
  // Its log line was written before the process ended, with the request id it was answered with.
  expect(output()).toContain(`"method":"POST","route":"/updates","status":201`);
  expect(output()).toContain(`"requestId":"${response.headers['x-request-id']}"`);
}, 30_000);
