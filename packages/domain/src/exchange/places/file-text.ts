import { ValidationError } from '../../shared/errors.ts';

/**
 * The text of an uploaded file, or a French explanation of why it is not the expected UTF-8
 * text: an image, a spreadsheet, a file saved in Latin-1… The kernel has no `TextDecoder` (it runs
 * anywhere), hence the decoder below.
 */

/** A `ValidationError` about the file as a whole. */
export function fileError(message: string): ValidationError {
  return new ValidationError([{ path: [], message }], message);
}

/** The error of a file holding more than `max` records. */
export function tooManyRecords(max: number): ValidationError {
  const count = max.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
  return fileError(`Le fichier compte plus de ${count} lieux : découpez-le en plusieurs fichiers.`);
}

// The first bytes of the files people upload by mistake instead of a JSON or CSV export.
const SIGNATURES: readonly { bytes: readonly number[]; what: string; hint?: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'une image PNG' },
  { bytes: [0xff, 0xd8, 0xff], what: 'une image JPEG' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'une image GIF' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'un document PDF' },
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    what: 'une archive ZIP ou un classeur (XLSX, ODS)',
    hint: 'Enregistrez le classeur au format « CSV UTF-8 » puis recommencez.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    what: 'un classeur Excel (XLS)',
    hint: 'Enregistrez le classeur au format « CSV UTF-8 » puis recommencez.',
  },
];

/**
 * Decodes `bytes` as UTF-8 (with or without a byte order mark), or throws a `ValidationError`
 * saying what the file seems to be instead.
 *
 * @example
 * fileText(new Uint8Array([0xef, 0xbb, 0xbf, 0x69, 0x64])); // 'id'
 */
export function fileText(bytes: Uint8Array): string {
  const signature = SIGNATURES.find((s) => s.bytes.every((byte, i) => bytes[i] === byte));
  if (signature) {
    throw fileError(
      `Ce fichier est ${signature.what}, pas un fichier JSON ou CSV de lieux de médiation numérique.${signature.hint ? ` ${signature.hint}` : ''}`,
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError(
      'Ce fichier est encodé en UTF-16 (« texte Unicode » d’Excel) : enregistrez-le en CSV UTF-8 puis recommencez.',
    );
  }
  // Checked before decoding: a file of NUL bytes is valid UTF-8, and reading it as a CSV of one
  // 50 MB line would hold the server for seconds before refusing it.
  if (looksBinary(bytes))
    throw fileError(
      'Ce fichier n’est pas un texte (contenu binaire) : déposez le fichier JSON ou CSV des lieux.',
    );
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const text = decodeUtf8(bytes, start);
  if (text !== undefined) return text;
  throw fileError(
    'Ce fichier n’est pas en UTF-8 : il semble encodé en Latin-1 (ISO-8859-1 ou Windows-1252), ce qui abîmerait les accents. Enregistrez-le en UTF-8 (« CSV UTF-8 » dans Excel) puis recommencez.',
  );
}

// Control characters other than tab, line feed, form feed and carriage return do not occur in a
// text file, whatever its encoding; a NUL is the surest sign of binary content.
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 65_536);
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) {
      return true;
    }
  }
  return false;
}

const CHUNK = 8_192;

/** Strict UTF-8: `undefined` on any malformed, overlong or surrogate sequence. */
function decodeUtf8(bytes: Uint8Array, start: number): string | undefined {
  const parts: string[] = [];
  const units: number[] = [];
  let i = start;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    let point: number;
    let size: number;
    if (b0 < 0x80) {
      point = b0;
      size = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      point = b0 & 0x1f;
      size = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      point = b0 & 0x0f;
      size = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      point = b0 & 0x07;
      size = 4;
    } else {
      return undefined;
    }
    if (i + size > bytes.length) return undefined;
    for (let k = 1; k < size; k++) {
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return undefined;
      point = (point << 6) | (next & 0x3f);
    }
    const overlong = (size === 3 && point < 0x800) || (size === 4 && point < 0x10000);
    if (overlong || (point >= 0xd800 && point <= 0xdfff) || point > 0x10ffff) return undefined;
    if (point >= 0x10000) {
      const offset = point - 0x10000;
      units.push(0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff));
    } else {
      units.push(point);
    }
    i += size;
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}
