import { expect } from 'vitest';
import { bearer, type TestApi } from './harness.ts';

/*
 * Small helpers for the resource tests: a request with a JSON body, a key and an If-Match, the
 * check of a problem document, and the walk through a paged list.
 */

/** A problem document as the API answers it. */
export interface ProblemBody {
  type: string;
  detail: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/** Checks an error is a French problem document of `kind` carrying the request id. */
export async function expectProblem(
  response: Response,
  status: number,
  kind: string,
): Promise<ProblemBody> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as ProblemBody;
  expect(body.type).toBe(`https://maille.example/problemes/${kind}`);
  expect(body.requestId).toBe(response.headers.get('X-Request-Id'));
  return body;
}

/** The JSON pointers of a validation problem's faulty fields. */
export async function faultyFields(response: Response): Promise<string[]> {
  const body = await expectProblem(response, 400, 'validation');
  return (body.errors ?? []).map((e) => e.path);
}

/** A request as someone (`token`, or the public), with a JSON body and an If-Match if given. */
export function send(
  method: string,
  { token, body, ifMatch }: { token?: string; body?: unknown; ifMatch?: string | undefined } = {},
): RequestInit {
  return {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token === undefined ? {} : bearer(token)),
      ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}

/** Reads `path` as `token` and returns its JSON and ETag, checking it answered 200. */
export async function read<T = Record<string, unknown>>(
  api: TestApi,
  path: string,
  token?: string,
): Promise<{ body: T; etag: string }> {
  const response = await api.app.request(path, send('GET', token === undefined ? {} : { token }));
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return { body: JSON.parse(text) as T, etag: response.headers.get('ETag') ?? '' };
}

/** Follows `Link: rel="next"` from `path` to the last page; returns every id and the pages. */
export async function walk(api: TestApi, path: string, token?: string) {
  const ids: string[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next !== undefined) {
    const { body, response } = await page(api, next, token);
    ids.push(...body.items.map((i) => i.id));
    pages += 1;
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('Link') ?? '')?.[1];
    expect(pages).toBeLessThan(500);
  }
  return { ids, pages };
}

async function page(api: TestApi, path: string, token?: string) {
  const response = await api.app.request(path, send('GET', token === undefined ? {} : { token }));
  expect(response.status).toBe(200);
  return { response, body: (await response.json()) as { items: { id: string }[] } };
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
