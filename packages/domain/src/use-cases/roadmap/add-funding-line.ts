import { FundingLine, FundingLineFields } from '../../roadmap/funding-line.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew, mustGet, newMeta } from '../helpers.ts';
import {
  checkFunderOfGovernance,
  checkFundingCalendar,
  fundingToday,
  withStatusChange,
} from './funding-checks.ts';

export { FundingLineFields as AddFundingLineInput };

/**
 * Adds one funder's share to an action's budget, with its calendar (deadline, decision, payments,
 * end of agreement, report); a calendar out of order is refused before anything is written.
 */
export async function addFundingLine(ctx: UseCaseContext, input: unknown): Promise<FundingLine> {
  const fields = validate(FundingLineFields, input);
  return ctx.store.transaction(async (repos) => {
    const action = await mustGet(repos.actions, fields.actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    const governance = await authorize(ctx, repos, 'funding.edit', action.governanceId, {
      roadmap,
      action,
      asked: ['Action', action.id],
    });
    await checkFunderOfGovernance(repos, governance, action.id, fields.funderOrganizationId);
    const line = {
      ...fields,
      id: ctx.ids('fundingLine'),
      governanceId: action.governanceId,
      statusHistory: withStatusChange(ctx, [], fields.status),
    };
    checkFundingCalendar(
      validate(FundingLine, { ...line, ...newMeta(ctx.clock()) }),
      await fundingToday(ctx, repos, action.governanceId),
    );
    return insertNew(
      ctx,
      repos,
      { schema: FundingLine, entity: 'funding_line', repo: repos.fundingLines },
      line,
    );
  });
}
