import { describe, expect, it } from 'vitest';
import { fundingCalendarProblems } from './funding-calendar.ts';
import type { FundingLine } from './funding-line.ts';

type Fields = Parameters<typeof fundingCalendarProblems>[0];

const TODAY = '2027-04-01';

/** A line granted 10 000 € on 1 March 2027, paid nothing yet. */
const granted = (changes: Partial<FundingLine> = {}): Fields => ({
  amountCents: 1_000_000,
  status: 'accorde',
  decidedOn: '2027-03-01',
  payments: [],
  ...changes,
});

describe('the rules of a funding line’s calendar', () => {
  it('lets a granted line with past payments within the amount through', () => {
    const line = granted({
      status: 'verse',
      grantedCents: 800_000,
      payments: [
        { on: '2027-03-10', amountCents: 400_000 },
        { on: TODAY, amountCents: 400_000 },
      ],
    });
    expect(fundingCalendarProblems(line, TODAY)).toEqual([]);
  });

  it('refuses « Versé » with no payment recorded, naming the status', () => {
    expect(fundingCalendarProblems(granted({ status: 'verse' }), TODAY)).toEqual([
      {
        path: ['status'],
        message:
          'Un financement « Versé » suppose au moins un versement enregistré : enregistrez le versement reçu.',
      },
    ]);
  });

  it('refuses « Refusé » carrying a granted amount', () => {
    expect(
      fundingCalendarProblems(granted({ status: 'refuse', grantedCents: 500_000 }), TODAY),
    ).toEqual([
      {
        path: ['grantedCents'],
        message: 'Un financement « Refusé » ne porte pas de montant accordé : videz ce champ.',
      },
    ]);
    expect(fundingCalendarProblems(granted({ status: 'refuse' }), TODAY)).toEqual([]);
  });

  it('refuses a granted amount above the amount asked, and takes one equal to it', () => {
    expect(fundingCalendarProblems(granted({ grantedCents: 1_200_000 }), TODAY)).toEqual([
      {
        path: ['grantedCents'],
        message:
          'Le montant accordé (12\u202f000\u00a0€) dépasse le montant demandé (10\u202f000\u00a0€).',
      },
    ]);
    expect(fundingCalendarProblems(granted({ grantedCents: 1_000_000 }), TODAY)).toEqual([]);
  });

  it('refuses a decision dated after today, and takes one dated today', () => {
    expect(fundingCalendarProblems(granted({ decidedOn: '2027-04-02' }), TODAY)).toEqual([
      {
        path: ['decidedOn'],
        message:
          'La date de décision (2 avril 2027) est dans le futur : une décision s’enregistre une fois prise.',
      },
    ]);
    expect(fundingCalendarProblems(granted({ decidedOn: TODAY }), TODAY)).toEqual([]);
  });

  it('refuses a payment dated after today, naming that payment', () => {
    const line = granted({
      payments: [
        { on: '2027-03-15', amountCents: 300_000 },
        { on: '2027-05-02', amountCents: 300_000 },
      ],
    });
    expect(fundingCalendarProblems(line, TODAY)).toEqual([
      {
        path: ['payments', 1, 'on'],
        message: 'Le versement du 2 mai 2027 est dans le futur : enregistrez-le une fois reçu.',
      },
    ]);
    // The same line a month later holds together.
    expect(fundingCalendarProblems(line, '2027-05-02')).toEqual([]);
  });
});
