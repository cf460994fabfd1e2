import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const AuthorizeCalendarFeedsInput = z.object({
  governanceId: idOf('governance'),
  /** The feed the caller named, when it named one rather than the governance. */
  feedId: z.string().max(45).optional(),
});

/**
 * Checks that the actor may create, list or revoke the calendar feeds of a governance: its
 * coordinators and the instance administrators (`governance.manage`), since a feed shares the
 * governance's calendar with whoever holds its link. Someone who may not read the governance is
 * told that what they named does not exist; a member or an observer is refused.
 */
export async function authorizeCalendarFeeds(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Governance> {
  const { governanceId, feedId } = validate(AuthorizeCalendarFeedsInput, input);
  return ctx.store.transaction((repos) =>
    authorize(ctx, repos, 'governance.manage', governanceId, {
      asked: feedId === undefined ? undefined : ['Flux de calendrier', feedId],
    }),
  );
}
