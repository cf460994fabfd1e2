import { fileError, tooManyRecords } from './file-text.ts';

/** A CSV file read into cells: its header, then each non-blank row with the line it starts on. */
export interface CsvTable {
  separator: ',' | ';';
  header: string[];
  rows: { cells: string[]; line: number }[];
}

/**
 * Reads CSV as published files and spreadsheets write it: `,` or `;` between cells (whichever
 * the header line uses more), RFC 4180 quoting (separators, line breaks and doubled quotes inside
 * quotes), LF or CRLF line ends. Blank lines are skipped. Throws a French `ValidationError` when a
 * quote is never closed, or when there are more than `maxRows` rows.
 *
 * @example
 * readCsv('nom;commune\r\n"Bus; numérique";Cognac\r\n', 10).rows[0]?.cells; // ['Bus; numérique', 'Cognac']
 */
export function readCsv(text: string, maxRows: number): CsvTable {
  const separator = separatorOf(text);
  const records: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') {
      if (records.length > maxRows) {
        throw tooManyRecords(maxRows);
      }
      records.push({ cells, line: recordLine });
    }
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"' && cell === '') {
      quoted = true;
      quoteLine = line;
    } else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (quoted) {
    throw fileError(
      `Un guillemet ouvert ligne ${quoteLine} n’est jamais refermé : le reste du fichier ne peut pas être lu.`,
    );
  }
  if (cell !== '' || cells.length > 0) endRecord();
  const [header, ...rows] = records;
  return { separator, header: header?.cells ?? [], rows };
}

/** The separator the header line uses most, `,` when it uses neither. */
function separatorOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ',') commas++;
    else if (!quoted && char === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}
