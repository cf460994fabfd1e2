import type { z } from 'zod';
import type { AuditEvent } from '../audit/audit-event.ts';
import { AUDIT_REDACTED_FIELDS } from '../audit/audit-event.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import { validate } from '../shared/validate.ts';
import type { UseCaseContext } from './context.ts';
import { ChangeRequest } from './inputs.ts';
import type { Repositories, Store, Versioned } from './ports.ts';

/** Reads an entity or fails with a French "introuvable" naming what was looked for. */
export async function mustGet<T>(
  repo: { get(id: string): Promise<T | undefined> },
  id: string,
  label: string,
): Promise<T> {
  const entity = await repo.get(id);
  if (!entity) throw new NotFoundError(label, id);
  return entity;
}

/**
 * Refuses a change based on a version the caller did not see: the HTTP `If-Match`, a chat button
 * pressed on an old message. Checked again by the repository when writing.
 */
export function checkVersion(
  entity: { version: number },
  expectedVersion: number | undefined,
): void {
  if (expectedVersion !== undefined && entity.version !== expectedVersion)
    throw new StaleVersionError(entity.version);
}

/**
 * Validates a change request `{ id, expectedVersion?, patch }` against the editable fields of an
 * entity. Only the keys the caller sent are kept (zod would otherwise fill defaults in and
 * overwrite stored values); an unknown key is an error rather than silently ignored; `null`
 * clears an optional field (JSON has no `undefined`).
 */
export function parseChange<S extends z.ZodObject>(
  fields: S,
  request: unknown,
): { id: string; expectedVersion?: number | undefined; changes: Partial<z.output<S>> } {
  const { id, expectedVersion, patch } = validate(ChangeRequest, request);
  const cleared = Object.keys(patch).filter((key) => patch[key] === null);
  const required = cleared.filter((key) => {
    const field = fields.shape[key] as z.ZodType | undefined;
    return field !== undefined && !field.safeParse(undefined).success;
  });
  if (required.length > 0) {
    throw new ValidationError(
      required.map((key) => ({
        path: ['patch', key],
        message: 'Ce champ est obligatoire : il ne peut pas être vidé.',
      })),
    );
  }
  const sent = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== null));
  let parsed: Record<string, unknown>;
  try {
    parsed = validate(fields.partial().strict(), sent) as Record<string, unknown>;
  } catch (error) {
    // Point at the field inside the request, as the caller wrote it.
    if (error instanceof ValidationError) {
      throw new ValidationError(
        error.issues.map((issue) => ({ ...issue, path: ['patch', ...issue.path] })),
      );
    }
    throw error;
  }
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(patch))
    changes[key] = cleared.includes(key) ? undefined : parsed[key];
  return { id, expectedVersion, changes: changes as Partial<z.output<S>> };
}

/** The next version of an entity with `changes` applied, checked whole against its schema. */
export function nextVersion<S extends z.ZodType<{ version: number; updatedAt: string }>>(
  schema: S,
  entity: z.output<S>,
  changes: Partial<z.output<S>>,
  now: string,
): z.output<S> {
  const merged = { ...entity, ...changes, updatedAt: now, version: entity.version + 1 };
  // A change set to `undefined` clears the field: drop the key rather than store it empty.
  const present = Object.entries(merged).filter(([, value]) => value !== undefined);
  return validate(schema, Object.fromEntries(present));
}

/** A new entity's bookkeeping fields. */
export function newMeta(now: string): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: now, updatedAt: now, version: 1 };
}

const UNTRACKED = new Set(['version', 'updatedAt', 'createdAt']);

/** The top-level fields that differ between two versions, without personal fields. */
export function diff(before: object | undefined, after: object): AuditEvent['changes'] {
  const old = (before ?? {}) as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(old), ...Object.keys(next)]);
  const changes: AuditEvent['changes'] = [];
  for (const field of keys) {
    if (UNTRACKED.has(field)) continue;
    if (JSON.stringify(old[field]) === JSON.stringify(next[field])) continue;
    const redacted = AUDIT_REDACTED_FIELDS.includes(field);
    changes.push({
      field,
      before: redacted ? '[masqué]' : old[field],
      after: redacted ? '[masqué]' : next[field],
    });
  }
  return changes;
}

/**
 * Writes the audit event of a use case, inside its transaction: the change and its trace commit
 * together or not at all.
 */
export async function recordAudit(
  ctx: UseCaseContext,
  repos: Repositories,
  event: {
    entity: string;
    entityId: string;
    action: string;
    governanceId?: string | undefined;
    before?: object | undefined;
    after: object;
  },
): Promise<void> {
  await repos.auditEvents.insert({
    id: ctx.ids('auditEvent'),
    at: ctx.clock(),
    ...(ctx.actor.personId ? { actorId: ctx.actor.personId } : {}),
    ...(!ctx.actor.personId && ctx.actor.instanceAdmin && ctx.actor.channel !== 'cli'
      ? { byAdministrator: true as const }
      : {}),
    channel: ctx.actor.channel,
    ...(event.governanceId ? { governanceId: event.governanceId } : {}),
    entity: event.entity,
    entityId: event.entityId,
    action: event.action,
    ...(ctx.decision
      ? { decidedBy: { meetingId: ctx.decision.meetingId, decisionId: ctx.decision.decisionId } }
      : {}),
    changes: diff(event.before, event.after),
  });
}

/** What `insertNew` and `saveChange` need to know of the entity they write. */
interface EntityKind<S extends z.ZodType> {
  /** The schema of the whole entity, checked before anything is written. */
  schema: S;
  /** The name the audit trail uses (`action`, `funding_line`…). */
  entity: string;
}

// Most entities name their governance; a governance is its own.
function governanceOf(entity: string, value: Versioned & { governanceId?: string | undefined }) {
  return entity === 'governance' ? value.id : value.governanceId;
}

/**
 * Validates a new entity whole, stores it and records its creation in the audit trail: the common
 * end of every "create" use case.
 */
export async function insertNew<
  S extends z.ZodType<Versioned & { governanceId?: string | undefined }>,
>(
  ctx: UseCaseContext,
  repos: Repositories,
  kind: EntityKind<S> & { repo: { insert(entity: z.output<S>): Promise<void> } },
  fields: object,
): Promise<z.output<S>> {
  const entity = validate(kind.schema, { ...fields, ...newMeta(ctx.clock()) });
  await kind.repo.insert(entity);
  await recordAudit(ctx, repos, {
    entity: kind.entity,
    entityId: entity.id,
    governanceId: governanceOf(kind.entity, entity),
    action: 'create',
    after: entity,
  });
  return entity;
}

/**
 * Checks the version the caller saw, applies `changes`, validates the result whole, writes it and
 * records the change in the audit trail: the common end of every "change" use case.
 */
export async function saveChange<
  S extends z.ZodType<Versioned & { updatedAt: string; governanceId?: string | undefined }>,
>(
  ctx: UseCaseContext,
  repos: Repositories,
  kind: EntityKind<S> & { repo: { update(entity: z.output<S>): Promise<void> } },
  change: {
    before: z.output<S>;
    expectedVersion?: number | undefined;
    changes: Partial<z.output<S>>;
    action?: string;
  },
): Promise<z.output<S>> {
  checkVersion(change.before, change.expectedVersion);
  const after = nextVersion(kind.schema, change.before, change.changes, ctx.clock());
  await kind.repo.update(after);
  await recordAudit(ctx, repos, {
    entity: kind.entity,
    entityId: after.id,
    governanceId: governanceOf(kind.entity, after),
    action: change.action ?? 'update',
    before: change.before,
    after,
  });
  return after;
}

/**
 * A store whose transactions are the one already open: a use case called from inside another
 * one's transaction (an answer to a reminder and its effect) then commits or rolls back with it.
 */
export function sameTransaction(repos: Repositories): Store {
  return { transaction: (work) => work(repos) };
}
