/** Dates and periods in French words, for the reminders and the digest. */

const longDate = new Intl.DateTimeFormat('fr-FR', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
});
const monthYear = new Intl.DateTimeFormat('fr-FR', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2024-05-17` → "vendredi 17 mai 2024". */
export function frenchDate(date: string): string {
  return longDate.format(new Date(`${date}T00:00:00Z`));
}

/** `2024-05-17` → "17 mai". */
export function frenchShortDate(date: string): string {
  return shortDate.format(new Date(`${date}T00:00:00Z`));
}

/** An instant as Discord timestamps: the full local date and time, and "dans 3 jours". */
export function discordTime(instant: string): string {
  const seconds = Math.floor(Date.parse(instant) / 1000);
  return `<t:${seconds}:F> (<t:${seconds}:R>)`;
}

/** `2024-T2` → "2e trimestre 2024", `2024-05` → "mai 2024", `2024` → "année 2024". */
export function frenchPeriod(period: string): string {
  const year = period.slice(0, 4);
  const rest = period.slice(5);
  const rank = (n: string) => (n === '1' ? '1er' : `${n}e`);
  if (rest.startsWith('S')) return `${rank(rest.slice(1))} semestre ${year}`;
  if (rest.startsWith('T')) return `${rank(rest.slice(1))} trimestre ${year}`;
  if (rest !== '') return monthYear.format(new Date(`${year}-${rest}-01T00:00:00Z`));
  return `année ${year}`;
}
