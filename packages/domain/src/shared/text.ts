import { z } from 'zod';

/**
 * Length limits of every free text the kernel accepts. They are generous for the field (a
 * roadmap's diagnosis is a few pages) but bound what one request can store.
 */
export const TEXT_LIMITS = {
  code: 40,
  label: 120,
  name: 200,
  title: 200,
  short: 500,
  text: 5_000,
  long: 20_000,
} as const;

// C0 controls other than tab, line feed and carriage return, plus DEL: they have no place in
// what a person types and break CSV, ICS and chat exports. NUL is the one that matters most.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN_IN_LINE = /[\u0000-\u001F\u007F]/;

function bounded(max: number, min: number, forbidden: RegExp, what: string) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'Ce champ ne peut pas être vide.' : `Au moins ${min} caractères.`)
    .max(max, `Au plus ${max} caractères.`)
    .refine(
      (value) => !forbidden.test(value),
      `${what} contient un caractère de contrôle interdit.`,
    );
}

/** A one-line text (a name, a title, a label): trimmed, 1 to `max` characters, no control character. */
export function singleLine(max: number, min = 1) {
  return bounded(max, min, FORBIDDEN_IN_LINE, 'Le texte');
}

/** A multi-line text (a description, minutes): trimmed, tabs and line breaks allowed, no NUL. */
export function multiLine(max: number, min = 1) {
  return bounded(max, min, FORBIDDEN_IN_TEXT, 'Le texte');
}

export const Name = singleLine(TEXT_LIMITS.name);
export const Title = singleLine(TEXT_LIMITS.title);
export const Label = singleLine(TEXT_LIMITS.label);
export const ShortText = multiLine(TEXT_LIMITS.short);
export const Text = multiLine(TEXT_LIMITS.text);
export const LongText = multiLine(TEXT_LIMITS.long);

/** A short machine code chosen by people, such as an action code `A1.2` or an indicator code. */
export const Code = z
  .string()
  .trim()
  .min(1, 'Ce champ ne peut pas être vide.')
  .max(TEXT_LIMITS.code, `Au plus ${TEXT_LIMITS.code} caractères.`)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u,
    'Lettres, chiffres, points, tirets et soulignés seulement.',
  );

/**
 * An http(s) URL of reasonable length. The URL parser silently drops control characters, so they
 * are refused before it sees them: what is stored is what was checked.
 */
export const Url = z
  .url({ protocol: /^https?$/, error: 'Adresse web invalide (http ou https attendu).' })
  .max(2_000, 'Au plus 2 000 caractères.')
  .refine(
    (value) => !FORBIDDEN_IN_LINE.test(value),
    'L’adresse contient un caractère de contrôle interdit.',
  );

/** An email address, lower-cased. */
export const Email = z
  .email({ error: 'Adresse électronique invalide.' })
  .max(254, 'Au plus 254 caractères.')
  .transform((value) => value.toLowerCase());

/**
 * A French phone number in E.164 form, as the national "lieux de médiation numérique" schema
 * writes it (`+33` and the overseas prefixes). Spaces, dots and a leading 0 are accepted on input.
 */
export const Phone = z
  .string()
  .trim()
  .max(30, 'Au plus 30 caractères.')
  .transform((value) => normalizePhone(value))
  .refine(
    (value) => /^\+(33|590|594|262|596|269|687|689|508|681)\d{6,9}$/.test(value),
    'Numéro de téléphone invalide (ex. 05 46 00 00 00 ou +33546000000).',
  );

function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s.()-]/g, '');
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  if (compact.startsWith('0033')) return `+33${compact.slice(4)}`;
  return compact;
}

/**
 * Text made safe inside HTML, attribute values included: what a person typed (a name, a title)
 * never becomes markup in a page or an e-mail built as a string.
 *
 * @example
 * escapeHtml('Réunion <urgent> & "bilan"'); // 'Réunion &lt;urgent&gt; &amp; &quot;bilan&quot;'
 */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
