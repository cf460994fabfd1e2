import type { Governance } from '../../governance/governance.ts';
import { fundingCalendarProblems } from '../../roadmap/funding-calendar.ts';
import type { FundingLine, FundingStatusChange } from '../../roadmap/funding-line.ts';
import { ValidationError } from '../../shared/errors.ts';
import { localDate } from '../../shared/time.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/**
 * Refuses a funding line whose calendar does not hold together (see `fundingCalendarProblems`),
 * before anything is written. `today` is the governance's date (see `fundingToday`); `prefix`
 * points the issues at the field as the caller sent it.
 */
export function checkFundingCalendar(
  line: FundingLine,
  today: string,
  prefix: (string | number)[] = [],
): void {
  const issues = fundingCalendarProblems(line, today);
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

/**
 * Today's date where the line's governance is: a decision or a payment dated after it has not
 * happened yet.
 */
export async function fundingToday(
  ctx: UseCaseContext,
  repos: Repositories,
  governanceId: string,
): Promise<string> {
  const governance = await mustGet(repos.governances, governanceId, 'Gouvernance');
  return localDate(ctx.clock(), governance.timeZone);
}

/**
 * Refuses a funder organization that does not take part in the line's governance: a line names
 * one of the governance's organizations (or a funder already named on the action's lines, as the
 * sheet offers them), never any actor of the shared directory. `prefix` points at the field as sent.
 */
export async function checkFunderOfGovernance(
  repos: Repositories,
  governance: Pick<Governance, 'organizations'>,
  actionId: string,
  funderOrganizationId: string | null | undefined,
  prefix: (string | number)[] = [],
): Promise<void> {
  const path = [...prefix, 'funderOrganizationId'];
  if (typeof funderOrganizationId !== 'string') return;
  if (!(await repos.organizations.get(funderOrganizationId))) {
    throw new ValidationError([
      {
        path,
        message: `Organisation introuvable : ${funderOrganizationId}.`,
      },
    ]);
  }
  if (governance.organizations.some((o) => o.organizationId === funderOrganizationId)) return;
  const lines = await repos.fundingLines.listByAction(actionId);
  if (lines.some((line) => line.funderOrganizationId === funderOrganizationId)) return;
  throw new ValidationError([
    {
      path,
      message:
        'Cette structure ne fait pas partie de la gouvernance : ajoutez-la à ses structures avant d’en faire le financeur.',
    },
  ]);
}
