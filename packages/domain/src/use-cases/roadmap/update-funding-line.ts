import { FundingLine, FundingLineFields } from '../../roadmap/funding-line.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, parseChange, saveChange } from '../helpers.ts';
import {
  checkFunderOfGovernance,
  checkFundingCalendar,
  fundingToday,
  withStatusChange,
} from './funding-checks.ts';

const FundingLinePatchFields = FundingLineFields.omit({ actionId: true });

/**
 * Changes a funding line: its amount, its status (demandé → accordé → versé, each move kept with
 * its date and author), its funder, its calendar. The line as it would be is checked whole, so a
 * payment over the amount granted or a decision before the deadline writes nothing.
 */
export async function updateFundingLine(ctx: UseCaseContext, input: unknown): Promise<FundingLine> {
  const { id, expectedVersion, changes } = parseChange(FundingLinePatchFields, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.fundingLines, id, 'Financement');
    const action = await mustGet(repos.actions, before.actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    const governance = await authorize(ctx, repos, 'funding.edit', before.governanceId, {
      roadmap,
      action,
      asked: ['Financement', before.id],
    });
    // A funder the line already names stays: only a new one must take part in the governance.
    if (changes.funderOrganizationId !== before.funderOrganizationId) {
      await checkFunderOfGovernance(repos, governance, action.id, changes.funderOrganizationId, [
        'patch',
      ]);
    }
    const withHistory = changes.status
      ? { ...changes, statusHistory: withStatusChange(ctx, before.statusHistory, changes.status) }
      : changes;
    // A stale edit is told so before any rule: its author must first see the line as it is.
    checkVersion(before, expectedVersion);
    checkFundingCalendar(
      nextVersion(FundingLine, before, withHistory, ctx.clock()),
      await fundingToday(ctx, repos, before.governanceId),
      ['patch'],
    );
    return saveChange(
      ctx,
      repos,
      { schema: FundingLine, entity: 'funding_line', repo: repos.fundingLines },
      { before, expectedVersion, changes: withHistory },
    );
  });
}
