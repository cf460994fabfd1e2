/**
 * Values of a file echoed in French messages (« code INSEE 99999 inconnu… »): on one line and
 * short, whatever the file holds, so that a report entry stays readable and storable.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001F\u007F]+/g;

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function shortened(text: string, max: number): string {
  const line = text.replace(CONTROL, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * A value between French quotes, cut at 80 characters.
 *
 * @example
 * quoted('CHÂTEAUBERNARD'); // '« CHÂTEAUBERNARD »'
 */
export function quoted(value: string): string {
  return `« ${shortened(value, 80)} »`;
}
