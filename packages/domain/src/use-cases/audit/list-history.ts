import { z } from 'zod';
import type { AuditEvent } from '../../audit/audit-event.ts';
import {
  describeAuditEvent,
  HISTORY_ENTITIES,
  type HistoryLine,
  SYSTEM_AUTHOR,
} from '../../audit/history-line.ts';
import { displayNameOf } from '../../people/person.ts';
import { ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { singleLine } from '../../shared/text.ts';
import { formatDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, PageLimit } from '../page.ts';
import type { Repositories } from '../ports.ts';

/** How many events a history page shows unless asked otherwise. */
export const DEFAULT_HISTORY_PAGE = 20;

/** The id of an audit event, which a history page continues after. */
export const AuditEventId = idOf('auditEvent');

export const ListHistoryInput = z.object({
  governanceId: idOf('governance'),
  /** Only the history of one kind of record (`roadmap`), or of one (`entityId: 'rdm_…'`). */
  entity: z
    .enum(HISTORY_ENTITIES, {
      error: `Type d’élément inconnu : ${HISTORY_ENTITIES.join(', ')} attendu.`,
    })
    .optional(),
  entityId: singleLine(45).optional(),
  /** The last event of the previous page (its `next`): the page continues with older ones. */
  before: AuditEventId.optional(),
  limit: PageLimit.default(DEFAULT_HISTORY_PAGE),
});

/** One event of the history, as stored and as a reader reads it. */
export interface HistoryEntry {
  event: AuditEvent;
  line: HistoryLine;
}

/**
 * A page of the history of a governance — who changed what, when, through which channel — newest
 * first, for its coordinators, members and observers, each event with its French reading. It
 * reads the page (through an index, `auditEvents.listPage`), then only the names it shows: the
 * authors and records of these events. Personal fields never appear in it, and an erased author
 * reads « membre supprimé ».
 */
export async function listHistory(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Page<HistoryEntry>> {
  const { governanceId, entity, entityId, before, limit } = validate(ListHistoryInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'audit.read', governanceId);
    const cursor = before === undefined ? undefined : await repos.auditEvents.get(before);
    if (before !== undefined && cursor?.governanceId !== governanceId) {
      throw new ValidationError([
        {
          path: ['before'],
          message: 'Cet événement n’est pas dans l’historique de la gouvernance.',
        },
      ]);
    }
    // One more than the page: whether another page follows, without counting the history.
    const events = await repos.auditEvents.listPage({
      governanceId,
      entity,
      entityId,
      before: cursor && { at: cursor.at, id: cursor.id },
      limit: limit + 1,
    });
    const shown = events.slice(0, limit);
    const authors = await authorNames(repos, shown);
    const subjects = await subjectNames(repos, shown);
    const items = shown.map((event) => ({
      event,
      line: describeAuditEvent(event, {
        author:
          event.actorId === undefined
            ? SYSTEM_AUTHOR
            : (authors.get(event.actorId) ?? displayNameOf(undefined)),
        subject: subjects.get(event.entityId),
        timeZone: governance.timeZone,
      }),
    }));
    const last = shown.at(-1);
    return events.length > limit && last ? { items, next: last.id } : { items };
  });
}

async function authorNames(repos: Repositories, events: readonly AuditEvent[]) {
  const ids = events.flatMap((e) => (e.actorId === undefined ? [] : [e.actorId]));
  const persons = ids.length === 0 ? [] : await repos.persons.getMany(ids);
  return new Map(persons.map((p) => [p.id, displayNameOf(p)]));
}

/** How each kind of record is named, read by id in one query per kind present on the page. */
const NAMERS: Partial<
  Record<string, (repos: Repositories, ids: string[]) => Promise<[string, string][]>>
> = {
  governance: async (r, ids) => (await r.governances.getMany(ids)).map((g) => [g.id, g.name]),
  roadmap: async (r, ids) => (await r.roadmaps.getMany(ids)).map((x) => [x.id, x.title]),
  action: async (r, ids) =>
    (await r.actions.getMany(ids)).map((a) => [a.id, `${a.code} ${a.title}`]),
  milestone: async (r, ids) => (await r.milestones.getMany(ids)).map((m) => [m.id, m.title]),
  body: async (r, ids) => (await r.bodies.getMany(ids)).map((b) => [b.id, b.name]),
  meeting: async (r, ids) =>
    (await r.meetings.getMany(ids)).map((m) => [m.id, m.title ?? formatDate(m.startsAt)]),
  indicator: async (r, ids) => (await r.indicators.getMany(ids)).map((i) => [i.id, i.label]),
  organization: async (r, ids) => (await r.organizations.getMany(ids)).map((o) => [o.id, o.name]),
  person: async (r, ids) => (await r.persons.getMany(ids)).map((p) => [p.id, displayNameOf(p)]),
  funding_line: async (r, ids) =>
    (await r.fundingLines.getMany(ids)).flatMap((f) =>
      f.programme ? [[f.id, f.programme] as [string, string]] : [],
    ),
};

async function subjectNames(repos: Repositories, events: readonly AuditEvent[]) {
  const byEntity = new Map<string, Set<string>>();
  for (const e of events) {
    if (!NAMERS[e.entity]) continue;
    const ids = byEntity.get(e.entity) ?? new Set<string>();
    ids.add(e.entityId);
    byEntity.set(e.entity, ids);
  }
  const names = new Map<string, string>();
  for (const [entity, ids] of byEntity) {
    for (const [id, name] of (await NAMERS[entity]?.(repos, [...ids])) ?? []) names.set(id, name);
  }
  return names;
}
