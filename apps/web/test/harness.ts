import { createStore } from '@maille/db';
import { kernelAt, openTestDatabase, type TestDatabase, testDialect } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import { issueSignInLink } from '@maille/domain/use-cases';
import { createWeb } from '../src/index.ts';

export const NOW = '2026-11-24T09:00:00.000Z';

/** The web workspace over a real database (SQLite, or PostgreSQL with MAILLE_TEST_DIALECT) seeded with the demo. */
export async function openTestWeb() {
  const test: TestDatabase = await openTestDatabase(testDialect());
  await seedDemo(createStore(test.database), NOW);
  const admin = kernelAt(test.database, NOW);
  const web = createWeb({
    store: admin.store,
    clock: admin.clock,
    ids: admin.ids,
    chromiumPath: '/usr/bin/chromium',
  });
  return {
    test,
    web,
    admin,
    /** A fresh sign-in link's path for a person, as `maille connexion` would print it. */
    linkFor: async (personId: string) =>
      `/connexion/${(await issueSignInLink(admin, { personId })).secret}`,
    drop: () => test.drop(),
  };
}

/** The origin the request tests pretend to be served from. */
export const ORIGIN = 'http://maille.test';

type TestWeb = Awaited<ReturnType<typeof openTestWeb>>;

/** A browser without a browser: GET and form POST (with our Origin) to the web app, and sign-in. */
export function formClient(world: () => TestWeb) {
  const get = (path: string, cookie?: string) =>
    world().web.request(`${ORIGIN}${path}`, cookie ? { headers: { Cookie: cookie } } : {});
  const post = (path: string, cookie: string | undefined, form: Record<string, string> = {}) =>
    world().web.request(`${ORIGIN}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: ORIGIN,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  /** Signs in by a new link and returns the cookie the browser would send back. */
  const signedIn = async (personId: string): Promise<string> => {
    const response = await post(await world().linkFor(personId), undefined);
    return (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  };
  return { get, post, signedIn };
}

/** The document title Chromium writes in a PDF's information dictionary (UTF-16 hex or literal). */
export function pdfTitle(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  const hex = text.match(/\/Title\s*<FEFF([0-9A-Fa-f]+)>/);
  if (hex?.[1]) return Buffer.from(hex[1], 'hex').swap16().toString('utf16le');
  return text.match(/\/Title\s*\(([^)]*)\)/)?.[1] ?? '';
}
