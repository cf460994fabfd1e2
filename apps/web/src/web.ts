import { ForbiddenError, NotFoundError, ValidationError } from '@maille/domain';
import {
  type Actor,
  findSession,
  getGovernanceDashboard,
  getPerson,
  listMyWork,
  SESSION_TTL_MS,
  SignInSecret,
  signIn,
  signOut,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { fr } from './messages.ts';
import { governancePage } from './pages/governance.ts';
import { homePage } from './pages/home.ts';
import { messagePage } from './pages/messages-page.ts';
import { signedOutPage, signInPage } from './pages/sign-in.ts';
import { STYLESHEET, STYLESHEET_PATH } from './style.ts';

/** What the pages need: the kernel's storage, clock and ids, as the API gets them. */
export type WebDependencies = Pick<UseCaseContext, 'store' | 'clock' | 'ids'> & {
  /** Told of an unexpected error (a bug): the person only gets a French page. Stderr by default. */
  logError?: ((error: unknown) => void) | undefined;
};

/** The cookie a browser keeps its session in. */
export const SESSION_COOKIE = 'maille_session';

type WebEnv = { Variables: { personId: string | undefined } };

/**
 * The paths the web workspace answers (French, beside the API's English ones): the server sends
 * these requests to the pages and every other one to the API.
 */
export function isPagePath(pathname: string): boolean {
  return (
    pathname === '/' ||
    pathname === STYLESHEET_PATH ||
    pathname === '/deconnexion' ||
    pathname.startsWith('/connexion/') ||
    pathname.startsWith('/gouvernances/')
  );
}

/**
 * The web workspace: pages rendered on the server, working without any script (forms post, the
 * server redirects). A page calls the kernel's use cases as the person signed in, like the API
 * does for a key; no rule and no SQL lives here.
 *
 * @example
 * const web = createWeb({ store: createStore(database), clock, ids: timeOrderedIds() });
 * serve({ fetch: (request) => (isPagePath(new URL(request.url).pathname) ? web : api).fetch(request) });
 */
export function createWeb({ logError = console.error, ...kernel }: WebDependencies) {
  const app = new Hono<WebEnv>();
  const as = (personId: string | undefined): UseCaseContext => {
    const actor: Actor = { channel: 'web', ...(personId ? { personId } : {}) };
    return { ...kernel, actor };
  };

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A form posted from another site is refused (its Origin is not ours); the session cookie is
  // SameSite=Lax besides.
  app.use(csrf());
  app.get(STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });

  app.use(async (c, next) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const session = secret ? await findSession(as(undefined), { session: secret }) : undefined;
    c.set('personId', session?.personId);
    c.header('Cache-Control', 'no-store');
    await next();
  });

  app.get('/', async (c) => {
    const personId = c.get('personId');
    if (!personId) return c.html(signedOutPage());
    const ctx = as(personId);
    const [person, work] = await Promise.all([getPerson(ctx, { personId }), listMyWork(ctx)]);
    return c.html(homePage(person.displayName, work));
  });

  app.get('/connexion/:secret', (c) => {
    const secret = c.req.param('secret');
    if (!SignInSecret.safeParse(secret).success) return invalidLink(c);
    return c.html(signInPage(`/connexion/${secret}`));
  });

  app.post('/connexion/:secret', async (c) => {
    const opened = await signIn(as(undefined), { link: c.req.param('secret') });
    if (!opened) return invalidLink(c);
    // A new session at each sign-in: a session fixed before cannot be carried over, and the
    // browser's previous one is closed rather than left open for its month.
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await signOut(as(undefined), { session: previous });
    setCookie(c, SESSION_COOKIE, opened.session, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: overTls(c),
      path: '/',
      maxAge: Math.floor(SESSION_TTL_MS / 1000),
    });
    return c.redirect('/', 303);
  });

  app.post('/deconnexion', async (c) => {
    const secret = getCookie(c, SESSION_COOKIE);
    if (secret) await signOut(as(undefined), { session: secret });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/', 303);
  });

  app.get('/gouvernances/:id', async (c) => {
    const personId = c.get('personId');
    if (!personId) {
      return c.html(messagePage(fr.errors.signInFirstTitle, fr.errors.signInFirst), 401);
    }
    const ctx = as(personId);
    const person = await getPerson(ctx, { personId });
    try {
      const dashboard = await getGovernanceDashboard(ctx, { governanceId: c.req.param('id') });
      return c.html(governancePage(dashboard, person.displayName));
    } catch (error) {
      // A governance one may not see is one that does not exist (no leak), as in the API.
      if (
        error instanceof NotFoundError ||
        error instanceof ValidationError ||
        error instanceof ForbiddenError
      ) {
        return c.html(
          messagePage(fr.errors.notFoundTitle, fr.errors.notFound, person.displayName),
          404,
        );
      }
      throw error;
    }
  });

  app.notFound((c) => c.html(messagePage(fr.errors.notFoundTitle, fr.errors.notFound), 404));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 403) {
      return c.html(messagePage(fr.errors.forbiddenTitle, fr.errors.forbidden), 403);
    }
    logError(error);
    return c.html(messagePage(fr.errors.failureTitle, fr.errors.failure), 500);
  });
  return app;
}

/**
 * Whether the browser reached us over TLS: directly, or through a reverse proxy that says so. A
 * client lying about it over plain HTTP only loses its own cookie.
 */
function overTls(c: Context<WebEnv>): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('X-Forwarded-Proto') === 'https';
}

function invalidLink(c: Context<WebEnv>) {
  return c.html(messagePage(fr.signIn.invalidTitle, fr.signIn.invalid), 400);
}
