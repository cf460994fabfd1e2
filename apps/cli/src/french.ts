/** French formatting shared by the command's outputs: dates and numbers (plurals: the kernel's `plural`). */

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('fr-FR');

/** `2023-05-25` → "25 mai 2023": the kernel's, as every app writes a day. */
export { formatDate } from '@maille/domain';

/** `0.5` → "50 %", with French spacing. */
export function formatRatio(ratio: number): string {
  return percent.format(ratio);
}

/** A percentage already on 0–100 → "42 %". */
export function formatPercent(value: number): string {
  return percent.format(value / 100);
}

/** `12345` → "12 345", with the French thousands separator. */
export function formatCount(count: number): string {
  return whole.format(count);
}
