import { expect } from 'vitest';
import { bearer, type TestApi } from './harness.ts';

/** Checks an error is a French problem document of `kind`; returns its body. */
export async function expectProblem(response: Response, status: number, kind: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(text) as {
    type: string;
    detail: string;
    errors?: { path: string; message: string }[];
  };
  expect(body.type).toBe(`https://maille.example/problemes/${kind}`);
  return body;
}

/** The JSON pointers of a validation problem's faulty fields. */
export async function faultyFields(response: Response): Promise<string[]> {
  const body = await expectProblem(response, 400, 'validation');
  return (body.errors ?? []).map((e) => e.path);
}

/** A JSON request with a method, a key (or none) and an If-Match (or none). */
export function send(
  method: string,
  body: unknown,
  token: string | undefined,
  ifMatch?: string | null,
): RequestInit {
  return {
    method,
    headers: {
      'Content-Type': 'application/json',
      ...(token === undefined ? {} : bearer(token)),
      ...(ifMatch === undefined || ifMatch === null ? {} : { 'If-Match': ifMatch }),
    },
    body: JSON.stringify(body),
  };
}

/** Reads `path` as `token`; returns the body and the ETag. */
export async function read<T = Record<string, unknown>>(
  api: TestApi,
  path: string,
  token?: string,
): Promise<{ status: number; body: T; etag: string | null }> {
  const response = await api.app.request(
    path,
    token === undefined ? {} : { headers: bearer(token) },
  );
  return {
    status: response.status,
    body: (await response.json()) as T,
    etag: response.headers.get('ETag'),
  };
}

/** Follows `Link: rel="next"` from `path` to the last page; returns every id and the pages. */
export async function walk(api: TestApi, path: string, token?: string) {
  const ids: string[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next !== undefined) {
    const response = await api.app.request(
      next,
      token === undefined ? {} : { headers: bearer(token) },
    );
    expect(response.status).toBe(200);
    ids.push(...((await response.json()) as { items: { id: string }[] }).items.map((i) => i.id));
    pages += 1;
    next = /^<([^>]+)>; rel="next"$/.exec(response.headers.get('Link') ?? '')?.[1];
    expect(pages).toBeLessThan(500);
  }
  return { ids, pages };
}

/** A cursor as the API makes them, to try one taken from another list. */
export const cursorOf = (id: string) =>
  Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
