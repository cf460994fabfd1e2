/**
 * CSV as French spreadsheets open it without an import wizard: `;` between cells (the comma is
 * the decimal separator), a UTF-8 byte order mark (or Excel reads accents as Latin-1), CRLF line
 * ends and RFC 4180 quoting.
 */

/** One column: its French header and how a row fills its cell. */
export interface CsvColumn<T> {
  header: string;
  cell: (row: T) => CsvCell;
}

/** What a cell may hold; `undefined` is an empty cell. */
export type CsvCell = string | number | boolean | undefined;

const BOM = '\uFEFF';
const SEPARATOR = ';';
const CRLF = '\r\n';

/**
 * The CSV text of `rows`, one line per row under a line of headers.
 *
 * @example
 * toCsv([{ header: 'Titre', cell: (a) => a.title }], [{ title: 'Bus; numérique' }]);
 * // '\uFEFFTitre\r\n"Bus; numérique"\r\n'
 */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [
    columns.map((column) => csvCell(column.header)),
    ...rows.map((row) => columns.map((column) => csvCell(column.cell(row)))),
  ];
  return BOM + lines.map((cells) => cells.join(SEPARATOR)).join(CRLF) + CRLF;
}

/**
 * One cell as written in the file. A text starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return would be run as a formula by a spreadsheet (CSV injection): it gets a leading `'`, which
 * spreadsheets show as text. Numbers are written with a decimal comma and are never neutralised
 * (a negative value stays a number).
 *
 * @example
 * csvCell('=HYPERLINK("http://x")'); // '"\'=HYPERLINK(""http://x"")"'
 * csvCell(-2.5); // '-2,5'
 */
export function csvCell(value: CsvCell): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
  if (typeof value === 'number') return frenchNumber(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A number with a decimal comma and no grouping, as a French spreadsheet parses it.
 *
 * @example
 * frenchNumber(1234.5); // '1234,5'
 */
export function frenchNumber(value: number): string {
  return String(value).replace('.', ',');
}

/**
 * Euro cents (never negative in the kernel) as euros with two decimals and a decimal comma, no
 * currency sign nor grouping, so that the spreadsheet reads a number it can add up.
 *
 * @example
 * csvEuros(40_000_050); // '400000,50'
 */
export function csvEuros(cents: number | undefined): string | undefined {
  if (cents === undefined) return undefined;
  const whole = Math.round(cents);
  return `${Math.floor(whole / 100)},${String(whole % 100).padStart(2, '0')}`;
}
