import type { OpenAPIHono } from '@hono/zod-openapi';
import { Person } from '@maille/domain';
import {
  CreatePersonInput,
  createPerson,
  GetPersonInput,
  getPerson,
  updatePerson,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerPatch, registerRead } from './resource-routes.ts';

const PERSONS = { tag: 'Personnes', one: 'Person', many: 'Persons' };
const one = { path: '/persons/{personId}', resource: PERSONS, params: GetPersonInput } as const;

// What a read answers: the whole record, or the kernel's `PersonCard` (the same without the
// contact details and reminder preferences) for the other members of the person's governances.
const PersonAsRead = Person.partial({ chatAccounts: true, reminders: true });

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
}
