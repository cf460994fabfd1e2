import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Person } from '@maille/domain';
import {
  CreatePersonInput,
  createPerson,
  erasePersonalData,
  exportPersonalData,
  GetPersonInput,
  getPerson,
  updatePerson,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import {
  problemResponses,
  READ_PROBLEMS,
  REQUIRED_KEY,
  WRITE_PROBLEMS,
} from './openapi-helpers.ts';
import { registerCreate, registerPatch, registerRead } from './resource-routes.ts';

const PERSONS = { tag: 'Personnes', one: 'Person', many: 'Persons' };
const one = { path: '/persons/{personId}', resource: PERSONS, params: GetPersonInput } as const;

// What a read answers: the whole record, or the kernel's `PersonCard` (the same without the
// contact details and reminder preferences) for the other members of the person's governances.
const PersonAsRead = Person.partial({ chatAccounts: true, reminders: true });

const personParams = z.object({ personId: GetPersonInput.shape.personId });

const exportRoute = createRoute({
  method: 'get',
  path: '/persons/{personId}/personal-data',
  tags: [PERSONS.tag],
  operationId: 'exportPersonalData',
  summary: fr.openapi.exportPersonalData,
  description: fr.openapi.exportPersonalDataDescription,
  security: REQUIRED_KEY,
  request: { params: personParams },
  responses: {
    200: {
      description: fr.openapi.exportPersonalData,
      content: {
        'application/json': {
          schema: z.looseObject({
            format: z.literal('maille.donnees-personnelles'),
            exportedAt: z.string(),
            person: PersonAsRead,
            records: z.record(z.string(), z.array(z.unknown())),
          }),
        },
      },
    },
    ...problemResponses(...READ_PROBLEMS, 'interdit'),
  },
});

const erasureRoute = createRoute({
  method: 'post',
  path: '/persons/{personId}/erasure',
  tags: [PERSONS.tag],
  operationId: 'erasePersonalData',
  summary: fr.openapi.erasePersonalData,
  description: fr.openapi.erasePersonalDataDescription,
  security: REQUIRED_KEY,
  request: { params: personParams },
  responses: {
    200: {
      description: fr.openapi.erasePersonalData,
      content: {
        'application/json': { schema: z.object({ recordsRewritten: z.number().int() }) },
      },
    },
    ...problemResponses(...WRITE_PROBLEMS, 'conflit'),
  },
});

/**
 * Persons: personal data. No list: a person is reached from a governance's roles and bodies, and
 * the kernel decides who may read them whole, as a card, or not at all.
 */
export function registerPersonRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerRead(
    app,
    deps,
    {
      ...one,
      summary: fr.openapi.getPerson,
      description: fr.openapi.getPersonDescription,
      schema: PersonAsRead,
      versioned: true,
      problems: ['interdit'],
    },
    getPerson,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/persons',
      resource: PERSONS,
      summary: fr.openapi.createPerson,
      body: CreatePersonInput,
      schema: Person,
      versioned: true,
      location: (person) => `/persons/${person.id}`,
      problems: ['conflit'],
    },
    createPerson,
  );
  registerPatch(
    app,
    deps,
    { ...one, summary: fr.openapi.updatePerson, schema: Person, problems: ['conflit'] },
    updatePerson,
  );
  // The rights of access and erasure, as `maille person export|erase` gives them.
  app.openapi(exportRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await exportPersonalData(useCaseContext(deps, c), c.req.valid('param')), 200);
  });
  app.openapi(erasureRoute, async (c) =>
    c.json(await erasePersonalData(useCaseContext(deps, c), c.req.valid('param')), 200),
  );
}
