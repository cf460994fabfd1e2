import { z } from 'zod';
import type { Update, UpdateSubject } from '../../roadmap/update.ts';
import { updateSubjectLabels } from '../../roadmap/update.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { resolveSubject } from './record-update.ts';

export const GetUpdateInput = z.object({ updateId: idOf('update') });
export type GetUpdateInput = z.input<typeof GetUpdateInput>;

/**
 * A progress note, for whoever may read its subject: the roadmap it belongs to (the public too
 * when it is adopted and public), or the governance for a note about the governance itself.
 */
export async function getUpdate(ctx: UseCaseContext, input: unknown): Promise<Update> {
  const { updateId } = validate(GetUpdateInput, input);
  return ctx.store.transaction(async (repos) => {
    const update = await mustGet(repos.updates, updateId, 'Point d’étape');
    await authorizeSubjectRead(ctx, repos, update.subject, ['Point d’étape', update.id]);
    return update;
  });
}

/** Checks the actor may read what `subject` names; otherwise `asked` is said not to exist. */
export async function authorizeSubjectRead(
  ctx: UseCaseContext,
  repos: Repositories,
  subject: UpdateSubject,
  asked: readonly [string, string] = [updateSubjectLabels[subject.type], subject.id],
): Promise<void> {
  const target = await resolveSubject(repos, subject);
  const permission = target.roadmap ? 'roadmap.read' : 'governance.read';
  await authorize(ctx, repos, permission, target.governanceId, { ...target, asked });
}
