import type { OpenAPIHono } from '@hono/zod-openapi';
import { Person } from '@maille/domain';
import {
  CreatePersonInput,
  createPerson,
  GetPersonInput,
  getPerson,
  updatePerson,
} from '@maille/domain/use-cases';
import { setETag } from '../concurrency.ts';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import {
  announceCreated,
  changeRoute,
  changeUnderIfMatch,
  createdRoute,
  NO_PARAMS,
  readRoute,
} from './route-shapes.ts';

const TAGS = ['Personnes'];
const one = { path: '/persons/{personId}', tags: TAGS, params: GetPersonInput } as const;

// What a read answers: the whole record, or the kernel's `PersonCard` (the same without the
// contact details and reminder preferences) for the other members of the person's governances.
const PersonAsRead = Person.partial({ chatAccounts: true, reminders: true });

const read = readRoute({
  ...one,
  summary: fr.openapi.getPerson,
  description: fr.openapi.getPersonDescription,
  schema: PersonAsRead,
});
const create = createdRoute({
  path: '/persons',
  tags: TAGS,
  summary: fr.openapi.createPerson,
  params: NO_PARAMS,
  body: CreatePersonInput,
  schema: Person,
});
const update = changeRoute({ ...one, summary: fr.openapi.updatePerson, schema: Person });

/**
 * Persons: personal data. No list: a person is reached from a governance's roles and bodies, and
 * the kernel decides who may read them whole, as a card, or not at all.
 */
export function registerPersonRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(read, async (c) => {
    const person = await getPerson(useCaseContext(deps, c), c.req.valid('param'));
    setETag(c, person);
    return c.json(person, 200);
  });

  app.openapi(create, async (c) => {
    const person = await createPerson(useCaseContext(deps, c), c.req.valid('json'));
    announceCreated(c, person, `/persons/${person.id}`);
    return c.json(person, 201);
  });

  app.openapi(update, async (c) => {
    const patch = c.req.valid('json');
    const person = await changeUnderIfMatch(c, c.req.valid('param').personId, (id, v) =>
      updatePerson(useCaseContext(deps, c), { id, expectedVersion: v, patch }),
    );
    return c.json(person, 200);
  });
}
