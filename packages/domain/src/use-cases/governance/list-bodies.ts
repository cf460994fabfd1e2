import { z } from 'zod';
import type { Body } from '../../governance/body.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { type Page, pageFields } from '../page.ts';
import { pageInGovernance } from '../readable.ts';

export const ListBodiesInput = z.object({
  governanceId: idOf('governance'),
  ...pageFields('body'),
});
export type ListBodiesInput = z.input<typeof ListBodiesInput>;

/** The bodies of a governance, in id order, one page at a time, for whoever may read it. */
export async function listBodies(ctx: UseCaseContext, input: unknown): Promise<Page<Body>> {
  const { governanceId, after, limit } = validate(ListBodiesInput, input);
  return ctx.store.transaction((repos) =>
    pageInGovernance(ctx, repos, repos.bodies, governanceId, { after, limit }),
  );
}
