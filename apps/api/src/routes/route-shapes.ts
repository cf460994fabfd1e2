import { createRoute, z } from '@hono/zod-openapi';
import { ConflictError } from '@maille/domain';
import type { Context } from 'hono';
import { expectedVersionOf, ifMatched, setETag } from '../concurrency.ts';
import { PageQuery } from '../pagination.ts';
import { ApiProblem, type ProblemKind } from '../problems.ts';
import { OPTIONAL_KEY, problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';
import {
  ETAG_HEADER,
  IF_MATCH_HEADER,
  LINK_HEADER,
  PatchBody,
  patchedFromBody,
} from './resource-helpers.ts';

/*
 * The shapes shared by the directory's and the governance's resources: a paged list, a read with
 * its ETag, a create answering 201 with Location and ETag, and a change under If-Match. Each
 * resource file only says its path, its schemas and which use case to call.
 */

type Params = z.ZodObject;

const READ_PROBLEMS: ProblemKind[] = ['validation', 'non-authentifie', 'interdit', 'introuvable'];
const BODY_PROBLEMS: ProblemKind[] = [
  'validation',
  'json-mal-forme',
  'non-authentifie',
  'interdit',
  'introuvable',
  'conflit',
  'trop-volumineux',
  'type-de-contenu',
];
const CHANGE_PROBLEMS: ProblemKind[] = [
  ...BODY_PROBLEMS,
  'precondition-echouee',
  'precondition-requise',
];

interface Described {
  tags: string[];
  summary: string;
  description?: string | undefined;
}

/** A route with no path parameter. */
export const NO_PARAMS = z.object({});

const described = ({ tags, summary, description }: Described) => ({
  tags,
  summary,
  ...(description === undefined ? {} : { description }),
});

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/** `GET` of a page of `item`s, filtered by `query` besides `limit` and `cursor`. */
export function listRoute<
  P extends string,
  R extends Params,
  Q extends z.ZodRawShape,
  S extends z.ZodType,
>(spec: Described & { path: P; params: R; query: Q; item: S }) {
  return createRoute({
    method: 'get',
    path: spec.path,
    ...described(spec),
    security: OPTIONAL_KEY,
    request: { params: spec.params, query: PageQuery.extend(spec.query) },
    responses: {
      200: {
        description: spec.summary,
        headers: LINK_HEADER,
        content: json(z.object({ items: z.array(spec.item) })),
      },
      ...problemResponses(...READ_PROBLEMS),
    },
  });
}

/** `GET` of one entity, with its ETag. */
export function readRoute<P extends string, R extends Params, S extends z.ZodType>(
  spec: Described & { path: P; params: R; schema: S },
) {
  return createRoute({
    method: 'get',
    path: spec.path,
    ...described(spec),
    security: OPTIONAL_KEY,
    request: { params: spec.params },
    responses: {
      200: { description: spec.summary, headers: ETAG_HEADER, content: json(spec.schema) },
      ...problemResponses(...READ_PROBLEMS),
    },
  });
}

const CREATED_HEADERS = ETAG_HEADER.extend({
  Location: z.string().openapi({ description: 'L’adresse de la ressource créée.' }),
});

/** `POST` creating an entity: 201 with its `Location` and `ETag`. */
export function createdRoute<
  P extends string,
  R extends Params,
  B extends z.ZodType,
  S extends z.ZodType,
>(spec: Described & { path: P; params: R; body: B; schema: S }) {
  return createRoute({
    method: 'post',
    path: spec.path,
    ...described(spec),
    security: REQUIRED_KEY,
    request: { params: spec.params, body: { required: true, content: json(spec.body) } },
    responses: {
      201: { description: spec.summary, headers: CREATED_HEADERS, content: json(spec.schema) },
      ...problemResponses(...BODY_PROBLEMS),
    },
  });
}

const conditionalResponses = (summary: string, schema: z.ZodType) => ({
  200: { description: summary, headers: ETAG_HEADER, content: json(schema) },
  ...problemResponses(...CHANGE_PROBLEMS),
});

/**
 * A change of an entity under `If-Match`, answering it with its new ETag: a `PATCH` of its fields
 * (`PatchBody`) unless another method and body are given.
 */
export function changeRoute<
  P extends string,
  R extends Params,
  S extends z.ZodType,
  B extends z.ZodType = typeof PatchBody,
>(spec: Described & { path: P; params: R; schema: S; method?: 'patch' | 'put'; body?: B }) {
  return createRoute({
    method: spec.method ?? 'patch',
    path: spec.path,
    ...described(spec),
    security: REQUIRED_KEY,
    request: {
      params: spec.params,
      headers: IF_MATCH_HEADER,
      body: { required: true, content: json((spec.body ?? PatchBody) as B) },
    },
    responses: conditionalResponses(spec.summary, spec.schema) as ReturnType<
      typeof conditionalResponses
    > & { 200: { content: { 'application/json': { schema: S } } } },
  });
}

/** A `DELETE` of a part of an entity under `If-Match`, answering the entity with its new ETag. */
export function removeRoute<P extends string, R extends Params, S extends z.ZodType>(
  spec: Described & { path: P; params: R; schema: S },
) {
  return createRoute({
    method: 'delete',
    path: spec.path,
    ...described(spec),
    security: REQUIRED_KEY,
    request: { params: spec.params, headers: IF_MATCH_HEADER },
    responses: conditionalResponses(spec.summary, spec.schema) as ReturnType<
      typeof conditionalResponses
    > & { 200: { content: { 'application/json': { schema: S } } } },
  });
}

/** Sets what a 201 carries besides the entity: its `ETag`, and its address in `Location`. */
export function announceCreated(
  c: Context,
  entity: { id: string; version: number },
  location: string,
): void {
  setETag(c, entity);
  c.header('Location', location);
}

// The kernel's ConflictError without a message of its own is its stale-version refusal; one with
// its own message is a rule of the field (the last coordinator, an erased person), which stays
// a 409 rather than becoming the 412 of a stale If-Match.
const STALE_VERSION = new ConflictError().message;

/**
 * Runs a change under `If-Match` and sets the new `ETag`: `run` gets the entity's id and the
 * version the caller read. A stale version answers 412; any other conflict 409. The kernel's
 * issues about `/patch/<field>` point at `/<field>` of the body, as the caller wrote it.
 *
 * @example
 * const body = await changeUnderIfMatch(c, bodyId, (id, expectedVersion) =>
 *   updateBody(ctx, { id, expectedVersion, patch }),
 * );
 */
export async function changeUnderIfMatch<T extends { id: string; version: number }>(
  c: Context,
  id: string,
  run: (id: string, expectedVersion: number) => Promise<T>,
): Promise<T> {
  const expectedVersion = expectedVersionOf(c, id);
  const entity = await ifMatched(
    patchedFromBody(run(id, expectedVersion)).catch((error: unknown) => {
      if (error instanceof ConflictError && error.message !== STALE_VERSION) {
        throw new ApiProblem('conflit', error.message);
      }
      throw error;
    }),
  );
  setETag(c, entity);
  return entity;
}
