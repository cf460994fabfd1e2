import { PROBLEM_KINDS, Problem, type ProblemKind } from '../problems.ts';

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

/** A key is optional on public reads, required on writes; the kernel decides what it allows. */
export const OPTIONAL_KEY = [{ cleApi: [] }, {}];
export const REQUIRED_KEY = [{ cleApi: [] }];
