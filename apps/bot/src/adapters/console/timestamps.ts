/**
 * Discord timestamps (`<t:1764000000:D>`) as a terminal shows them: in the governance's time
 * zone, in French. Discord's styles: t, T (time), d, D (date), f, F (date and time), R (relative).
 *
 * @example
 * renderTimestamps('pour le <t:1796050800:D>', 'Europe/Paris', now); // 'pour le 1 décembre 2026'
 */
export function renderTimestamps(text: string, timeZone: string, now: Date): string {
  return text.replace(/<t:(-?\d{1,12})(?::([tTdDfFR]))?>/g, (_, seconds: string, style = 'f') =>
    formatStamp(new Date(Number(seconds) * 1000), style, timeZone, now),
  );
}

function formatStamp(date: Date, style: string, timeZone: string, now: Date): string {
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('fr-FR', { timeZone, ...options }).format(date);
  switch (style) {
    case 't':
      return format({ hour: '2-digit', minute: '2-digit' });
    case 'T':
      return format({ hour: '2-digit', minute: '2-digit', second: '2-digit' });
    case 'd':
      return format({ day: '2-digit', month: '2-digit', year: 'numeric' });
    case 'D':
      return format({ day: 'numeric', month: 'long', year: 'numeric' });
    case 'F':
      return format({ dateStyle: 'full', timeStyle: 'short' });
    case 'R':
      return relative(date, now);
    default:
      return format({ dateStyle: 'long', timeStyle: 'short' });
  }
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

function relative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat('fr', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(seconds, 'second');
}
