import { FundingLine, FundingLineFields } from '../../roadmap/funding-line.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import { checkReferences } from '../check-references.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, newMeta, recordAudit } from '../helpers.ts';

export { FundingLineFields as AddFundingLineInput };

/** Adds one funder's share to an action's budget. */
export async function addFundingLine(ctx: UseCaseContext, input: unknown): Promise<FundingLine> {
  const fields = validate(FundingLineFields, input);
  return ctx.store.transaction(async (repos) => {
    const action = await mustGet(repos.actions, fields.actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'funding.edit', action.governanceId, { roadmap, action });
    await checkReferences(repos.organizations, [fields.funderOrganizationId], 'Organisation', [
      'funderOrganizationId',
    ]);
    const line = validate(FundingLine, {
      ...fields,
      id: ctx.ids('fundingLine'),
      governanceId: action.governanceId,
      ...newMeta(ctx.clock()),
    });
    await repos.fundingLines.insert(line);
    await recordAudit(ctx, repos, {
      entity: 'funding_line',
      entityId: line.id,
      governanceId: line.governanceId,
      action: 'create',
      after: line,
    });
    return line;
  });
}
