import { displayNameOf, type Person } from '../people/person.ts';
import type { Repositories } from './ports.ts';

/** A person as a report names them ("membre supprimé" once erased). */
export interface PersonRef {
  id: string;
  name: string;
}

/** The persons behind these ids (blanks and repeats ignored), read in one query. */
export async function personNames(
  repos: Repositories,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const persons = wanted.length > 0 ? await repos.persons.getMany(wanted) : [];
  return new Map(persons.map((p) => [p.id, p]));
}

export function personRef(id: string, people: ReadonlyMap<string, Person>): PersonRef {
  return { id, name: displayNameOf(people.get(id)) };
}

/** These persons once each, sorted by name as a French reader expects: the choices of a list. */
export function personRefs(
  ids: Iterable<string>,
  people: ReadonlyMap<string, Person>,
): PersonRef[] {
  return [...new Set(ids)]
    .map((id) => personRef(id, people))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
