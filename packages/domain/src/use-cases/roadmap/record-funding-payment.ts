import { z } from 'zod';
import { grantedCentsOf, paidCentsOf } from '../../roadmap/funding-calendar.ts';
import { FundingLine, FundingPayment } from '../../roadmap/funding-line.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, saveChange } from '../helpers.ts';
import { checkFundingCalendar, fundingToday, withStatusChange } from './funding-checks.ts';

export const RecordFundingPaymentInput = z.object({
  fundingLineId: idOf('fundingLine'),
  expectedVersion: z.number().int().min(1).optional(),
  payment: FundingPayment,
});

/**
 * Records one payment received on a granted funding line. Payments over the amount granted, or
 * dated before the decision, are refused in French and nothing is written. The payment that
 * completes the amount granted moves the line to « Versé », kept in its status history.
 */
export async function recordFundingPayment(
  ctx: UseCaseContext,
  input: unknown,
): Promise<FundingLine> {
  const { fundingLineId, expectedVersion, payment } = validate(RecordFundingPaymentInput, input);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.fundingLines, fundingLineId, 'Financement');
    const action = await mustGet(repos.actions, before.actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'funding.edit', before.governanceId, {
      roadmap,
      action,
      asked: ['Financement', before.id],
    });
    const payments = [...before.payments, payment].sort((a, b) =>
      a.on < b.on ? -1 : a.on > b.on ? 1 : 0,
    );
    const draft = { ...before, payments };
    const fullyPaid =
      before.status === 'accorde' &&
      paidCentsOf(draft) >= grantedCentsOf(draft) &&
      grantedCentsOf(draft) > 0;
    const changes = fullyPaid
      ? {
          payments,
          status: 'verse' as const,
          statusHistory: withStatusChange(ctx, before.statusHistory, 'verse'),
        }
      : { payments };
    checkVersion(before, expectedVersion);
    checkFundingCalendar(
      nextVersion(FundingLine, before, changes, ctx.clock()),
      await fundingToday(ctx, repos, before.governanceId),
    );
    return saveChange(
      ctx,
      repos,
      { schema: FundingLine, entity: 'funding_line', repo: repos.fundingLines },
      { before, expectedVersion, changes, action: 'payment' },
    );
  });
}
