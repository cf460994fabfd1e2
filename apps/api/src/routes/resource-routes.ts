import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ValidationError } from '@maille/domain';
import type { Page, UseCaseContext } from '@maille/domain/use-cases';
import type { Context } from 'hono';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import type { ProblemKind } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';
import { expectedVersionOf, ifMatched, setETag } from './concurrency.ts';
import {
  ETAG_HEADER,
  IF_MATCH_HEADER,
  IF_MATCH_PROBLEMS,
  LINK_HEADER,
  OPTIONAL_KEY,
  PatchBody,
  problemResponses,
  READ_PROBLEMS,
  REQUIRED_KEY,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { decodeCursor, PageQuery, pageResponse } from './pagination.ts';

/**
 * The one way a resource route is written: a page of a list, a read, a create, a PATCH, a change
 * under If-Match (a state move, a role given or removed). Each registers its OpenAPI description
 * and its handler together, so that a resource file only says its paths, schemas and kernel use
 * cases; the route still only maps HTTP to a use case. A route of another shape (a report, a
 * feed) is written with `createRoute` and the pieces of `openapi-helpers.ts`.
 */

type UseCase<T> = (ctx: UseCaseContext, input: unknown) => Promise<T>;
type Params = z.ZodObject;
type Entity = { id: string; version?: number };
type Values = Record<string, unknown>;

/**
 * What a resource file says once about its routes: the tag they are listed under in the document,
 * and the resource's English names, which make each route's `operationId` (`listBodies`,
 * `getBody`, `createBody`, `updateBody`) — the method names of a generated client.
 */
interface Resource {
  tag: string;
  one: string;
  many: string;
}

/** What every route of these families says about itself in the OpenAPI document. */
interface Described {
  path: string;
  resource: Resource;
  /** When the family's name would be ambiguous (a list under several parents) or wrong. */
  operationId?: string;
  summary: string;
  description?: string;
  /** Problems it may answer besides those of its family (`conflit`, `interdit`…). */
  problems?: readonly ProblemKind[];
}

/** The description of a route; its `operationId` is the one its family makes, unless it says. */
const documented = (
  { path, resource, operationId, summary, description }: Described,
  familyName: string,
) => ({
  path,
  tags: [resource.tag],
  operationId: operationId ?? familyName,
  summary,
  ...(description ? { description } : {}),
});

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/** The problems of a read: a path naming something may answer 404, a top-level list may not. */
const readProblems = (spec: Described & { params?: Params }) =>
  problemResponses(
    ...(spec.params && Object.keys(spec.params.shape).length > 0
      ? READ_PROBLEMS
      : READ_PROBLEMS.filter((kind) => kind !== 'introuvable')),
    ...(spec.problems ?? []),
  );

/** Sets the `ETag` of what the response carries, when it is a versioned entity. */
function tagIfVersioned(c: Context, entity: Entity, versioned = true): void {
  if (versioned && entity.version !== undefined)
    setETag(c, { id: entity.id, version: entity.version });
}

/** The path parameters of a route, or none. */
const paramsOf = (c: Context, spec: { params?: Params }) =>
  (spec.params ? c.req.valid('param' as never) : {}) as Record<string, string>;

/**
 * A page of a list: `limit`, `cursor` and the list's own filters (`query`) in, `{ items }` and
 * `Link` out. `toInput` turns the path parameters and filters into the use case's input (by
 * default they are passed as they are).
 */
export function registerList(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & {
    params?: Params;
    query?: z.ZodRawShape;
    item: z.ZodType;
    cursorId: z.ZodType;
  },
  list: UseCase<Page<unknown>>,
  toInput: (params: Record<string, string>, filters: Values) => object = (params, filters) => ({
    ...params,
    ...filters,
  }),
): void {
  const route = createRoute({
    ...documented(spec, `list${spec.resource.many}`),
    method: 'get',
    security: OPTIONAL_KEY,
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      query: PageQuery.extend(spec.query ?? {}),
    },
    responses: {
      200: {
        description: spec.summary,
        headers: LINK_HEADER,
        content: json(z.object({ items: z.array(spec.item) })),
      },
      ...readProblems(spec),
    },
  });
  app.openapi(route, async (c) => {
    const { limit, cursor, ...filters } = c.req.valid('query') as z.output<typeof PageQuery> &
      Values;
    const after = decodeCursor(cursor, spec.cursorId);
    const page = await withCursorIssues(
      list(useCaseContext(deps, c), { ...toInput(paramsOf(c, spec), filters), after, limit }),
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
    ...documented(spec, `get${spec.resource.one}`),
    method: 'get',
    security: OPTIONAL_KEY,
    request: { params: spec.params },
    responses: {
      200: {
        description: spec.summary,
        ...(spec.versioned ? { headers: ETAG_HEADER } : {}),
        content: json(spec.schema),
      },
      ...readProblems(spec),
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
  },
  create: UseCase<E>,
  toInput: (params: Record<string, string>, body: object) => object = (params, body) => ({
    ...body,
    ...params,
  }),
): void {
  const route = createRoute({
    ...documented(spec, `create${spec.resource.one}`),
    method: 'post',
    security: REQUIRED_KEY,
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      body: { required: spec.body !== undefined, content: json(spec.body ?? z.object({})) },
    },
    responses: {
      201: {
        description: spec.summary,
        headers: z.object({
          Location: z.string().openapi({ description: fr.openapi.location }),
          ...(spec.versioned ? ETAG_HEADER.shape : {}),
        }),
        content: json(spec.schema),
      },
      ...problemResponses(...WRITE_PROBLEMS, ...(spec.problems ?? [])),
    },
  });
  app.openapi(route, async (c) => {
    const body = (c.req.valid('json' as never) ?? {}) as object;
    const entity = await create(useCaseContext(deps, c), toInput(paramsOf(c, spec), body));
    c.header('Location', spec.location(entity));
    tagIfVersioned(c, entity, spec.versioned);
    return c.json(entity as object, 201);
  });
}

/** A PATCH under If-Match: the fields to change, checked by the kernel against what is editable. */
export function registerPatch(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & { params: Params; schema: z.ZodType },
  update: UseCase<Entity>,
): void {
  registerUnderIfMatch(
    app,
    {
      ...spec,
      method: 'patch',
      body: PatchBody,
      operationId: spec.operationId ?? `update${spec.resource.one}`,
    },
    (c, id, expectedVersion, patch) =>
      patchedFromBody(update(useCaseContext(deps, c), { id, expectedVersion, patch })),
  );
}

/**
 * Another change of a versioned entity under If-Match: a state move (`POST …/cancel`,
 * `…/transitions`), or a `PUT`/`DELETE` of a part of it (a role). The use case gets the body (if
 * any) with the path parameters and the version read (`toInput` may say otherwise); the answer
 * is the entity with its new `ETag`. The entity under If-Match is the path's first parameter.
 */
export function registerChange(
  app: OpenAPIHono<ApiEnv>,
  deps: AppDependencies,
  spec: Described & {
    /** A change has its own verb: `transitionAction`, `cancelMilestone`… */
    operationId: string;
    method?: 'post' | 'put' | 'delete';
    params: Params;
    body?: z.ZodType;
    schema: z.ZodType;
  },
  change: UseCase<Entity>,
  toInput: (params: Record<string, string>, body: object) => object = (params, body) => ({
    ...body,
    ...params,
  }),
): void {
  registerUnderIfMatch(app, { ...spec, method: spec.method ?? 'post' }, (c, _, version, body) =>
    change(useCaseContext(deps, c), {
      ...toInput(paramsOf(c, spec), body),
      expectedVersion: version,
    }),
  );
}

/** The route and handler of every change under If-Match; `run` gets the id and version read. */
function registerUnderIfMatch(
  app: OpenAPIHono<ApiEnv>,
  spec: Described & {
    operationId: string;
    method: 'post' | 'put' | 'patch' | 'delete';
    params: Params;
    body?: z.ZodType;
    schema: z.ZodType;
  },
  run: (c: Context<ApiEnv>, id: string, expectedVersion: number, body: object) => Promise<Entity>,
): void {
  const route = createRoute({
    ...documented(spec, spec.operationId),
    method: spec.method,
    security: REQUIRED_KEY,
    request: {
      params: spec.params,
      headers: IF_MATCH_HEADER,
      // A DELETE has no body; a change with nothing to say takes an optional empty one.
      ...(spec.method === 'delete'
        ? {}
        : {
            body: { required: spec.body !== undefined, content: json(spec.body ?? z.object({})) },
          }),
    },
    responses: {
      200: { description: spec.summary, headers: ETAG_HEADER, content: json(spec.schema) },
      ...problemResponses(...WRITE_PROBLEMS, ...IF_MATCH_PROBLEMS, ...(spec.problems ?? [])),
    },
  });
  app.openapi(route, async (c) => {
    const id = Object.values(c.req.valid('param') as Record<string, string>)[0] as string;
    const expectedVersion = expectedVersionOf(c, id);
    const body = (spec.method === 'delete' ? {} : (c.req.valid('json' as never) ?? {})) as object;
    const entity = await ifMatched(expectedVersion, run(c, id, expectedVersion, body));
    tagIfVersioned(c, entity);
    return c.json(entity as object, 200);
  });
}

/**
 * Runs a kernel change whose `patch` is the request body: the kernel points at `/patch/<field>`,
 * the caller sent `/<field>`, so its issues are re-pointed at the body as written.
 */
async function patchedFromBody<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) =>
        issue.path[0] === 'patch' ? { ...issue, path: issue.path.slice(1) } : issue,
      ),
    );
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
