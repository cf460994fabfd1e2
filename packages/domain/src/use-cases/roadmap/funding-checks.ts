import { fundingCalendarProblems } from '../../roadmap/funding-calendar.ts';
import type { FundingLine, FundingStatusChange } from '../../roadmap/funding-line.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { UseCaseContext } from '../context.ts';

/**
 * Refuses a funding line whose calendar does not hold together (see `fundingCalendarProblems`),
 * before anything is written. `prefix` points the issues at the field as the caller sent it.
 */
export function checkFundingCalendar(line: FundingLine, prefix: string[] = []): void {
  const issues = fundingCalendarProblems(line);
  if (issues.length > 0) {
    throw new ValidationError(
      issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })),
    );
  }
}

/** The status history of a line after a change: a new entry only when the status moved. */
export function withStatusChange(
  ctx: UseCaseContext,
  history: readonly FundingStatusChange[],
  status: FundingLine['status'],
): FundingStatusChange[] {
  if (history.at(-1)?.status === status) return [...history];
  return [
    ...history,
    {
      status,
      at: ctx.clock(),
      ...(ctx.actor.personId ? { by: ctx.actor.personId } : {}),
      channel: ctx.actor.channel,
    },
  ];
}
