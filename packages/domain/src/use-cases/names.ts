import type { Governance } from '../governance/governance.ts';
import { displayNameOf, type Person } from '../people/person.ts';
import type { Action } from '../roadmap/action.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import type { Roadmap } from '../roadmap/roadmap.ts';
import type { Update } from '../roadmap/update.ts';
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

/** An update as a report shows it: its text, its author's name and its subject's title. */
export interface DashboardUpdate {
  id: string;
  createdAt: string;
  kind: Update['kind'];
  channel: Update['channel'];
  text: string;
  progress: number | null;
  author: PersonRef;
  subject: Update['subject'] & { title: string };
}

/** An update named for a report, from the entities its subject may be among. */
export function describeUpdate(
  update: Update,
  people: ReadonlyMap<string, Person>,
  named: {
    governance: Pick<Governance, 'name'>;
    roadmaps: readonly Pick<Roadmap, 'id' | 'title'>[];
    actions: readonly Pick<Action, 'id' | 'code' | 'title'>[];
    milestones: readonly Pick<Milestone, 'id' | 'title'>[];
  },
): DashboardUpdate {
  const { subject } = update;
  const action = named.actions.find((a) => a.id === subject.id);
  const title =
    subject.type === 'governance'
      ? named.governance.name
      : subject.type === 'roadmap'
        ? named.roadmaps.find((r) => r.id === subject.id)?.title
        : subject.type === 'action'
          ? action && `${action.code} · ${action.title}`
          : named.milestones.find((m) => m.id === subject.id)?.title;
  return {
    id: update.id,
    createdAt: update.createdAt,
    kind: update.kind,
    channel: update.channel,
    text: update.text,
    progress: update.progress ?? null,
    author: personRef(update.authorId, people),
    subject: { ...subject, title: title ?? '(supprimé)' },
  };
}
