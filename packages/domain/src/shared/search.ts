/**
 * The form of a text used to search it: lower case, without accents or ligatures, spaces and
 * punctuation folded, so that « Médiathèque d'Angoulême », « MEDIATHEQUE D ANGOULEME » and
 * « médiathèque  d’angoulême » all match. Computed in JavaScript and stored beside the name, so
 * SQLite, PostgreSQL and memory give the same results.
 *
 * @example
 * searchKey('Œuvre Sociale — Château-Bernard'); // "oeuvre sociale chateau bernard"
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
