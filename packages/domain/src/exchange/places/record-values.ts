import { isPostalCode, Pivot } from '../../shared/codes.ts';
import { Email, Phone, Url } from '../../shared/text.ts';
import { IsoDate } from '../../shared/time.ts';
import { paddedCode } from './communes.ts';
import { isInFrance } from './france.ts';
import { frenchPhoneDisplay, phoneInput } from './phone.ts';
import { quoted } from './quote.ts';

/**
 * Readers of the values of one record. Each returns what it read and notes what it changed or
 * could not keep (French, for the report); a value that rejects the record throws a
 * `RecordRejection` whose message names the field.
 */

/** What the importer did to a record on the way in. */
export interface RecordNotes {
  /** What it changed (« code INSEE 16089 trouvé… »). */
  fixes: string[];
  /** What it could not keep or check (« commune MANSLE introuvable… »). */
  warnings: string[];
}

/** Why a record cannot be imported, in French, naming the field. */
export class RecordRejection extends Error {
  override readonly name = 'RecordRejection';
}

/** The placeholder published files use for « no SIRET known ». */
export const PLACEHOLDER_PIVOT = '00000000000000';

/**
 * The record's pivot: absent for the placeholder, dropped with a warning when it is no SIRET,
 * SIREN nor RNA (the place is not worth rejecting for it).
 */
export function readPivot(raw: string | undefined, notes: RecordNotes): string | undefined {
  const compact = raw?.replace(/\s/g, '');
  if (compact === undefined || compact === '' || /^0+$/.test(compact)) return undefined;
  if (Pivot.safeParse(compact).success) return compact;
  notes.warnings.push(
    `pivot ${quoted(compact)} ignoré : ce n’est ni un SIRET, ni un SIREN, ni un numéro RNA valide`,
  );
  return undefined;
}

/** The postal code; one a spreadsheet stripped of its leading zero gets it back. */
export function readPostalCode(raw: string, notes: RecordNotes): string {
  const code = paddedCode(raw);
  if (!isPostalCode(code)) {
    throw new RecordRejection(
      `code_postal : ${quoted(raw)} n’est pas un code postal (5 chiffres).`,
    );
  }
  if (code !== raw) notes.fixes.push(`code postal ${raw} complété en ${code}`);
  return code;
}

/**
 * The update date, `AAAA-MM-JJ`; an ISO date-time or a French `JJ/MM/AAAA` is read too. The
 * start of Unix time is what a system writes when it knows no date: no date then.
 */
export function readUpdateDate(raw: string, notes: RecordNotes): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(raw)?.[1];
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw);
  const date = iso ?? (french ? `${french[3]}-${french[2]}-${french[1]}` : undefined);
  if (date === undefined || !IsoDate.safeParse(date).success) {
    throw new RecordRejection(`date_maj : ${quoted(raw)} n’est pas une date (AAAA-MM-JJ attendu).`);
  }
  if (date === '1970-01-01') {
    notes.fixes.push(
      `date de mise à jour ${raw} ignorée : c’est une date par défaut, pas une mise à jour`,
    );
    return undefined;
  }
  if (french) notes.fixes.push(`date de mise à jour ${raw} lue comme ${date}`);
  return date;
}

/**
 * The coordinates, in France. Latitude and longitude swapped are put back in order; a point
 * outside France rejects the record; one coordinate without the other is dropped.
 */
export function readCoordinates(
  rawLatitude: string | undefined,
  rawLongitude: string | undefined,
  notes: RecordNotes,
): { latitude: number; longitude: number } | undefined {
  if (rawLatitude === undefined && rawLongitude === undefined) return undefined;
  if (rawLatitude === undefined || rawLongitude === undefined) {
    notes.warnings.push(
      `${rawLatitude === undefined ? 'longitude sans latitude' : 'latitude sans longitude'} : coordonnées ignorées`,
    );
    return undefined;
  }
  const latitude = decimal('latitude', rawLatitude);
  const longitude = decimal('longitude', rawLongitude);
  if (isInFrance(latitude, longitude)) return { latitude, longitude };
  if (isInFrance(longitude, latitude)) {
    notes.fixes.push('latitude et longitude inversées : remises dans l’ordre');
    return { latitude: longitude, longitude: latitude };
  }
  throw new RecordRejection(
    `latitude, longitude : le point (${rawLatitude}, ${rawLongitude}) est hors de France (métropole, Corse et départements d’outre-mer).`,
  );
}

// A decimal comma is what a French spreadsheet writes.
function decimal(field: string, raw: string): number {
  const text = raw.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) {
    throw new RecordRejection(`${field} : ${quoted(raw)} n’est pas un nombre.`);
  }
  return Number(text);
}

/**
 * The phone number in the kernel's form (`+33545321000`), with a fix when it was written in
 * neither that form nor the French one (`05 45 32 10 00`). `undefined` when the kernel cannot
 * read it: the agency's model then says why.
 */
export function readPhone(raw: string | undefined, notes: RecordNotes): string | undefined {
  if (raw === undefined) return undefined;
  const parsed = Phone.safeParse(phoneInput(raw));
  if (!parsed.success) return undefined;
  const display = frenchPhoneDisplay(parsed.data);
  if (raw !== parsed.data && raw !== display) {
    notes.fixes.push(`téléphone normalisé : ${quoted(raw)} → ${display}`);
  }
  return parsed.data;
}

/** The e-mail addresses, separated by `|`, `;`, `,` or spaces. */
export function readEmails(raw: string | undefined): string[] {
  const emails = splitList(raw, /[|;,\s]+/).map((written) => {
    const parsed = Email.safeParse(written);
    if (!parsed.success) {
      throw new RecordRejection(
        `courriels : ${quoted(written)} n’est pas une adresse électronique valide.`,
      );
    }
    return parsed.data;
  });
  return [...new Set(emails)];
}

/** The websites, separated by `|`, `;` or spaces; `www.exemple.fr` gets its `https://`. */
export function readWebsites(raw: string | undefined, notes: RecordNotes): string[] {
  const websites = splitList(raw, /[|;\s]+/).map((written) => {
    const url = /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(written) ? `https://${written}` : written;
    if (url !== written) notes.fixes.push(`site web complété : ${quoted(written)} → ${url}`);
    return readUrl('site_web', url, written);
  });
  return [...new Set(websites)];
}

/** A web address (`fiche_acces_libre`, `prise_rdv`, an item of `site_web`), http or https. */
export function readUrl(field: string, url: string, written = url): string {
  const parsed = Url.safeParse(url);
  if (!parsed.success) {
    throw new RecordRejection(
      `${field} : ${quoted(written)} n’est pas une adresse web valide (http ou https).`,
    );
  }
  return parsed.data;
}

/** The items of a multi-valued field: `|` between them, or `;` as older files write. */
export function splitList(raw: string | undefined, separator: RegExp = /[|;]/): string[] {
  if (raw === undefined) return [];
  return raw
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
