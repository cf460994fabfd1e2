import { z } from 'zod';
import { type Update, UpdateSubject } from '../../roadmap/update.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { authorizeSubjectRead } from './get-update.ts';
import { pageInOrder } from './ordered-page.ts';

export const ListUpdatesInput = z.object({
  subject: UpdateSubject,
  ...pageFields('update'),
});
export type ListUpdatesInput = z.input<typeof ListUpdatesInput>;

/**
 * The progress notes about one subject (an action, a milestone, a roadmap), newest first as a
 * reader follows them, one page at a time. Notes are never edited nor removed, so the page after
 * a given note is always the same, however many notes are posted meanwhile (they come first).
 */
export async function listUpdates(ctx: UseCaseContext, input: unknown): Promise<Page<Update>> {
  const { subject, after, limit } = validate(ListUpdatesInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSubjectRead(ctx, repos, subject);
    const updates = await repos.updates.listBySubject(subject);
    // Ties on the instant fall back to the id order: the order stays total.
    return pageInOrder(updates, { after, limit }, (a, b) => b.createdAt.localeCompare(a.createdAt));
  });
}
