import { StaleVersionError } from '@maille/domain';
import type { Context } from 'hono';
import { ApiProblem } from '../errors/problems.ts';
import { fr } from '../messages/fr.ts';

/**
 * Optimistic concurrency over HTTP (RFC 9110 §13): a read sends the entity's `ETag`, a change must
 * send it back in `If-Match`, and the kernel refuses it if the entity moved on meanwhile.
 *
 * The tag is strong and made of the id and the version, `"act_….4"`: every change of a versioned
 * entity increments its version, so the tag changes exactly when the representation does.
 */

/**
 * The `ETag` of a versioned entity.
 *
 * @example
 * etagOf({ id: 'gov_larochelle', version: 3 }); // '"gov_larochelle.3"'
 */
export function etagOf(entity: { id: string; version: number }): string {
  return `"${entity.id}.${entity.version}"`;
}

/** Sets the `ETag` header of the entity the response carries. */
export function setETag(c: Context, entity: { id: string; version: number }): void {
  c.header('ETag', etagOf(entity));
}

const STRONG_TAG = /^"([^"]*)"$/;

/**
 * The version the caller read, from `If-Match`, to hand to the kernel as `expectedVersion`.
 * Without the header: 428, as a change that forgot it would silently overwrite someone else's.
 * With a header holding no strong tag of this entity (`*`, a weak tag, another entity's tag, a
 * malformed value): 412, since the condition it states cannot hold. Whether the version is still
 * current is the kernel's to say, inside its transaction.
 */
export function expectedVersionOf(c: Context, entityId: string): number {
  const header = c.req.header('If-Match');
  if (header === undefined || header.trim() === '') {
    throw new ApiProblem('precondition-requise', fr.problems.preconditionRequired.detail);
  }
  let another = false;
  for (const candidate of header.split(',')) {
    const tag = STRONG_TAG.exec(candidate.trim())?.[1];
    if (tag === undefined) continue;
    const dot = tag.lastIndexOf('.');
    const version = tag.slice(dot + 1);
    if (dot <= 0 || !/^[1-9]\d{0,8}$/.test(version)) continue;
    if (tag.slice(0, dot) === entityId) return Number(version);
    another = true;
  }
  const texts = fr.problems.preconditionFailed;
  throw new ApiProblem(
    'precondition-echouee',
    another ? texts.otherEntity(entityId) : texts.unknownTag,
  );
}

/**
 * Runs a change made under `If-Match` with the version read from it: the kernel's
 * `StaleVersionError` (its own `checkVersion`, or the repository's check when writing) is answered
 * 412 as HTTP says, telling an older version (someone changed it since) from one that never was;
 * any other conflict (a rule of the field: the last coordinator, a milestone already cancelled)
 * stays the 409 it is.
 *
 * @example
 * const action = await ifMatched(expectedVersion, updateAction(ctx, { id, expectedVersion, patch }));
 */
export async function ifMatched<T>(expectedVersion: number, change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof StaleVersionError) {
      throw new ApiProblem(
        'precondition-echouee',
        staleDetail(expectedVersion, error.currentVersion),
      );
    }
    throw error;
  }
}

/** Why the version sent is not the stored one, with the stored one when the kernel knew it. */
function staleDetail(sent: number, current: number | undefined): string {
  const texts = fr.problems.preconditionFailed;
  if (current === undefined || current === sent) return texts.stale;
  return sent < current ? texts.modified(sent, current) : texts.unknownVersion(sent, current);
}
