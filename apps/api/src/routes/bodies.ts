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
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const BODIES = { tag: 'Instances', one: 'Body', many: 'Bodies' };
const ofGovernance = {
  path: '/governances/{governanceId}/bodies',
  resource: BODIES,
  params: ListBodiesInput.pick({ governanceId: true }),
} as const;
const one = {
  path: '/bodies/{bodyId}',
  resource: BODIES,
  params: GetBodyInput,
  schema: Body,
} as const;

/**
 * A governance's bodies and their members. Members are part of the body, dated (`since`,
 * `until`): a seat is added, ended or corrected by sending the whole `members` list in a PATCH,
 * as the kernel changes a body, under If-Match so that two coordinators do not lose each other's.
 */
export function registerBodyRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      ...ofGovernance,
      summary: fr.openapi.listBodies,
      item: Body,
      cursorId: ListBodiesInput.shape.after.unwrap(),
      problems: ['interdit'],
    },
    listBodies,
  );
  registerRead(
    app,
    deps,
    { ...one, summary: fr.openapi.getBody, versioned: true, problems: ['interdit'] },
    getBody,
  );
  registerCreate(
    app,
    deps,
    {
      ...ofGovernance,
      summary: fr.openapi.createBody,
      body: CreateBodyInput.omit({ governanceId: true }),
      schema: Body,
      versioned: true,
      location: (body) => `/bodies/${body.id}`,
      problems: ['conflit'],
    },
    createBody,
  );
  registerPatch(
    app,
    deps,
    { ...one, summary: fr.openapi.updateBody, problems: ['conflit'] },
    updateBody,
  );
}
