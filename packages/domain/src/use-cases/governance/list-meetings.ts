import { z } from 'zod';
import type { Meeting } from '../../governance/meeting.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { pageInGovernance } from '../readable.ts';

export const ListMeetingsInput = z.object({
  governanceId: idOf('governance'),
  /** Only the meetings of this body of the governance. */
  bodyId: idOf('body').optional(),
  ...pageFields('meeting'),
});
export type ListMeetingsInput = z.input<typeof ListMeetingsInput>;

/**
 * The meetings of a governance's bodies (or of one of them), in id order, one page at a time,
 * for whoever may read the governance. A body of another governance simply has no meeting here.
 */
export async function listMeetings(ctx: UseCaseContext, input: unknown): Promise<Page<Meeting>> {
  const { governanceId, bodyId, after, limit } = validate(ListMeetingsInput, input);
  return ctx.store.transaction((repos) =>
    pageInGovernance(
      ctx,
      repos,
      repos.meetings,
      governanceId,
      { after, limit },
      (meeting) => bodyId === undefined || meeting.bodyId === bodyId,
    ),
  );
}
