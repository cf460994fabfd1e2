import { readCsv } from './csv-reader.ts';
import { fileError, fileText, tooManyRecords } from './file-text.ts';
import {
  isCurrentName,
  NATIONAL_FIELDS,
  type NationalField,
  nationalFieldOf,
  REQUIRED_FIELDS,
} from './national-fields.ts';
import { shortened } from './quote.ts';

/** The largest file read: the whole national map (about 20 000 places) weighs some 30 MB. */
export const MAX_PLACES_FILE_BYTES = 50 * 1024 * 1024;
/** The most records a file may hold. */
export const MAX_PLACES_FILE_RECORDS = 100_000;

/** One record of the file under the schema 1.0.2 names, values as written, empty ones left out. */
export interface NationalPlaceRow {
  /** The record's number in the file, from 1 (blank CSV lines are not counted). */
  position: number;
  fields: Partial<Record<NationalField, string>>;
}

/** A record left out, and why, in French, naming the field. */
export interface RejectedPlace {
  position: number;
  nationalId?: string;
  name?: string;
  reason: string;
}

export interface ParsedPlacesFile {
  format: 'json' | 'csv';
  rows: NationalPlaceRow[];
  rejected: RejectedPlace[];
}

/**
 * Reads a published file of « lieux de médiation numérique », JSON or CSV, into records under the
 * current field names (`courriel` → `courriels`, `labels_nationaux` →
 * `dispositif_programmes_nationaux`…). A record that is not even a record (a number in the JSON
 * list, a CSV line with too many cells) is rejected with its position; the others go on to
 * `placeRecordsOf`, which checks their values.
 *
 * Throws the kernel's `ValidationError`, with a French message, when the file as a whole cannot
 * be read: empty, over 50 MB, not UTF-8 (a Latin-1 file is told apart), an image or a
 * spreadsheet, JSON that is not a list of records (a bare list, or an object holding one list such
 * as `{"data": […]}`), CSV without the required columns, more than 100 000 records.
 *
 * @example
 * const { format, rows, rejected } = parsePlacesFile(bytes);
 */
export function parsePlacesFile(content: Uint8Array): ParsedPlacesFile {
  if (content.length === 0) throw fileError('Le fichier est vide.');
  if (content.length > MAX_PLACES_FILE_BYTES) {
    throw fileError(
      `Le fichier pèse ${megabytes(content.length)} Mo : au plus ${megabytes(MAX_PLACES_FILE_BYTES)} Mo. Découpez-le en plusieurs fichiers.`,
    );
  }
  const text = fileText(content).trim();
  if (text === '') throw fileError('Le fichier est vide.');
  return text.startsWith('[') || text.startsWith('{') ? parseJson(text) : parseCsv(text);
}

function megabytes(bytes: number): string {
  return String(Math.ceil(bytes / (1024 * 1024)));
}

function parseJson(text: string): ParsedPlacesFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // The engine says where it stopped for some mistakes only, in English.
    const position = /position (\d+)/.exec(String(error))?.[1];
    const where =
      position === undefined
        ? ''
        : ` (vers la ligne ${text.slice(0, Number(position)).split('\n').length})`;
    throw fileError(
      `Le fichier commence comme du JSON mais est mal formé${where} : vérifiez les virgules, guillemets et crochets.`,
    );
  }
  const list = recordList(data);
  if (list === undefined) {
    throw fileError(
      'Le JSON doit être une liste de lieux ([{…}, {…}]) ou un objet qui en contient une (par exemple {"data": […]}).',
    );
  }
  if (list.length === 0) throw fileError('Le fichier ne contient aucun lieu.');
  if (list.length > MAX_PLACES_FILE_RECORDS) throw tooManyRecords(MAX_PLACES_FILE_RECORDS);
  const rows: NationalPlaceRow[] = [];
  const rejected: RejectedPlace[] = [];
  let known = false;
  list.forEach((item, index) => {
    const position = index + 1;
    const record = featureProperties(item);
    if (record === undefined) {
      rejected.push({
        position,
        reason: 'Cet élément de la liste n’est pas un lieu (objet JSON attendu).',
      });
      return;
    }
    const fields: Partial<Record<NationalField, string>> = {};
    const current = new Set<NationalField>();
    for (const [key, value] of Object.entries(record)) {
      const field = nationalFieldOf(key);
      if (field === undefined) continue;
      known = true;
      const text = cellOf(value);
      if (text === null) {
        rejected.push({
          position,
          ...identity(record),
          reason: `Le champ ${key} contient un objet JSON : un texte, un nombre ou une liste de textes est attendu.`,
        });
        return;
      }
      // The current name wins over a former one when a record carries both.
      if (text === '' || (current.has(field) && !isCurrentName(key))) continue;
      if (isCurrentName(key)) current.add(field);
      fields[field] = text;
    }
    rows.push({ position, fields });
  });
  if (!known) throw notPlaces();
  return { format: 'json', rows, rejected };
}

/** The list of records a JSON document holds: itself, or the one list among its properties. */
function recordList(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (typeof data !== 'object' || data === null) return undefined;
  const lists = Object.values(data).filter(Array.isArray);
  return lists.length === 1 ? lists[0] : undefined;
}

// A GeoJSON feature carries the record in `properties` and its point in `geometry`.
function featureProperties(item: unknown): Record<string, unknown> | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  const properties = record.properties;
  if (record.type !== 'Feature' || typeof properties !== 'object' || properties === null) {
    return record;
  }
  const geometry = record.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  const point =
    geometry?.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
  return { longitude: point[0], latitude: point[1], ...(properties as Record<string, unknown>) };
}

/** A JSON value as the text of a cell; `null` for an object, which no field holds. */
function cellOf(value: unknown): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(cellOf);
    return items.includes(null) ? null : items.filter((item) => item !== '').join('|');
  }
  return null;
}

function parseCsv(text: string): ParsedPlacesFile {
  const table = readCsv(text, MAX_PLACES_FILE_RECORDS);
  const columns = table.header.map((name) => nationalFieldOf(name));
  if (!columns.some((field) => field !== undefined)) {
    throw table.header.length <= 1
      ? fileError(
          'Ce fichier n’est ni du JSON ni du CSV : sa première ligne n’a ni virgule ni point-virgule entre des noms de colonnes.',
        )
      : notPlaces();
  }
  const missing = REQUIRED_FIELDS.filter((field) => !columns.includes(field));
  if (missing.length > 0) {
    throw fileError(
      `${missing.length === 1 ? 'Colonne obligatoire absente' : 'Colonnes obligatoires absentes'} : ${missing.join(', ')}. La première ligne doit nommer les colonnes du schéma des lieux de médiation numérique (${NATIONAL_FIELDS.slice(0, 4).join(', ')}…).`,
    );
  }
  if (table.rows.length === 0) throw fileError('Le fichier ne contient aucun lieu.');
  // The current name wins over a former one when a file has both columns.
  const order = columns
    .map((field, index) => ({ field, index, current: isCurrentName(table.header[index] ?? '') }))
    .filter((column) => column.field !== undefined)
    .sort((a, b) => Number(a.current) - Number(b.current));
  const rows: NationalPlaceRow[] = [];
  const rejected: RejectedPlace[] = [];
  table.rows.forEach(({ cells, line }, index) => {
    const position = index + 1;
    const fields: Partial<Record<NationalField, string>> = {};
    for (const { field, index: column } of order) {
      const value = (cells[column] ?? '').trim();
      if (value !== '' && field !== undefined) fields[field] = value;
    }
    if (cells.length > table.header.length) {
      rejected.push({
        position,
        ...identity(fields),
        reason: `La ligne ${line} compte ${cells.length} cellules pour ${table.header.length} colonnes : un « ${table.separator} » en trop ou un guillemet manquant ?`,
      });
      return;
    }
    rows.push({ position, fields });
  });
  return { format: 'csv', rows, rejected };
}

/** The id and name of a record, as far as they can be read, for the report. */
function identity(record: Record<string, unknown>): { nationalId?: string; name?: string } {
  const id =
    typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : '';
  const name = typeof record.nom === 'string' ? record.nom : '';
  return {
    ...(id.trim() === '' ? {} : { nationalId: shortened(id, 300) }),
    ...(name.trim() === '' ? {} : { name: shortened(name, 300) }),
  };
}

function notPlaces() {
  return fileError(
    `Ce fichier ne ressemble pas à des lieux de médiation numérique : aucun champ du schéma national (${NATIONAL_FIELDS.slice(0, 4).join(', ')}…).`,
  );
}
