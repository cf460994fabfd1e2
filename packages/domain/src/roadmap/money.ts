import { z } from 'zod';

/**
 * Money for people to read. Amounts live in integer euro cents everywhere in the kernel; they
 * become text only here, the way French readers expect them.
 */

let wholeEuros: Intl.NumberFormat | undefined;
let euroCents: Intl.NumberFormat | undefined;

/**
 * An amount of euro cents in French: thousands grouped with a narrow no-break space, a no-break
 * space before `€`, a decimal comma — as `Intl` writes fr-FR. Cents are shown only when there
 * are some, because budgets are mostly round and "400 000,00 €" reads like an invoice.
 *
 * @example
 * formatEuros(40_000_000); // '400 000 €' (U+202F between groups, U+00A0 before €)
 * formatEuros(123_450); // '1 234,50 €'
 */
export function formatEuros(cents: number): string {
  if (Number.isInteger(cents) && cents % 100 === 0) {
    wholeEuros ??= new Intl.NumberFormat('fr-FR', {
      style: 'currency',
      currency: 'EUR',
      maximumFractionDigits: 0,
    });
    return wholeEuros.format(cents / 100);
  }
  euroCents ??= new Intl.NumberFormat('fr-FR', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return euroCents.format(cents / 100);
}

/**
 * An amount typed by a person in euros, as French people write it (« 12 000,50 », « 12000.5 »,
 * « 12 000 € »), read into integer cents; anything else is refused in French.
 *
 * @example
 * EurosText.parse('12 000,50 €'); // 1_200_050
 */
export const EurosText = z
  .string()
  .max(30)
  .transform((text) => text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.'))
  .pipe(
    z
      .string()
      .regex(/^\d{1,11}(\.\d{1,2})?$/, {
        message: 'Indiquez un montant en euros, par exemple « 12 000 » ou « 1 234,50 ».',
      })
      .transform((euros) => Math.round(Number(euros) * 100)),
  );
