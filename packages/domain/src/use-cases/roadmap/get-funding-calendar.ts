import { z } from 'zod';
import {
  type FunderTotals,
  type FundingDate,
  type FundingDeadline,
  funderTotals,
  fundingDatesOf,
  fundingDeadlineLabels,
  fundingDue,
  grantedCentsOf,
  paidCentsOf,
} from '../../roadmap/funding-calendar.ts';
import { type FundingLine, funderKindLabels } from '../../roadmap/funding-line.ts';
import { idOf } from '../../shared/ids.ts';
import { addDays, daysBetween, localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';

export const GetFundingCalendarInput = z.object({
  governanceId: idOf('governance'),
  /** How far ahead the deadlines to come are listed, in days (90 by default). */
  aheadDays: z.number().int().min(1).max(366).default(90),
});

/** An action, as a funding line names it. */
export interface FundingActionRef {
  id: string;
  code: string;
  title: string;
}

/** One funding line with what its calendar says. */
export interface FundingCalendarLine {
  line: FundingLine;
  action: FundingActionRef | null;
  /** The funding organization's name, or the kind of funder in French. */
  funder: string;
  grantedCents: number;
  paidCents: number;
  dates: FundingDate[];
}

/** A deadline still to meet: late, or due within the days listed. */
export interface FundingDueItem {
  fundingLineId: string;
  action: FundingActionRef | null;
  funder: string;
  programme: string | null;
  deadline: FundingDeadline;
  /** « Date limite de dépôt », « Bilan à rendre ». */
  label: string;
  date: string;
  /** Negative when late. */
  daysUntil: number;
}

/** A governance's funding calendar and its funder view. */
export interface FundingCalendar {
  today: string;
  aheadDays: number;
  due: FundingDueItem[];
  lines: FundingCalendarLine[];
  funders: FunderTotals[];
  totals: { askedCents: number; grantedCents: number; paidCents: number; toBePaidCents: number };
}

/**
 * A governance's funding calendar, for whoever may read the governance: the deadlines to meet
 * (late ones first, then those of the next `aheadDays`), each line with its dates, amounts granted
 * and paid, and per funder what was asked, granted and paid. Reads the governance's funding lines,
 * the actions and funders they name — not the roadmap's history.
 */
export async function getFundingCalendar(
  ctx: UseCaseContext,
  input: unknown,
): Promise<FundingCalendar> {
  const { governanceId, aheadDays } = validate(GetFundingCalendarInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const lines = await repos.fundingLines.listByGovernance(governanceId);
    const [actions, organizations] = await Promise.all([
      repos.actions.getMany([...new Set(lines.map((l) => l.actionId))]),
      repos.organizations.getMany([
        ...new Set(lines.flatMap((l) => (l.funderOrganizationId ? [l.funderOrganizationId] : []))),
      ]),
    ]);
    const actionById = new Map(
      actions.map((a) => [
        a.id,
        { ref: { id: a.id, code: a.code, title: a.title }, status: a.status },
      ]),
    );
    const names = new Map(organizations.map((o) => [o.id, o.name]));
    const funderOf = (line: FundingLine) =>
      (line.funderOrganizationId && names.get(line.funderOrganizationId)) ||
      funderKindLabels[line.funderKind];
    const today = localDate(ctx.clock(), governance.timeZone);
    // An abandoned action asks nothing of anyone any more.
    const live = lines.filter((l) => actionById.get(l.actionId)?.status !== 'abandonnee');
    const due = fundingDue(live, addDays(today, aheadDays)).map(
      (item): FundingDueItem => ({
        fundingLineId: item.line.id,
        action: actionById.get(item.line.actionId)?.ref ?? null,
        funder: funderOf(item.line),
        programme: item.line.programme ?? null,
        deadline: item.deadline,
        label: fundingDeadlineLabels[item.deadline],
        date: item.date,
        daysUntil: daysBetween(today, item.date),
      }),
    );
    const funders = funderTotals(lines, names);
    const sum = (pick: (f: FunderTotals) => number) => funders.reduce((s, f) => s + pick(f), 0);
    return {
      today,
      aheadDays,
      due,
      lines: lines
        .map((line) => ({
          line,
          action: actionById.get(line.actionId)?.ref ?? null,
          funder: funderOf(line),
          grantedCents: grantedCentsOf(line),
          paidCents: paidCentsOf(line),
          dates: fundingDatesOf(line),
        }))
        .sort(
          (a, b) =>
            (a.action?.code ?? '').localeCompare(b.action?.code ?? '', 'fr', { numeric: true }) ||
            a.line.id.localeCompare(b.line.id),
        ),
      funders,
      totals: {
        askedCents: sum((f) => f.askedCents),
        grantedCents: sum((f) => f.grantedCents),
        paidCents: sum((f) => f.paidCents),
        toBePaidCents: sum((f) => f.toBePaidCents),
      },
    };
  });
}
