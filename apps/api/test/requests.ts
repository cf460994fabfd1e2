import { expect } from 'vitest';
import { PROBLEM_KINDS, type ProblemKind } from '../src/errors/problems.ts';
import type { TestApi } from './harness.ts';

/*
 * The API tests' one set of request helpers (the database is `harness.ts`'s): headers and
 * bodies of a request, the check of a problem document, a read, a create, and the walk through
 * a paged list.
 */

/** The `Authorization` header of a token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The bindings `@hono/node-server` gives a request from `address`: `app.request(url, init, fromAddress(…))`. */
export const fromAddress = (address: string) => ({
  incoming: { socket: { remoteAddress: address } },
});

/** A JSON POST. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

/**
 * A request as someone (`token`, or the public), with a JSON body and an If-Match if given
 * (`null`: none, as a tag read from a response without one).
 */
export function send(
  method: string,
  {
    token,
    body,
    ifMatch,
  }: { token?: string | undefined; body?: unknown; ifMatch?: string | null | undefined } = {},
): RequestInit {
  return {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token === undefined ? {} : bearer(token)),
      ...(ifMatch === undefined || ifMatch === null ? {} : { 'If-Match': ifMatch }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** A problem document as the API answers it. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/**
 * Checks what every error answer shares — a French problem document of `kind` and `status`, with
 * its title, a detail, the path, the request id of `X-Request-Id`, no stack trace — and returns it.
 */
export async function expectProblem(
  response: Response,
  status: number,
  kind: ProblemKind,
): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as ProblemBody;
  expect(body).toMatchObject({
    type: `https://maille.example/problemes/${kind}`,
    title: PROBLEM_KINDS[kind].title,
    status,
  });
  expect(body.detail).not.toBe('');
  expect(body.instance).toMatch(/^\//);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('X-Request-Id')).toBe(body.requestId);
  expect(text).not.toMatch(/\bat .*\.ts:\d+|stack/i);
  return body;
}

/** The JSON pointers of a validation problem's faulty fields. */
export async function faultyFields(response: Response): Promise<string[]> {
  const body = await expectProblem(response, 400, 'validation');
  return (body.errors ?? []).map((e) => e.path);
}

/** Reads `path` as `token` (or the public), checking it answered 200; its JSON and `ETag`. */
export async function read<T = Record<string, unknown>>(
  api: TestApi,
  path: string,
  token?: string,
): Promise<{ body: T; etag: string | null }> {
  const response = await api.app.request(path, send('GET', token === undefined ? {} : { token }));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { body: JSON.parse(text) as T, etag: response.headers.get('ETag') };
}

/** Follows `Link: rel="next"` from `path` to the last page; returns every id and the pages. */
export async function walk(api: TestApi, path: string, token?: string) {
  const ids: string[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next !== undefined) {
    const response = await api.app.request(next, send('GET', token === undefined ? {} : { token }));
    expect(response.status).toBe(200);
    ids.push(...((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id));
    pages += 1;
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('Link') ?? '')?.[1];
    expect(pages).toBeLessThan(500);
  }
  return { ids, pages };
}

/** Checks a 201: the entity's `Location` and `ETag`, and that the location reads it back. */
export async function expectCreated<T extends { id: string; version: number }>(
  api: TestApi,
  response: Response,
  prefix: string,
  token: string,
): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(201);
  const entity = JSON.parse(text) as T;
  expect(response.headers.get('Location')).toBe(`${prefix}/${entity.id}`);
  expect(response.headers.get('ETag')).toBe(`"${entity.id}.1"`);
  const back = await read<T>(api, `${prefix}/${entity.id}`, token);
  expect(back.body.id).toBe(entity.id);
  expect(back.etag).toBe(`"${entity.id}.1"`);
  return entity;
}

/** A cursor as the API makes them, to try one taken from another list. */
export const cursorOf = (id: string) =>
  Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
