import type { UseCaseContext } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';

/** The person signed in, as the pages name them. */
export interface Me {
  id: string;
  name: string;
}

/**
 * What the pages keep of their reads between requests: the API's cache of read models
 * (`ReadModelCache` in `@maille/api`), shared so that whoever changes something through the API or
 * the pages sees it at once in both, and the others within its time to live.
 */
export interface ReadModels {
  answer(reader: string, key: string, compute: () => Promise<unknown>): Promise<PageAnswer>;
  changed(writer: string): void;
}

/** A page ready to send: its HTML and, from the cache, its gzip form, compressed once. */
export interface PageAnswer {
  body: string;
  readonly gzipped?: Uint8Array<ArrayBuffer>;
}

/**
 * What every page handler finds on its context: who is signed in, the kernel acting as them, and
 * `cached`, which gives a page as rendered for this reader a moment ago when nothing they wrote
 * came since (see `ReadModels`), or renders it.
 */
export type WebEnv = {
  Variables: {
    me: Me | undefined;
    kernel: UseCaseContext;
    cached: (key: string, render: () => Promise<string>) => Promise<PageAnswer>;
  };
};

/** The person signed in: routes under `requireSignIn` always have one. */
export function me(c: Context<WebEnv>): Me {
  const person = c.get('me');
  if (!person) throw new Error('Page réservée aux personnes connectées servie sans session');
  return person;
}

/**
 * Sends a page: its kept gzip form to a browser that accepts gzip (all do), rather than
 * compressing it again for each reader; otherwise the HTML, which `compress` handles as any answer.
 */
export function sendPage(c: Context<WebEnv>, answer: PageAnswer): Response {
  const gzip =
    answer.gzipped !== undefined &&
    accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip';
  if (!gzip || answer.gzipped === undefined) return c.html(answer.body);
  return c.body(answer.gzipped, 200, {
    'Content-Type': 'text/html; charset=UTF-8',
    'Content-Encoding': 'gzip',
    Vary: 'Accept-Encoding',
  });
}
