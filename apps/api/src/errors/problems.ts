import { z } from '@hono/zod-openapi';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ValidationError,
} from '@maille/domain';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fr } from '../messages/fr.ts';

/**
 * Every error the API answers is an RFC 9457 problem in French, built here and only here: the
 * kernel throws its error family, the middlewares throw `ApiProblem`, and `app.onError` /
 * `app.notFound` turn them into `application/problem+json`.
 */

/** The kinds of problem, each with a stable type URI (`https://maille.example/problemes/<kind>`). */
export const PROBLEM_KINDS = {
  validation: { status: 400, title: fr.problems.validation.title },
  'json-mal-forme': { status: 400, title: fr.problems.malformedJson.title },
  'requete-mal-formee': { status: 400, title: fr.problems.badRequest.title },
  'non-authentifie': { status: 401, title: fr.problems.unauthenticated.title },
  interdit: { status: 403, title: fr.problems.forbidden.title },
  introuvable: { status: 404, title: fr.problems.notFound.title },
  conflit: { status: 409, title: fr.problems.conflict.title },
  'precondition-echouee': { status: 412, title: fr.problems.preconditionFailed.title },
  'trop-volumineux': { status: 413, title: fr.problems.tooLarge.title },
  'type-de-contenu': { status: 415, title: fr.problems.unsupportedMediaType.title },
  'transition-invalide': { status: 422, title: fr.problems.invalidTransition.title },
  'precondition-requise': { status: 428, title: fr.problems.preconditionRequired.title },
  'trop-de-requetes': { status: 429, title: fr.problems.tooManyRequests.title },
  'erreur-interne': { status: 500, title: fr.problems.internal.title },
  indisponible: { status: 503, title: fr.problems.unavailable.title },
  // Appended, not sorted in: an HTTPException is mapped to the first kind of its status.
  'cle-idempotence-invalide': { status: 400, title: fr.problems.idempotencyKey.title },
  'cle-idempotence-reutilisee': { status: 422, title: fr.problems.idempotencyKeyReused.title },
  'requete-en-cours': { status: 409, title: fr.problems.requestInProgress.title },
  'methode-non-autorisee': { status: 405, title: fr.problems.methodNotAllowed.title },
} as const satisfies Record<string, { status: ContentfulStatusCode; title: string }>;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

export const PROBLEM_TYPE_BASE = 'https://maille.example/problemes/';

/** Said with every 415: the one type of body the API reads. */
export const ACCEPT_JSON: Readonly<Record<string, string>> = { 'Accept-Post': 'application/json' };

/** The problem document, as the OpenAPI document describes it. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .openapi({
        description: 'Validation : chaque champ fautif, par un pointeur JSON (RFC 6901).',
      }),
  })
  .openapi('Problem', { description: fr.openapi.problem });
export type Problem = z.infer<typeof Problem>;

/** A problem raised by the API itself (not by the kernel): bad key, body too large… */
export class ApiProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

interface Described {
  kind: ProblemKind;
  detail: string;
  errors?: { path: string; message: string }[];
  headers?: Record<string, string>;
}

/**
 * The answer to any error thrown while handling a request. Unexpected errors are reported with the
 * request id (to `report`: the app's logger; stderr by default) and answered with a generic
 * message: nothing internal leaks into the body.
 */
export function problemResponse(
  c: Context,
  error: unknown,
  report: (error: unknown, requestId: string) => void = (unexpected, id) =>
    console.error(`[${id}]`, unexpected),
): Response {
  const described = describe(error);
  if (described.kind === 'erreur-interne') report(error, requestIdOf(c));
  return respond(c, described);
}

/** The answer to a route nobody declared. */
export function unknownRouteResponse(c: Context): Response {
  return respond(c, {
    kind: 'introuvable',
    detail: fr.problems.unknownRoute(c.req.method, c.req.path),
  });
}

/** The answer to a known path called with a method it does not have, listing those it has. */
export function methodNotAllowedResponse(c: Context, allowed: readonly string[]): Response {
  return respond(c, {
    kind: 'methode-non-autorisee',
    detail: fr.problems.methodNotAllowed.detail(c.req.method, c.req.path, allowed),
    headers: { Allow: allowed.join(', ') },
  });
}

/** The issues of a kernel `ValidationError` (or of a route's zod check) as JSON pointers. */
export function toProblemErrors(
  issues: readonly FieldIssue[],
): { path: string; message: string }[] {
  return issues.map((issue) => ({ path: jsonPointer(issue.path), message: issue.message }));
}

/**
 * A JSON pointer (RFC 6901) to a field: `['actions', 0, 'title']` → `/actions/0/title`.
 *
 * @example
 * jsonPointer(['a/b', 'c~d']); // '/a~1b/c~0d'
 */
export function jsonPointer(path: readonly (string | number)[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function describe(error: unknown): Described {
  if (error instanceof ApiProblem) {
    return { kind: error.kind, detail: error.detail, headers: error.headers };
  }
  if (error instanceof ValidationError) {
    return {
      kind: 'validation',
      detail: fr.problems.validation.detail(error.issues.length),
      errors: toProblemErrors(error.issues),
    };
  }
  if (error instanceof NotFoundError) return { kind: 'introuvable', detail: error.message };
  if (error instanceof ForbiddenError) return { kind: 'interdit', detail: error.message };
  if (error instanceof ConflictError) return { kind: 'conflit', detail: error.message };
  if (error instanceof InvalidTransitionError) {
    return { kind: 'transition-invalide', detail: error.message };
  }
  if (error instanceof HTTPException) return describeHttpException(error);
  return { kind: 'erreur-interne', detail: fr.problems.internal.detail };
}

// Hono's own exceptions carry English messages: only their status is kept.
function describeHttpException(error: HTTPException): Described {
  if (error.status === 400 && /malformed json/i.test(error.message)) {
    return { kind: 'json-mal-forme', detail: fr.problems.malformedJson.detail };
  }
  // A route's own check of a body that is not JSON.
  if (error.status === 415) {
    return {
      kind: 'type-de-contenu',
      detail: fr.problems.unsupportedMediaType.detail,
      headers: ACCEPT_JSON,
    };
  }
  const kind = (Object.keys(PROBLEM_KINDS) as ProblemKind[]).find(
    (candidate) => PROBLEM_KINDS[candidate].status === error.status,
  );
  if (!kind || kind === 'erreur-interne') {
    return { kind: 'erreur-interne', detail: fr.problems.internal.detail };
  }
  return {
    kind,
    detail: kind === 'validation' ? fr.problems.badRequest.detail : PROBLEM_KINDS[kind].title,
  };
}

function respond(c: Context, { kind, detail, errors, headers = {} }: Described): Response {
  const { status, title } = PROBLEM_KINDS[kind];
  const body: Problem = {
    type: `${PROBLEM_TYPE_BASE}${kind}`,
    title,
    status,
    detail,
    instance: c.req.path,
    requestId: requestIdOf(c),
    ...(errors ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, {
    ...headers,
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}

function requestIdOf(c: Context): string {
  return (c.get('requestId') as string | undefined) ?? '';
}
