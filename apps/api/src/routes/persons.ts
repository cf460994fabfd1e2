import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Person, ValidationError } from '@maille/domain';
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

/** What an erasure did, counted (the kernel's `ErasureReport`). */
const ErasureReport = z
  .object({
    personId: z.string(),
    erasedAt: z.string(),
    identityErased: z.array(z.string()),
    chatAccountsUnlinked: z.number().int(),
    calendarFeedsRevoked: z.number().int(),
    recordsRewritten: z.number().int(),
    rewrittenByTable: z.record(z.string(), z.number().int()),
    governances: z.array(z.string()),
  })
  .openapi('ErasureReport');

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
  request: {
    params: personParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            confirmation: z
              .string()
              .max(45)
              .openapi({ description: fr.openapi.erasureConfirmation }),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: fr.openapi.erasePersonalData,
      content: { 'application/json': { schema: ErasureReport } },
    },
    ...problemResponses(...WRITE_PROBLEMS, 'interdit', 'conflit'),
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
  app.openapi(erasureRoute, async (c) => {
    const { personId } = c.req.valid('param');
    // Definitive: the body repeats whom to erase, as the command line asks for --oui.
    if (c.req.valid('json').confirmation !== personId) {
      throw new ValidationError([
        { path: ['confirmation'], message: fr.problems.erasureConfirmation(personId) },
      ]);
    }
    return c.json(await erasePersonalData(useCaseContext(deps, c), { personId }), 200);
  });
}
