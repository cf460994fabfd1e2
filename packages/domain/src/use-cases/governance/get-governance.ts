import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const GetGovernanceInput = z.object({ governanceId: idOf('governance') });
export type GetGovernanceInput = z.input<typeof GetGovernanceInput>;

/** A governance, for whoever may read it; anyone else is told it does not exist. */
export async function getGovernance(ctx: UseCaseContext, input: unknown): Promise<Governance> {
  const { governanceId } = validate(GetGovernanceInput, input);
  return ctx.store.transaction((repos) => authorize(ctx, repos, 'governance.read', governanceId));
}
