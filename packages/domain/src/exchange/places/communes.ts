import { isInseeCommuneCode, isPostalCode } from '../../shared/codes.ts';
import { searchKey } from '../../shared/search.ts';
import type { NationalPlaceRow } from './places-file.ts';

/** A current commune of the official directory, as the importer needs it. */
export interface DirectoryCommune {
  code: string;
  name: string;
  postalCodes: readonly string[];
}

/** The official directory's communes, looked up by the caller before the records are checked. */
export interface CommuneLookup {
  byCode(code: string): DirectoryCommune | undefined;
  byPostalCode(postalCode: string): readonly DirectoryCommune[];
}

/**
 * The INSEE codes and postal codes the rows mention, for the caller to look up in the directory
 * (asynchronously, between `parsePlacesFile` and `placeRecordsOf`). Codes a spreadsheet stripped
 * of their leading zero (`6000`) are given as they will be read (`06000`).
 *
 * @example
 * communeKeysOf(rows); // { inseeCodes: ['16015'], postalCodes: ['16000', '16100'] }
 */
export function communeKeysOf(rows: readonly NationalPlaceRow[]): {
  inseeCodes: string[];
  postalCodes: string[];
} {
  const inseeCodes = new Set<string>();
  const postalCodes = new Set<string>();
  for (const { fields } of rows) {
    const insee = fields.code_insee === undefined ? undefined : paddedCode(fields.code_insee);
    if (insee !== undefined && isInseeCommuneCode(insee)) inseeCodes.add(insee);
    const postal = fields.code_postal === undefined ? undefined : paddedCode(fields.code_postal);
    if (postal !== undefined && isPostalCode(postal)) postalCodes.add(postal);
  }
  return { inseeCodes: [...inseeCodes].sort(), postalCodes: [...postalCodes].sort() };
}

/**
 * A code as a spreadsheet may have written it, given back its leading zero: `6088` → `06088`.
 *
 * @example
 * paddedCode('1000'); // '01000'
 */
export function paddedCode(code: string): string {
  return /^\d{4}$/.test(code) ? `0${code}` : code;
}

/**
 * A lookup over a list of communes (a directory loaded in memory, or a handful in a test).
 *
 * @example
 * communeLookupOf([{ code: '16015', name: 'Angoulême', postalCodes: ['16000'] }]).byPostalCode('16000');
 */
export function communeLookupOf(communes: readonly DirectoryCommune[]): CommuneLookup {
  const byCode = new Map<string, DirectoryCommune>();
  const byPostalCode = new Map<string, DirectoryCommune[]>();
  for (const commune of communes) {
    byCode.set(commune.code, commune);
    for (const postalCode of commune.postalCodes) {
      const list = byPostalCode.get(postalCode) ?? [];
      list.push(commune);
      byPostalCode.set(postalCode, list);
    }
  }
  return {
    byCode: (code) => byCode.get(code),
    byPostalCode: (postalCode) => byPostalCode.get(postalCode) ?? [],
  };
}

// Abbreviations of commune names in addresses (`BARBEZIEUX ST HILAIRE`, `CHASSENEUIL S/ BONNIEURE`).
const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', s: 'sur' };

/**
 * The form of a commune's name that two spellings of it share: case, accents, hyphens and the
 * abbreviations `St`, `Ste` and `S/` aside, and without a trailing `CEDEX`.
 *
 * @example
 * communeNameKey('BARBEZIEUX ST HILAIRE') === communeNameKey('Barbezieux-Saint-Hilaire'); // true
 */
export function communeNameKey(name: string): string {
  return searchKey(name)
    .replace(/ cedex( \d+)?$/, '')
    .split(' ')
    .map((word) => ABBREVIATIONS[word] ?? word)
    .join(' ');
}
