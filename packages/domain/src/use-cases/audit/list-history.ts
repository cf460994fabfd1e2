import { z } from 'zod';
import type { AuditEvent } from '../../audit/audit-event.ts';
import {
  ADMINISTRATOR_AUTHOR,
  describeAuditEvent,
  describeDecision,
  HISTORY_ENTITIES,
  type HistoryLine,
  SYSTEM_AUTHOR,
} from '../../audit/history-line.ts';
import { displayNameOf } from '../../people/person.ts';
import { ValidationError } from '../../shared/errors.ts';
import { ID_PREFIXES, idOf } from '../../shared/ids.ts';
import { singleLine } from '../../shared/text.ts';
import { formatDate, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, PageLimit } from '../page.ts';
import type { Repositories } from '../ports.ts';

/** How many events a history page shows unless asked otherwise. */
export const DEFAULT_HISTORY_PAGE = 20;

/** The id of an audit event, which a history page continues after. */
export const AuditEventId = idOf('auditEvent');

/**
 * The French names a filter may use for each kind of record (`?entite=jalon`), besides the codes
 * the audit trail writes (`milestone`).
 */
export const HISTORY_ENTITY_FRENCH_NAMES: Record<string, string> = {
  gouvernance: 'governance',
  feuille_de_route: 'roadmap',
  jalon: 'milestone',
  financement: 'funding_line',
  point_etape: 'update',
  instance: 'body',
  seance: 'meeting',
  indicateur: 'indicator',
  mesure: 'measurement',
  structure: 'organization',
  personne: 'person',
  territoire: 'territory',
  import_lieux: 'places_import',
};

const ENTITY_NAMES = [...HISTORY_ENTITIES, ...Object.keys(HISTORY_ENTITY_FRENCH_NAMES)];

/** A kind of record, by its code or its French name, as the audit trail writes it. */
export const HistoryEntity = z
  .string()
  .refine((name) => ENTITY_NAMES.includes(name), {
    error: `Type d’élément inconnu : ${ENTITY_NAMES.join(', ')} attendu.`,
  })
  .transform((name) => HISTORY_ENTITY_FRENCH_NAMES[name] ?? name);

// The kind of record an id names, by its prefix (`mil_…` is a milestone).
const ENTITY_OF_PREFIX: Record<string, string> = Object.fromEntries(
  Object.entries(ID_PREFIXES).flatMap(([kind, prefix]) => {
    const entity = kind.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return HISTORY_ENTITIES.includes(entity) ? [[prefix, entity]] : [];
  }),
);

/** The kind of record an id names, from its prefix; `undefined` for an id of no known kind. */
export function historyEntityOfId(id: string): string | undefined {
  return ENTITY_OF_PREFIX[id.split('_')[0] ?? ''];
}

export const ListHistoryInput = z.object({
  governanceId: idOf('governance'),
  /**
   * Only the history of one kind of record (`roadmap` or `feuille_de_route`), or of one
   * (`entityId: 'rdm_…'`, its kind then read from the id). The history of an action includes its
   * milestones', funding lines' and updates'; a roadmap's, its actions' and theirs.
   */
  entity: HistoryEntity.optional(),
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
/** A page of history; for one record's, which record, by its kind and its current name. */
export interface HistoryPage extends Page<HistoryEntry> {
  record?: { entity: string; id: string; name?: string | undefined } | undefined;
}

export async function listHistory(ctx: UseCaseContext, input: unknown): Promise<HistoryPage> {
  const { governanceId, entityId, before, limit, ...filter } = validate(ListHistoryInput, input);
  const entity =
    filter.entity ?? (entityId === undefined ? undefined : historyEntityOfId(entityId));
  if (entityId !== undefined && entity === undefined) {
    throw new ValidationError([
      {
        path: ['entityId'],
        message: 'Identifiant inconnu : précisez le type d’élément (entite).',
      },
    ]);
  }
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
      withChildren: entity === 'action' || entity === 'roadmap',
      before: cursor && { at: cursor.at, id: cursor.id },
      limit: limit + 1,
    });
    const shown = events.slice(0, limit);
    const authors = await authorNames(repos, shown);
    const subjects = await subjectNames(repos, shown);
    const decisions = await decisionTexts(repos, shown, governance.timeZone);
    const names = await namesInChanges(repos, shown);
    const items = shown.map((event) => ({
      event,
      line: describeAuditEvent(event, {
        author:
          event.actorId !== undefined
            ? (authors.get(event.actorId) ?? displayNameOf(undefined))
            : event.byAdministrator
              ? ADMINISTRATOR_AUTHOR
              : SYSTEM_AUTHOR,
        subject: subjects.get(event.entityId),
        decision: event.decidedBy && decisions.get(event.decidedBy.decisionId),
        names,
        timeZone: governance.timeZone,
      }),
    }));
    const last = shown.at(-1);
    // The record's name as it is now, whether or not its own events are on this page.
    const record =
      entity !== undefined && entityId !== undefined
        ? {
            entity,
            id: entityId,
            name: (await NAMERS[entity]?.(repos, [entityId]))?.[0]?.[1],
          }
        : undefined;
    return {
      items,
      ...(events.length > limit && last ? { next: last.id } : {}),
      ...(record ? { record } : {}),
    };
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

/** « Décidé en Comité de pilotage du 12 mars 2027 : … » for each decision behind these events. */
async function decisionTexts(repos: Repositories, events: readonly AuditEvent[], timeZone: string) {
  const meetingIds = events.flatMap((e) => (e.decidedBy ? [e.decidedBy.meetingId] : []));
  const texts = new Map<string, string>();
  if (meetingIds.length === 0) return texts;
  const meetings = await repos.meetings.getMany(meetingIds);
  const bodies = new Map(
    (await repos.bodies.getMany(meetings.map((m) => m.bodyId))).map((b) => [b.id, b.name]),
  );
  for (const meeting of meetings) {
    for (const decision of meeting.decisions) {
      texts.set(
        decision.id,
        describeDecision({
          on: localDate(meeting.startsAt, timeZone),
          bodyName: bodies.get(meeting.bodyId) ?? 'séance',
          text: decision.text,
        }),
      );
    }
  }
  return texts;
}

const ID = /^[a-z]{3}_[0-9A-Za-z]{6,40}$/;

/**
 * The current names of the records the changes of these events point to by id (an owner, a
 * member, a lead organization), one query per kind: an erased person reads « membre supprimé ».
 */
async function namesInChanges(repos: Repositories, events: readonly AuditEvent[]) {
  const byEntity = new Map<string, Set<string>>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      const entity = ID.test(value) && key !== 'id' ? historyEntityOfId(value) : undefined;
      if (entity && NAMERS[entity])
        byEntity.set(entity, (byEntity.get(entity) ?? new Set()).add(value));
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, k);
    }
  };
  for (const event of events) {
    for (const change of event.changes) {
      visit(change.before, change.field);
      visit(change.after, change.field);
    }
  }
  const names = new Map<string, string>();
  for (const [entity, ids] of byEntity) {
    for (const [id, name] of (await NAMERS[entity]?.(repos, [...ids])) ?? []) names.set(id, name);
  }
  return names;
}
