import { z } from '@hono/zod-openapi';
import { PROBLEM_KINDS, Problem, type ProblemKind } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';

/*
 * The pieces of the OpenAPI document every route uses: its error answers, its security, and the
 * headers of versioned entities and pages. `resource-routes.ts` builds whole routes from them.
 */

/**
 * The error answers of a route, for its OpenAPI description: each kind's status, once. Every
 * route may answer 429 (the rate limiter runs before any of them).
 */
export function problemResponses(...kinds: ProblemKind[]) {
  const responses: Record<number, { description: string; content: object }> = {};
  for (const kind of [...kinds, 'trop-de-requetes'] as const) {
    const { status, title } = PROBLEM_KINDS[kind];
    const previous = responses[status];
    responses[status] = {
      description: previous ? `${previous.description} ; ${title}` : title,
      content: { 'application/problem+json': { schema: Problem } },
    };
  }
  return responses;
}

/** The problems of every read: a parameter, a key, a target (what the actor may not read is 404). */
export const READ_PROBLEMS = [
  'validation',
  'non-authentifie',
  'introuvable',
] as const satisfies readonly ProblemKind[];

/** The problems of every write: a body, a key, a permission, a target. */
export const WRITE_PROBLEMS = [
  'validation',
  'json-mal-forme',
  'non-authentifie',
  'interdit',
  'introuvable',
  'trop-volumineux',
  'type-de-contenu',
] as const satisfies readonly ProblemKind[];

/** The problems of a change under `If-Match`: a stale or unknown tag (412), none (428). */
export const IF_MATCH_PROBLEMS = [
  'precondition-echouee',
  'precondition-requise',
] as const satisfies readonly ProblemKind[];

/** A key is optional on public reads, required on writes; the kernel decides what it allows. */
export const OPTIONAL_KEY = [{ cleApi: [] }, {}];
export const REQUIRED_KEY = [{ cleApi: [] }];
/** Said, not left out: a client generator then sends no key (a feed's secret is in its path). */
export const NO_KEY: Record<string, string[]>[] = [];

/** The `ETag` header of a read or a change, for the OpenAPI document. */
export const ETAG_HEADER = z.object({
  ETag: z.string().openapi({ description: fr.openapi.etag }),
});

/** The `Link` header of a page, for the OpenAPI document. */
export const LINK_HEADER = z.object({
  Link: z.string().optional().openapi({ description: fr.openapi.link }),
});

/**
 * `If-Match` as the document shows it. Optional here on purpose: its absence must answer 428,
 * which `expectedVersionOf` does, not the 400 of a failed route check.
 */
export const IF_MATCH_HEADER = z.object({
  'if-match': z.string().optional().openapi({ description: fr.openapi.ifMatch }),
});

/**
 * The body of a PATCH: the fields to change. The kernel checks them against the entity's editable
 * fields (and `null` clears one), so the route only checks it is an object — the shape of the
 * kernel's `ChangeRequest.patch`, rebuilt with this package's `z` so it can carry its description.
 */
export const PatchBody = z
  .record(z.string().max(100), z.unknown())
  .openapi({ description: fr.openapi.patch });
