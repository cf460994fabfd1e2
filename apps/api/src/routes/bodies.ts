import type { OpenAPIHono } from '@hono/zod-openapi';
import { Body } from '@maille/domain';
import {
  CreateBodyInput,
  createBody,
  GetBodyInput,
  getBody,
  ListBodiesInput,
  listBodies,
  updateBody,
} from '@maille/domain/use-cases';
import { setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { decodeCursor, pageResponse } from '../pagination.ts';
import {
  announceCreated,
  changeRoute,
  changeUnderIfMatch,
  createdRoute,
  listRoute,
  readRoute,
} from './route-shapes.ts';

const TAGS = ['Instances'];
const ofGovernance = {
  path: '/governances/{governanceId}/bodies',
  tags: TAGS,
  params: ListBodiesInput.pick({ governanceId: true }),
} as const;
const one = { path: '/bodies/{bodyId}', tags: TAGS, params: GetBodyInput } as const;

const list = listRoute({ ...ofGovernance, summary: fr.openapi.listBodies, query: {}, item: Body });
const read = readRoute({ ...one, summary: fr.openapi.getBody, schema: Body });
const create = createdRoute({
  ...ofGovernance,
  summary: fr.openapi.createBody,
  body: CreateBodyInput.omit({ governanceId: true }),
  schema: Body,
});
const update = changeRoute({ ...one, summary: fr.openapi.updateBody, schema: Body });

/**
 * A governance's bodies and their members. Members are part of the body, dated (`since`,
 * `until`): a seat is added, ended or corrected by sending the whole `members` list in a PATCH,
 * as the kernel changes a body, under If-Match so that two coordinators do not lose each other's.
 */
export function registerBodyRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(list, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { limit, cursor } = c.req.valid('query');
    const after = decodeCursor(cursor, ListBodiesInput.shape.after.unwrap());
    const page = await listBodies(useCaseContext(deps, c), { governanceId, after, limit });
    return c.json(pageResponse(c, page, limit), 200);
  });

  app.openapi(read, async (c) => {
    const body = await getBody(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, body);
    return c.json(body, 200);
  });

  app.openapi(create, async (c) => {
    const body = await createBody(useCaseContext(deps, c), {
      ...c.req.valid('json'),
      governanceId: c.req.valid('param').governanceId,
    });
    announceCreated(c, body, `/bodies/${body.id}`);
    return c.json(body, 201);
  });

  app.openapi(update, async (c) => {
    const patch = c.req.valid('json');
    const body = await changeUnderIfMatch(c, c.req.valid('param').bodyId, (id, v) =>
      updateBody(useCaseContext(deps, c), { id, expectedVersion: v, patch }),
    );
    return c.json(body, 200);
  });
}
