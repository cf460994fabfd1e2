/**
 * The kernel's error family. Use cases throw these; each app maps them once at its edge
 * (HTTP status, chat answer, exit code). `code` is stable and meant for machines; `message` is
 * French and meant for people.
 */
import { plural } from './plural.ts';

export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'invalid_transition';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

/** One faulty field: where it is in the input, and what is wrong with it, in French. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The input does not respect a schema or a rule of the field. */
export class ValidationError extends DomainError {
  readonly code = 'validation';
  constructor(
    readonly issues: FieldIssue[],
    message = issues.length === 1 && issues[0]
      ? `Donnée invalide : ${describeIssue(issues[0])}`
      : `Données invalides (${plural(issues.length, 'problème', 'problèmes')}).`,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The thing asked for does not exist, or is not visible to the one asking. */
export class NotFoundError extends DomainError {
  readonly code = 'not_found';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} introuvable : ${id}.`);
    this.name = 'NotFoundError';
  }
}

/** The acting person may not do this. */
export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  constructor(message = 'Vous n’avez pas le droit de faire cela.') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The write is based on a stale version, or would break a uniqueness rule. Nothing was written. */
export class ConflictError extends DomainError {
  readonly code = 'conflict';
  constructor(message = 'Cette donnée a été modifiée entre-temps : rechargez-la et recommencez.') {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * The write is based on a version of the entity that is not the stored one: someone changed it
 * meanwhile (the HTTP `If-Match` is stale, a chat button was pressed on an old message), or the
 * caller named a version it never had. Apart from the other conflicts so that each app can answer
 * it as such (HTTP: 412, not 409), saying which version is current when it is known.
 */
export class StaleVersionError extends ConflictError {
  constructor(
    /** The stored version, when the check knew it (not when a concurrent write won the race). */
    readonly currentVersion?: number,
    message = 'Cette donnée a été modifiée entre-temps : rechargez-la et recommencez.',
  ) {
    super(message);
    this.name = 'StaleVersionError';
  }
}

/** The change is not allowed from the current state (an action's status, a roadmap's status…). */
export class InvalidTransitionError extends DomainError {
  readonly code = 'invalid_transition';
  constructor(
    message: string,
    readonly reasons: string[] = [],
  ) {
    super(reasons.length > 0 ? `${message} ${reasons.join(' ')}` : message);
    this.name = 'InvalidTransitionError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

function describeIssue(issue: FieldIssue): string {
  return issue.path.length > 0 ? `${issue.path.join('.')} — ${issue.message}` : issue.message;
}
