import { z } from 'zod';

/**
 * French administrative codes and their checks. Each check is a plain function (for importers
 * that want to report rather than reject) and a zod schema.
 */

/** Luhn checksum, used by SIREN and SIRET. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// La Poste's establishments share one SIREN and outnumber what Luhn can tell apart: INSEE gives
// them SIRETs whose digits sum to a multiple of 5 instead.
const LA_POSTE_SIREN = '356000000';

// All zeros passes Luhn, and open data uses it as a placeholder for "no SIRET known".
const PLACEHOLDER = /^0+$/;

export function isSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && !PLACEHOLDER.test(value) && luhnValid(value);
}

export function isSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || PLACEHOLDER.test(value)) return false;
  if (value.startsWith(LA_POSTE_SIREN) && value !== `${LA_POSTE_SIREN}00048`) {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return luhnValid(value);
}

/** RNA number of an association: `W` and 9 characters (digits, with letters for Corsica, e.g. W2A…). */
export function isRna(value: string): boolean {
  return /^W[0-9][0-9A-Z][0-9]{7}$/.test(value);
}

const METROPOLITAN_DEPARTEMENTS = [
  ...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((c) => c !== '20'),
  '2A',
  '2B',
];
const OVERSEAS_DEPARTEMENTS = ['971', '972', '973', '974', '976'];
// Overseas collectivities with an INSEE code (Saint-Pierre-et-Miquelon, Saint-Barthélemy,
// Saint-Martin, TAAF, Wallis-et-Futuna, Polynésie, Nouvelle-Calédonie, Clipperton).
const OVERSEAS_COLLECTIVITIES = ['975', '977', '978', '984', '986', '987', '988', '989'];

/** Every département code (01…95 without 20, 2A, 2B, 971…976). */
export const DEPARTEMENT_CODES: readonly string[] = [
  ...METROPOLITAN_DEPARTEMENTS,
  ...OVERSEAS_DEPARTEMENTS,
];

/** INSEE codes of the 18 regions (13 metropolitan, 5 overseas). */
export const REGION_CODES: readonly string[] = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
];

export function isDepartementCode(value: string): boolean {
  return DEPARTEMENT_CODES.includes(value);
}

export function isRegionCode(value: string): boolean {
  return REGION_CODES.includes(value);
}

/**
 * INSEE code of a commune: département (2 characters, 2A/2B for Corsica) and 3 digits, or an
 * overseas département or collectivity (3 digits) and 2 digits.
 */
export function isInseeCommuneCode(value: string): boolean {
  if (!/^[0-9][0-9AB][0-9]{3}$/.test(value)) return false;
  const overseas = value.slice(0, 3);
  if (value.startsWith('97') || value.startsWith('98')) {
    return OVERSEAS_DEPARTEMENTS.includes(overseas) || OVERSEAS_COLLECTIVITIES.includes(overseas);
  }
  return METROPOLITAN_DEPARTEMENTS.includes(value.slice(0, 2));
}

/** The département of a commune's INSEE code (`17300` → `17`, `97411` → `974`, `2A004` → `2A`). */
export function departementOfCommune(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/** French postal code: 5 digits, from 01000 to 98999. */
export function isPostalCode(value: string): boolean {
  return /^(0[1-9]|[1-8]\d|9[0-8])\d{3}$/.test(value);
}

export const Siren = z
  .string()
  .trim()
  .refine(isSiren, 'SIREN invalide : 9 chiffres avec une clé de contrôle correcte.');
export const Siret = z
  .string()
  .trim()
  .refine(isSiret, 'SIRET invalide : 14 chiffres avec une clé de contrôle correcte.');
export const Rna = z
  .string()
  .trim()
  .refine(isRna, 'Numéro RNA invalide : W suivi de 9 caractères (ex. W173001234).');
export const InseeCommuneCode = z
  .string()
  .trim()
  .refine(isInseeCommuneCode, 'Code INSEE de commune invalide (ex. 17300, 2A004, 97411).');
export const DepartementCode = z
  .string()
  .trim()
  .refine(isDepartementCode, 'Code de département invalide (ex. 17, 2A, 974).');
export const RegionCode = z
  .string()
  .trim()
  .refine(isRegionCode, 'Code de région invalide (ex. 75).');
export const PostalCode = z
  .string()
  .trim()
  .refine(isPostalCode, 'Code postal invalide (5 chiffres).');

/**
 * The "pivot" of an organization, as in the national schema: SIRET when known, else SIREN, else
 * the RNA number of an association.
 */
export const Pivot = z
  .string()
  .trim()
  .refine(
    (value) => isSiret(value) || isSiren(value) || isRna(value),
    'Identifiant invalide : SIRET (14 chiffres), SIREN (9 chiffres) ou RNA (W + 9 caractères) attendu.',
  );
