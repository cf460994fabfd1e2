const FRENCH_PLURAL = new Intl.PluralRules('fr-FR');

/**
 * A count and its noun, in French: 0 and 1 take the singular.
 *
 * @example
 * plural(1, 'jalon', 'jalons'); // "1 jalon"
 * plural(0, 'jalon', 'jalons'); // "0 jalon"
 * plural(3, 'jalon en retard', 'jalons en retard'); // "3 jalons en retard"
 */
export function plural(count: number, one: string, other: string): string {
  return `${count} ${pluralWord(count, one, other)}`;
}

/** The word alone, for sentences that place the count elsewhere. */
export function pluralWord(count: number, one: string, other: string): string {
  return FRENCH_PLURAL.select(count) === 'one' ? one : other;
}
