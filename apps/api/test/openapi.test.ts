import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApi, type TestApi } from './harness.ts';

/*
 * /openapi.json as a developer generating a client meets it: Redocly's recommended rules find
 * nothing, every operation has a method name, and a generated client knows where to send its key.
 * Linted from memory: no file, no network.
 */

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}

let api: TestApi;
let document: { servers?: { url: string }[]; paths: Record<string, Record<string, Operation>> };
let operations: { name: string; operation: Operation }[];

beforeAll(async () => {
  api = await openTestApi();
  document = (await (await api.app.request('/openapi.json')).json()) as typeof document;
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation,
    })),
  );
});

afterAll(async () => {
  await api?.drop();
});

it('passes Redocly’s recommended rules without an error or a warning', async () => {
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: '/openapi.json',
    config: await createConfig({ extends: ['recommended'] }),
  });
  expect(
    problems.map(({ ruleId, severity, message, location }) => ({
      ruleId,
      severity,
      message,
      where: location[0]?.pointer,
    })),
  ).toEqual([]);
});

it('names every operation once, in camelCase, for a generated client’s methods', () => {
  expect(operations.length).toBeGreaterThan(70);
  const ids = operations.map(({ name, operation }) => {
    expect(operation.operationId, name).toMatch(/^[a-z]+(?:[A-Z][a-z]+)*$/);
    return operation.operationId;
  });
  expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  const idOf = (name: string) => operations.find((entry) => entry.name === name)?.operation;
  expect(idOf('GET /governances/{governanceId}/roadmaps')?.operationId).toBe('listRoadmaps');
  expect(idOf('GET /roadmaps/{roadmapId}/health')?.operationId).toBe('getRoadmapHealth');
  expect(idOf('POST /updates')?.operationId).toBe('createUpdate');
  expect(idOf('PATCH /actions/{actionId}')?.operationId).toBe('updateAction');
  expect(idOf('GET /actions/{actionId}/updates')?.operationId).toBe('listActionUpdates');
});

it('says which operations need no key, and asks the others for the bearer key', () => {
  expect(document.servers).toEqual([expect.objectContaining({ url: '/' })]);
  const open = operations.filter(({ operation }) => operation.security?.length === 0);
  expect(open.map(({ name }) => name).sort()).toEqual([
    'GET /calendars/{feed}',
    'GET /healthz',
    'GET /readyz',
  ]);
  for (const { name, operation } of operations) {
    if (operation.security?.length === 0) continue;
    expect(operation.security, name).toContainEqual({ cleApi: [] });
  }
});
