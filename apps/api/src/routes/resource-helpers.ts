import { z } from '@hono/zod-openapi';
import { ValidationError } from '@maille/domain';
import { fr } from '../messages/fr.ts';

/** The `ETag` header of a read or a change, for the OpenAPI document. */
export const ETAG_HEADER = z.object({
  ETag: z.string().openapi({ description: fr.openapi.etag }),
});

/** The `Link` header of a page, for the OpenAPI document. */
export const LINK_HEADER = z.object({
  Link: z.string().optional().openapi({ description: fr.openapi.link }),
});

/**
 * `If-Match` as the document shows it. Optional here on purpose: its absence must answer 428,
 * which `expectedVersionOf` does, not the 400 of a failed route check.
 */
export const IF_MATCH_HEADER = z.object({
  'if-match': z.string().optional().openapi({ description: fr.openapi.ifMatch }),
});

/**
 * The body of a PATCH: the fields to change. The kernel checks them against the entity's editable
 * fields (and `null` clears one), so the route only checks it is an object — the shape of the
 * kernel's `ChangeRequest.patch`, rebuilt with this package's `z` so it can carry its description.
 */
export const PatchBody = z
  .record(z.string().max(100), z.unknown())
  .openapi({ description: fr.openapi.patch });

/**
 * Runs a kernel change whose `patch` is the request body: the kernel points at `/patch/<field>`,
 * the caller sent `/<field>`, so its issues are re-pointed at the body as written.
 */
export async function patchedFromBody<T>(change: Promise<T>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) =>
        issue.path[0] === 'patch' ? { ...issue, path: issue.path.slice(1) } : issue,
      ),
    );
  }
}
