import { z } from 'zod';
import {
  fundingCalendarProblems,
  grantedCentsOf,
  paidCentsOf,
} from '../../roadmap/funding-calendar.ts';
import { FundingLine, FundingPayment } from '../../roadmap/funding-line.ts';
import { NotFoundError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, saveChange } from '../helpers.ts';
import { fundingToday, withStatusChange } from './funding-checks.ts';

export const CorrectFundingPaymentInput = z.object({
  fundingLineId: idOf('fundingLine'),
  /** The payment's place in the line's `payments` (0 for the first), as the caller read it. */
  index: z.number().int('Numéro de versement attendu (nombre entier).').min(0).max(49),
  expectedVersion: z.number().int().min(1).optional(),
  /** The payment as it should read, or `null` to delete it (recorded by mistake). */
  payment: FundingPayment.nullable(),
});
export type CorrectFundingPaymentInput = z.input<typeof CorrectFundingPaymentInput>;

/**
 * Corrects a payment recorded by mistake: changes its date, amount or note, or deletes it. The
 * version the caller saw is checked first (the index means nothing on another version), then the
 * line as it would be is checked whole, so a correction over the amount granted or dated in the
 * future writes nothing. A line « Versé » that is no longer fully paid goes back to « Accordé »,
 * and one « Accordé » that becomes fully paid moves to « Versé », both kept in its status history.
 *
 * @example
 * await correctFundingPayment(ctx, { fundingLineId, index: 1, expectedVersion: 4, payment: null });
 */
export async function correctFundingPayment(
  ctx: UseCaseContext,
  input: unknown,
): Promise<FundingLine> {
  const { fundingLineId, index, expectedVersion, payment } = validate(
    CorrectFundingPaymentInput,
    input,
  );
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.fundingLines, fundingLineId, 'Financement');
    const action = await mustGet(repos.actions, before.actionId, 'Action');
    const roadmap = await mustGet(repos.roadmaps, action.roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'funding.edit', before.governanceId, {
      roadmap,
      action,
      asked: ['Financement', before.id],
    });
    checkVersion(before, expectedVersion);
    if (index >= before.payments.length) {
      throw new NotFoundError('Versement', `n° ${index + 1} du financement ${before.id}`);
    }
    const kept = before.payments.filter((_, i) => i !== index);
    const payments = (payment ? [...kept, payment] : kept).sort((a, b) =>
      a.on < b.on ? -1 : a.on > b.on ? 1 : 0,
    );
    const draft = { ...before, payments };
    const fullyPaid = grantedCentsOf(draft) > 0 && paidCentsOf(draft) >= grantedCentsOf(draft);
    const status =
      before.status === 'verse' && !fullyPaid
        ? 'accorde'
        : before.status === 'accorde' && fullyPaid
          ? 'verse'
          : before.status;
    const changes =
      status === before.status
        ? { payments }
        : { payments, status, statusHistory: withStatusChange(ctx, before.statusHistory, status) };
    const today = await fundingToday(ctx, repos, before.governanceId);
    const issues = fundingCalendarProblems(
      nextVersion(FundingLine, before, changes, ctx.clock()),
      today,
    );
    if (issues.length > 0) {
      // What is wrong with the corrected payment points at the field of the correction itself.
      const at = payment ? payments.indexOf(payment) : -1;
      throw new ValidationError(
        issues.map((issue) =>
          issue.path[0] === 'payments' && issue.path[1] === at
            ? { ...issue, path: ['payment', ...issue.path.slice(2)] }
            : issue,
        ),
      );
    }
    return saveChange(
      ctx,
      repos,
      { schema: FundingLine, entity: 'funding_line', repo: repos.fundingLines },
      {
        before,
        expectedVersion,
        changes,
        action: payment ? 'payment_correction' : 'payment_deletion',
      },
    );
  });
}
