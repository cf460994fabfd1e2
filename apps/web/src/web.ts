import {
  ConflictError,
  ForbiddenError,
  InvalidTransitionError,
  MAX_PLACES_FILE_BYTES,
  NotFoundError,
  ValidationError,
} from '@maille/domain';
import {
  type Actor,
  createGovernance,
  findSession,
  listMyWork,
  readerKey,
  recordVisit,
  SESSION_TTL_MS,
  SignInSecret,
  signIn,
  signOut,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { given, readForm, refusedOrStale } from './forms.ts';
import { fr } from './messages.ts';
import { homePage } from './pages/home.ts';
import { messagePage } from './pages/messages-page.ts';
import { signedOutPage, signInPage } from './pages/sign-in.ts';
import { governancePath, PLACES_IMPORT_PAGE } from './paths.ts';
import { chromiumPrinter } from './pdf.ts';
import { accountRoutes } from './routes/account.ts';
import { actionRoutes } from './routes/actions.ts';
import { bodyRoutes } from './routes/bodies.ts';
import { fundingRoutes } from './routes/funding.ts';
import { governanceRoutes } from './routes/governances.ts';
import { historyRoutes } from './routes/history.ts';
import { indicatorRoutes } from './routes/indicators.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { milestoneRoutes } from './routes/milestones.ts';
import { placeRoutes } from './routes/places.ts';
import { roadmapRoutes } from './routes/roadmaps.ts';
import { UNSUBSCRIBE_PREFIX, unsubscribeRoutes } from './routes/unsubscribe.ts';
import { STYLESHEET, STYLESHEET_PATH } from './style.ts';
import { me, type ReadModels, type WebEnv } from './web-env.ts';

/** What the pages need: the kernel's storage, clock and ids, as the API gets them. */
export type WebDependencies = Pick<UseCaseContext, 'store' | 'clock' | 'ids'> & {
  /** The Chromium that prints the steering brief to PDF; none: the brief says the PDF is unavailable. */
  chromiumPath?: string | undefined;
  /** The read models' cache shared with the API; none: every page is computed at each request. */
  readModels?: ReadModels | undefined;
  /** Told of an unexpected error (a bug): the person only gets a French page. Stderr by default. */
  logError?: ((error: unknown) => void) | undefined;
  /** Writes each page request to the server's request log (the API's, `traceRequests`). */
  requestLog?: MiddlewareHandler | undefined;
};

/** The cookie a browser keeps its session in. */
export const SESSION_COOKIE = 'maille_session';

/** The pages only a signed-in person may open (the others: home, sign-in, the stylesheet). */
const SIGNED_IN_PREFIXES = [
  '/gouvernances/',
  '/feuilles-de-route/',
  '/fiches/',
  '/financements/',
  '/jalons/',
  '/indicateurs/',
  '/instances/',
  '/reunions/',
  '/compte',
  '/lieux/',
];

/** A form is text typed by a person: 100 KB is far above the longest field the kernel accepts. */
const MAX_FORM_BYTES = 100 * 1024;

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
    pathname.startsWith(UNSUBSCRIBE_PREFIX) ||
    SIGNED_IN_PREFIXES.some((prefix) => pathname.startsWith(prefix))
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
export function createWeb({
  logError = console.error,
  chromiumPath,
  readModels,
  requestLog,
  ...kernel
}: WebDependencies) {
  const app = new Hono<WebEnv>();
  const as = (personId: string | undefined): UseCaseContext => {
    const actor: Actor = { channel: 'web', ...(personId ? { personId } : {}) };
    return { ...kernel, actor };
  };

  if (requestLog) app.use(requestLog);
  app.use(requestId());
  app.use(compress());
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
  // The one exception: the unsubscribe link of an e-mail, which mail programs post from their own
  // servers (RFC 8058). It needs no session: its secret is in its address.
  const sameOrigin = csrf();
  app.use((c, next) =>
    c.req.method === 'POST' && c.req.path.startsWith(UNSUBSCRIBE_PREFIX)
      ? next()
      : sameOrigin(c, next),
  );
  app.get(STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });

  // A form is small; a national places file may weigh up to the kernel's bound.
  const limitForm = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => c.html(messagePage(fr.errors.tooLargeTitle, fr.errors.tooLarge), 413),
  });
  const limitPlacesFile = bodyLimit({
    maxSize: MAX_PLACES_FILE_BYTES + MAX_FORM_BYTES,
    onError: (c) => c.html(messagePage(fr.errors.tooLargeTitle, fr.places.tooLarge), 413),
  });
  app.use((c, next) => (c.req.path === PLACES_IMPORT_PAGE ? limitPlacesFile : limitForm)(c, next));

  // Who is signed in, and the kernel acting as them: every page reads them from the context.
  app.use(async (c, next) => {
    const secret = getCookie(c, SESSION_COOKIE);
    const session = secret ? await findSession(as(undefined), { session: secret }) : undefined;
    const kernel = as(session?.personId);
    c.set('kernel', kernel);
    const reader = readerKey(kernel.actor);
    c.set('cached', async (key, render) =>
      readModels ? readModels.answer(reader, `page:${key}`, render) : { body: await render() },
    );
    c.set('me', session ? { id: session.personId, name: session.name } : undefined);
    c.header('Cache-Control', 'no-store');
    if (!session && SIGNED_IN_PREFIXES.some((prefix) => c.req.path.startsWith(prefix))) {
      return c.html(messagePage(fr.errors.signInFirstTitle, fr.errors.signInFirst), 401);
    }
    await next();
    // A form posted may have changed what pages show: its writer sees it at their next page.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') readModels?.changed(reader);
    return undefined;
  });

  app.get('/', async (c) => {
    const person = c.get('me');
    if (!person) return c.html(signedOutPage());
    const [work, changes] = await Promise.all([
      listMyWork(c.var.kernel),
      recordVisit(c.var.kernel),
    ]);
    return c.html(homePage(person.name, work, changes));
  });

  // A new governance, from the home page: the person who opens it becomes its coordinator.
  app.post('/gouvernances/nouvelle', async (c) => {
    const typed = await readForm(c);
    const level = given(typed, 'level');
    const outcome = await refusedOrStale(
      () =>
        createGovernance(c.var.kernel, {
          name: given(typed, 'name'),
          territory: { level, code: given(typed, 'code') },
          perimeter: level,
          formality: given(typed, 'formality'),
        }),
      (path) =>
        path.startsWith('territory.') ? (path.endsWith('level') ? 'level' : 'code') : path,
    );
    if ('done' in outcome) return c.redirect(governancePath(outcome.done.id), 303);
    const [work, changes] = await Promise.all([
      listMyWork(c.var.kernel),
      recordVisit(c.var.kernel),
    ]);
    return c.html(
      homePage(me(c).name, work, changes, { form: 'gouvernance', typed, errors: outcome.errors }),
      outcome.status,
    );
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

  app.route('/', governanceRoutes(chromiumPath ? chromiumPrinter(chromiumPath) : undefined));
  app.route('/', accountRoutes(SESSION_COOKIE));
  app.route('/', unsubscribeRoutes);
  app.route('/', indicatorRoutes);
  app.route('/', historyRoutes);
  app.route('/', placeRoutes);
  app.route('/', fundingRoutes);
  app.route('/', roadmapRoutes);
  app.route('/', actionRoutes);
  app.route('/', milestoneRoutes);
  app.route('/', bodyRoutes);
  app.route('/', meetingRoutes);

  app.notFound((c) => c.html(messagePage(fr.errors.notFoundTitle, fr.errors.notFound), 404));
  app.onError((error, c) => {
    const name = c.get('me')?.name;
    const say = (status: 400 | 403 | 404 | 409, title: string, text: string | string[]) =>
      c.html(messagePage(title, text, name), status);
    if (error instanceof HTTPException && error.status === 403) {
      return say(403, fr.errors.forbiddenTitle, fr.errors.forbidden);
    }
    // What one may not see does not exist (no leak), as in the API; so does a malformed id.
    if (error instanceof NotFoundError || (error instanceof ValidationError && onlyIds(error))) {
      return say(404, fr.errors.notFoundTitle, fr.errors.notFound);
    }
    if (error instanceof ValidationError) {
      return say(
        400,
        fr.errors.badRequestTitle,
        error.issues.map((issue) => issue.message),
      );
    }
    if (error instanceof ForbiddenError) return say(403, fr.errors.forbiddenTitle, error.message);
    if (error instanceof ConflictError) return say(409, fr.errors.conflictTitle, error.message);
    if (error instanceof InvalidTransitionError) {
      return say(400, fr.errors.badRequestTitle, error.message);
    }
    logError(error);
    return c.html(messagePage(fr.errors.failureTitle, fr.errors.failure, name), 500);
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

/** A refusal that only concerns ids (from the address): the page asked for does not exist. */
function onlyIds(error: ValidationError): boolean {
  return error.issues.every((issue) => /Id$/.test(String(issue.path.at(-1) ?? '')));
}

function invalidLink(c: Context<WebEnv>) {
  return c.html(messagePage(fr.signIn.invalidTitle, fr.signIn.invalid), 400);
}
