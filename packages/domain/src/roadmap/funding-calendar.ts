import type { FieldIssue } from '../shared/errors.ts';
import { formatDate } from '../shared/time.ts';
import {
  type FunderKind,
  type FundingLine,
  type FundingStatus,
  funderKindLabels,
} from './funding-line.ts';
import { formatEuros } from './money.ts';

/**
 * A funding line's calendar: the dates a funder's process runs on, in the order they must come,
 * what is due next, and what each funder was asked, granted and paid. Pure rules over the line.
 */

/** Statuses in which a funder has granted money: the only ones payments make sense for. */
const GRANTED: ReadonlySet<FundingStatus> = new Set(['accorde', 'verse']);

type CalendarFields = Pick<
  FundingLine,
  | 'amountCents'
  | 'status'
  | 'applicationDeadline'
  | 'decidedOn'
  | 'grantedCents'
  | 'payments'
  | 'agreementEndsOn'
  | 'reportDueOn'
  | 'reportSubmittedOn'
>;

/** The amount the funder granted: the one decided, or the one asked; 0 until it is granted. */
export function grantedCentsOf(line: Pick<FundingLine, 'status' | 'amountCents' | 'grantedCents'>) {
  return GRANTED.has(line.status) ? (line.grantedCents ?? line.amountCents) : 0;
}

/** What the funder has paid so far. */
export function paidCentsOf(line: Pick<FundingLine, 'payments'>): number {
  return line.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
}

/**
 * What is wrong with a line's dates and amounts, each issue naming its field in French: a
 * decision before the application deadline or after `today`, an agreement ending before the
 * decision, a payment before the decision, after `today` or on a line not granted, payments over
 * the amount granted, an amount granted above the amount asked or on a line refused, a line
 * « Versé » with no payment, a report due before the decision. Empty when the calendar holds
 * together. `today` is the governance's calendar date, given by the caller (the rule reads no
 * clock).
 *
 * @example
 * fundingCalendarProblems({ ...line, status: 'accorde', grantedCents: 1_000_000,
 *   payments: [{ on: '2027-03-01', amountCents: 1_200_000 }] }, '2027-04-01');
 * // [{ path: ['payments'], message: 'Les versements (12 000 €) dépassent le montant accordé (10 000 €).' }]
 */
export function fundingCalendarProblems(line: CalendarFields, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { applicationDeadline, decidedOn, agreementEndsOn, reportDueOn } = line;
  if (applicationDeadline && decidedOn && decidedOn < applicationDeadline) {
    issues.push({
      path: ['decidedOn'],
      message: `La date de décision (${formatDate(decidedOn)}) précède la date limite de dépôt (${formatDate(applicationDeadline)}).`,
    });
  }
  if (decidedOn && decidedOn > today) {
    issues.push({
      path: ['decidedOn'],
      message: `La date de décision (${formatDate(decidedOn)}) est dans le futur : une décision s’enregistre une fois prise.`,
    });
  }
  if (decidedOn && agreementEndsOn && agreementEndsOn < decidedOn) {
    issues.push({
      path: ['agreementEndsOn'],
      message: `La fin de la convention (${formatDate(agreementEndsOn)}) précède la décision (${formatDate(decidedOn)}).`,
    });
  }
  if (decidedOn && reportDueOn && reportDueOn < decidedOn) {
    issues.push({
      path: ['reportDueOn'],
      message: `Le bilan (${formatDate(reportDueOn)}) ne peut être dû avant la décision (${formatDate(decidedOn)}).`,
    });
  }
  if (line.grantedCents !== undefined) {
    if (line.status === 'refuse') {
      issues.push({
        path: ['grantedCents'],
        message: 'Un financement « Refusé » ne porte pas de montant accordé : videz ce champ.',
      });
    } else if (!GRANTED.has(line.status)) {
      issues.push({
        path: ['grantedCents'],
        message: 'Un montant accordé suppose un financement « Accordé » ou « Versé ».',
      });
    }
    if (line.grantedCents > line.amountCents) {
      issues.push({
        path: ['grantedCents'],
        message: `Le montant accordé (${formatEuros(line.grantedCents)}) dépasse le montant demandé (${formatEuros(line.amountCents)}).`,
      });
    }
  }
  if (line.status === 'verse' && line.payments.length === 0) {
    issues.push({
      path: ['status'],
      message:
        'Un financement « Versé » suppose au moins un versement enregistré : enregistrez le versement reçu.',
    });
  }
  if (line.payments.length > 0) {
    if (!GRANTED.has(line.status)) {
      issues.push({
        path: ['payments'],
        message:
          'Un versement suppose un financement « Accordé » ou « Versé » : changez d’abord son statut.',
      });
    } else {
      const paid = paidCentsOf(line);
      const granted = grantedCentsOf(line);
      if (paid > granted) {
        issues.push({
          path: ['payments'],
          message: `Les versements (${formatEuros(paid)}) dépassent le montant accordé (${formatEuros(granted)}).`,
        });
      }
    }
    line.payments.forEach((payment, index) => {
      if (decidedOn && payment.on < decidedOn) {
        issues.push({
          path: ['payments', index, 'on'],
          message: `Le versement du ${formatDate(payment.on)} précède la décision (${formatDate(decidedOn)}).`,
        });
      }
      if (payment.on > today) {
        issues.push({
          path: ['payments', index, 'on'],
          message: `Le versement du ${formatDate(payment.on)} est dans le futur : enregistrez-le une fois reçu.`,
        });
      }
    });
  }
  return issues;
}

export const fundingDeadlineLabels = {
  depot: 'Date limite de dépôt',
  bilan: 'Bilan à rendre',
} as const;
/** The dates someone must act before: send the application, hand the report in. */
export type FundingDeadline = keyof typeof fundingDeadlineLabels;

export const fundingDateLabels = {
  ...fundingDeadlineLabels,
  decision: 'Décision du financeur',
  versement: 'Versement',
  fin_convention: 'Fin de la convention',
} as const;
export type FundingDateKind = keyof typeof fundingDateLabels;

/** One dated step of a funding line. */
export interface FundingDate {
  kind: FundingDateKind;
  date: string;
  /** For a deadline: still to be met (the application not sent, the report not handed in). */
  open: boolean;
  /** A payment's amount. */
  amountCents?: number;
}

/**
 * Whether a deadline still asks for something: the application while the line is only
 * « envisagé » (sending it moves the status to « demandé »), the report until it is handed in.
 */
export function isDeadlineOpen(
  line: Pick<FundingLine, 'status' | 'reportSubmittedOn'>,
  deadline: FundingDeadline,
): boolean {
  if (deadline === 'depot') return line.status === 'envisage';
  return line.reportSubmittedOn === undefined && line.status !== 'refuse';
}

/** Every dated step of a line, by date (a calendar feed, a funding page). */
export function fundingDatesOf(line: CalendarFields): FundingDate[] {
  const dates: FundingDate[] = [];
  if (line.applicationDeadline) {
    dates.push({
      kind: 'depot',
      date: line.applicationDeadline,
      open: isDeadlineOpen(line, 'depot'),
    });
  }
  if (line.decidedOn) dates.push({ kind: 'decision', date: line.decidedOn, open: false });
  for (const payment of line.payments) {
    dates.push({
      kind: 'versement',
      date: payment.on,
      open: false,
      amountCents: payment.amountCents,
    });
  }
  if (line.agreementEndsOn) {
    dates.push({ kind: 'fin_convention', date: line.agreementEndsOn, open: false });
  }
  if (line.reportDueOn) {
    dates.push({ kind: 'bilan', date: line.reportDueOn, open: isDeadlineOpen(line, 'bilan') });
  }
  return dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A deadline still to meet, with its line. */
export interface FundingDue {
  line: FundingLine;
  deadline: FundingDeadline;
  date: string;
}

/**
 * The open deadlines due up to `until` (included), late ones first: what the weekly digest and
 * the funding page list. A deadline already met (the application sent, the report handed in) is
 * not due any more.
 *
 * @example
 * fundingDue(lines, '2027-04-08').map((d) => `${d.deadline} ${d.date}`); // ['depot 2027-04-01']
 */
export function fundingDue(lines: readonly FundingLine[], until: string): FundingDue[] {
  const due: FundingDue[] = [];
  for (const line of lines) {
    for (const deadline of ['depot', 'bilan'] as const) {
      const date = deadline === 'depot' ? line.applicationDeadline : line.reportDueOn;
      if (date && date <= until && isDeadlineOpen(line, deadline))
        due.push({ line, deadline, date });
    }
  }
  return due.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.line.id < b.line.id ? -1 : 1,
  );
}

/** What one funder was asked, granted and paid, in euro cents. */
export interface FunderTotals {
  /** The funding organization's id, when the lines name one; else the kind of funder. */
  funderOrganizationId?: string | undefined;
  funderKind: FunderKind;
  /** The organization's name, or the kind's French label. */
  label: string;
  lineCount: number;
  /** Asked in lines that were sent (« demandé » and after); « envisagé » lines are not asked yet. */
  askedCents: number;
  grantedCents: number;
  paidCents: number;
  /** Granted and not paid yet. */
  toBePaidCents: number;
}

/**
 * Per funder, what was asked, granted and paid: the funder view of a governance. A funder is an
 * organization when the line names one, otherwise its kind (« CAF », « Région »…). Sorted by
 * amount granted, then asked, then label.
 */
export function funderTotals(
  lines: readonly FundingLine[],
  organizationNames: ReadonlyMap<string, string> = new Map(),
): FunderTotals[] {
  const byFunder = new Map<string, FunderTotals>();
  for (const line of lines) {
    const key = line.funderOrganizationId ?? `kind:${line.funderKind}`;
    let totals = byFunder.get(key);
    if (!totals) {
      const orgName = line.funderOrganizationId
        ? organizationNames.get(line.funderOrganizationId)
        : undefined;
      totals = {
        ...(line.funderOrganizationId ? { funderOrganizationId: line.funderOrganizationId } : {}),
        funderKind: line.funderKind,
        label: orgName ?? funderKindLabels[line.funderKind],
        lineCount: 0,
        askedCents: 0,
        grantedCents: 0,
        paidCents: 0,
        toBePaidCents: 0,
      };
      byFunder.set(key, totals);
    }
    totals.lineCount++;
    if (line.status !== 'envisage') totals.askedCents += line.amountCents;
    const granted = grantedCentsOf(line);
    const paid = paidCentsOf(line);
    totals.grantedCents += granted;
    totals.paidCents += paid;
    totals.toBePaidCents += Math.max(0, granted - paid);
  }
  return [...byFunder.values()].sort(
    (a, b) =>
      b.grantedCents - a.grantedCents ||
      b.askedCents - a.askedCents ||
      a.label.localeCompare(b.label, 'fr'),
  );
}
