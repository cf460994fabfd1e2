import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ConflictError, ValidationError } from '@maille/domain';
import type { Page, UseCaseContext } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import { expectedVersionOf, setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { decodeCursor, PageQuery, pageResponse } from '../pagination.ts';
import { ApiProblem, type ProblemKind } from '../problems.ts';
import { OPTIONAL_KEY, problemResponses, REQUIRED_KEY } from './openapi-helpers.ts';
import {
  ETAG_HEADER,
  IF_MATCH_HEADER,
  LINK_HEADER,
  PatchBody,
  patchedFromBody,
} from './resource-helpers.ts';

/**
 * The shapes most resource routes share — a page of a list, a read, a create, a PATCH, a state
 * change under If-Match — built once here, so that each resource file only says its paths,
 * schemas and kernel use cases. The route still only maps HTTP to a use case.
 */

type UseCase<T> = (ctx: UseCaseContext, input: unknown) => Promise<T>;
type Params = z.ZodObject;
type Entity = { id: string; version?: number };

/** What every route of these families says about itself in the OpenAPI document. */
interface Described {
  path: string;
  tags: string[];
  summary: string;
  description?: string;
}

const READ_PROBLEMS = ['validation', 'non-authentifie', 'introuvable'] as const;

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

const IF_MATCH_PROBLEMS = ['precondition-echouee', 'precondition-requise'] as const;

const documented = ({ path, tags, summary, description }: Described) => ({
  path,
  tags,
  summary,
  ...(description ? { description } : {}),
});

/** Sets the `ETag` of what the response carries, when it is a versioned entity. */
function tagIfVersioned(c: Context, entity: Entity, versioned = true): void {
  if (versioned && entity.version !== undefined)
    setETag(c, { id: entity.id, version: entity.version });
}

/**
 * A page of a list: `limit` and `cursor` in, `{ items }` and `Link` out. `toInput` turns the path
 * parameters into the use case's input (by default they are passed as they are).
 */
export function registerList(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & { params: Params; item: z.ZodType; cursorId: z.ZodType },
  list: UseCase<Page<unknown>>,
  toInput: (params: Record<string, string>) => object = (params) => params,
): void {
  const route = createRoute({
    ...documented(spec),
    method: 'get',
    security: OPTIONAL_KEY,
    request: { params: spec.params, query: PageQuery },
    responses: {
      200: {
        description: spec.summary,
        headers: LINK_HEADER,
        content: { 'application/json': { schema: z.object({ items: z.array(spec.item) }) } },
      },
      ...problemResponses(...READ_PROBLEMS),
    },
  });
  app.openapi(route, async (c) => {
    const params = c.req.valid('param') as Record<string, string>;
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, spec.cursorId);
    const page = await withCursorIssues(
      list(useCaseContext(deps, c), { ...toInput(params), after, limit }),
    );
    return c.json(pageResponse(c, page, limit), 200);
  });
}

/** One resource; with its `ETag` when it is versioned (append-only records have none). */
export function registerRead(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & { params: Params; schema: z.ZodType; versioned: boolean },
  read: UseCase<Entity>,
): void {
  const route = createRoute({
    ...documented(spec),
    method: 'get',
    security: OPTIONAL_KEY,
    request: { params: spec.params },
    responses: {
      200: {
        description: spec.summary,
        ...(spec.versioned ? { headers: ETAG_HEADER } : {}),
        content: { 'application/json': { schema: spec.schema } },
      },
      ...problemResponses(...READ_PROBLEMS),
    },
  });
  app.openapi(route, async (c) => {
    const entity = await read(useCaseContext(deps, c), c.req.valid('param'));
    tagIfVersioned(c, entity, spec.versioned);
    return c.json(entity as object, 200);
  });
}

/**
 * A create: 201 with `Location` (where to read it) and, for a versioned entity, its `ETag`.
 * `toInput` merges the path parameters (the parent's id) into the body.
 */
export function registerCreate<E extends Entity>(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & {
    params?: Params;
    /** Absent for a create that takes no body (validating a measurement). */
    body?: z.ZodType;
    schema: z.ZodType;
    /** Whether the entity has a version (and an `ETag`); append-only records have none. */
    versioned: boolean;
    location: (entity: E) => string;
    problems?: readonly ProblemKind[];
  },
  create: UseCase<E>,
  toInput: (params: Record<string, string>, body: object) => object = (params, body) => ({
    ...body,
    ...params,
  }),
): void {
  const route = createRoute({
    ...documented(spec),
    method: 'post',
    security: REQUIRED_KEY,
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      body: {
        required: spec.body !== undefined,
        content: { 'application/json': { schema: spec.body ?? z.object({}) } },
      },
    },
    responses: {
      201: {
        description: spec.summary,
        headers: z.object({
          Location: z.string().openapi({ description: fr.openapi.location }),
          ...(spec.versioned ? ETAG_HEADER.shape : {}),
        }),
        content: { 'application/json': { schema: spec.schema } },
      },
      ...problemResponses(...WRITE_PROBLEMS, ...(spec.problems ?? [])),
    },
  });
  app.openapi(route, async (c) => {
    const params = (spec.params ? c.req.valid('param' as never) : {}) as Record<string, string>;
    const body = (c.req.valid('json' as never) ?? {}) as object;
    const entity = await create(useCaseContext(deps, c), toInput(params, body));
    c.header('Location', spec.location(entity));
    tagIfVersioned(c, entity, spec.versioned);
    return c.json(entity as object, 201);
  });
}

/** A PATCH under If-Match: the fields to change, checked by the kernel against what is editable. */
export function registerPatch(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & { params: Params; schema: z.ZodType; problems?: readonly ProblemKind[] },
  update: UseCase<Entity>,
): void {
  const route = createRoute({
    ...documented(spec),
    method: 'patch',
    security: REQUIRED_KEY,
    request: {
      params: spec.params,
      headers: IF_MATCH_HEADER,
      body: { required: true, content: { 'application/json': { schema: PatchBody } } },
    },
    responses: {
      200: {
        description: spec.summary,
        headers: ETAG_HEADER,
        content: { 'application/json': { schema: spec.schema } },
      },
      ...problemResponses(...WRITE_PROBLEMS, ...IF_MATCH_PROBLEMS, ...(spec.problems ?? [])),
    },
  });
  app.openapi(route, async (c) => {
    const id = onlyParam(c.req.valid('param') as Record<string, string>);
    const request = { id, expectedVersion: expectedVersionOf(c, id), patch: c.req.valid('json') };
    const entity = await staleAs412(patchedFromBody(update(useCaseContext(deps, c), request)));
    tagIfVersioned(c, entity);
    return c.json(entity as object, 200);
  });
}

/**
 * A state change of a versioned entity (`POST …/cancel`, `…/transitions`…) under If-Match: the
 * body (if any) with the entity's id and the version read, 200 with the new `ETag`.
 */
export function registerChange(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & {
    params: Params;
    body?: z.ZodType;
    schema: z.ZodType;
    problems?: readonly ProblemKind[];
  },
  change: UseCase<Entity>,
): void {
  const route = createRoute({
    ...documented(spec),
    method: 'post',
    security: REQUIRED_KEY,
    request: {
      params: spec.params,
      headers: IF_MATCH_HEADER,
      body: {
        required: spec.body !== undefined,
        content: { 'application/json': { schema: spec.body ?? z.object({}) } },
      },
    },
    responses: {
      200: {
        description: spec.summary,
        headers: ETAG_HEADER,
        content: { 'application/json': { schema: spec.schema } },
      },
      ...problemResponses(...WRITE_PROBLEMS, ...IF_MATCH_PROBLEMS, ...(spec.problems ?? [])),
    },
  });
  app.openapi(route, async (c) => {
    const params = c.req.valid('param') as Record<string, string>;
    const expectedVersion = expectedVersionOf(c, onlyParam(params));
    const body = (c.req.valid('json') ?? {}) as object;
    const entity = await staleAs412(
      change(useCaseContext(deps, c), { ...body, ...params, expectedVersion }),
    );
    tagIfVersioned(c, entity);
    return c.json(entity as object, 200);
  });
}

/** The id a single-parameter path names. */
function onlyParam(params: Record<string, string>): string {
  return Object.values(params)[0] as string;
}

// The kernel says "stale version" with a `ConflictError` carrying its default message (its
// `checkVersion`, the repositories' version check); its other conflicts (a milestone already
// cancelled, an archived roadmap, a code taken) carry their own sentence.
const STALE_MESSAGE = new ConflictError().message;

/**
 * Runs a change made under If-Match: a stale version is 412, as HTTP says, while a conflict with
 * a rule of the field stays the 409 it is (unlike `ifMatched`, which serves routes where the
 * kernel raises no other conflict).
 */
export async function staleAs412<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof ConflictError && error.message === STALE_MESSAGE) {
      throw new ApiProblem('precondition-echouee', fr.problems.preconditionFailed.stale);
    }
    throw error;
  }
}

/**
 * Runs a list: the kernel points at `after` when a cursor names no item of an ordered list, the
 * caller sent `cursor`.
 */
async function withCursorIssues<T>(list: Promise<T>): Promise<T> {
  try {
    return await list;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    if (!error.issues.some((issue) => issue.path[0] === 'after')) throw error;
    throw new ValidationError([{ path: ['cursor'], message: fr.problems.badCursor }]);
  }
}
