import { z } from 'zod';
import type { Body } from '../../governance/body.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import { readInGovernance } from '../readable.ts';

export const GetBodyInput = z.object({ bodyId: idOf('body') });
export type GetBodyInput = z.input<typeof GetBodyInput>;

/** A body of a governance and its dated members, for whoever may read the governance. */
export async function getBody(ctx: UseCaseContext, input: unknown): Promise<Body> {
  const { bodyId } = validate(GetBodyInput, input);
  return ctx.store.transaction((repos) =>
    readInGovernance(ctx, repos, repos.bodies, bodyId, 'Instance'),
  );
}
