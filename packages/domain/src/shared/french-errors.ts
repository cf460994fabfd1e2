import type { z } from 'zod';
import { pluralWord } from './plural.ts';

type Issue = z.core.$ZodRawIssue;

/** What a missing or mistyped value should have been, in words. */
const EXPECTED_TYPE: Record<string, string> = {
  string: 'Un texte est attendu.',
  number: 'Un nombre est attendu.',
  int: 'Un nombre entier est attendu.',
  bigint: 'Un nombre entier est attendu.',
  boolean: 'Oui ou non est attendu (true ou false).',
  array: 'Une liste est attendue.',
  tuple: 'Une liste est attendue.',
  set: 'Une liste est attendue.',
  object: 'Un objet est attendu.',
  record: 'Un objet est attendu.',
  map: 'Un objet est attendu.',
  date: 'Une date est attendue.',
  null: 'Ce champ doit être vide (null).',
  undefined: 'Ce champ doit être absent.',
  never: 'Ce champ n’est pas permis ici.',
};

/** What a badly formed text should look like, with an example where one helps. */
const EXPECTED_FORMAT: Record<string, string> = {
  date: 'Une date au format AAAA-MM-JJ est attendue (ex. 2024-05-14).',
  datetime: 'Une date et heure au format ISO 8601 est attendue (ex. 2024-05-14T08:00:00Z).',
  time: 'Une heure au format HH:MM est attendue (ex. 09:30).',
  duration: 'Une durée au format ISO 8601 est attendue (ex. P1D).',
  email: 'Une adresse électronique est attendue (ex. nom@exemple.fr).',
  url: 'Une adresse web est attendue (ex. https://exemple.fr).',
  uuid: 'Un identifiant UUID est attendu.',
  json_string: 'Un texte JSON est attendu.',
};

/** The units of a length, by the kind of value measured. */
const LENGTH_UNIT: Record<string, [one: string, other: string]> = {
  string: ['caractère', 'caractères'],
  array: ['élément', 'éléments'],
  set: ['élément', 'éléments'],
  file: ['octet', 'octets'],
};

/**
 * Zod's messages written as a person would read them, in French: « Un nombre est attendu. »,
 * « Choisissez parmi : haute, moyenne ou basse. », « Ce champ est obligatoire. ». Messages written
 * on a schema itself still win. The kernel's `validate` uses it; an app installs it for every
 * schema with `z.config({ localeError: frenchErrors })`.
 *
 * @example
 * z.config({ localeError: frenchErrors });
 * z.enum(['haute', 'basse']).safeParse('x').error?.issues[0]?.message; // "Choisissez parmi : haute ou basse."
 */
export const frenchErrors: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (
        issue.input === undefined &&
        issue.expected !== 'undefined' &&
        issue.expected !== 'never'
      ) {
        return 'Ce champ est obligatoire.';
      }
      return EXPECTED_TYPE[issue.expected] ?? 'Cette valeur n’est pas du type attendu.';
    case 'invalid_value':
      return issue.values.length === 1
        ? `La valeur attendue est ${showValue(issue.values[0])}.`
        : `Choisissez parmi : ${listOf(issue.values)}.`;
    case 'invalid_union':
      // A discriminated union names the key it switches on and the values it knows.
      if ('options' in issue && Array.isArray(issue.options) && issue.options.length > 0) {
        return `Choisissez parmi : ${listOf(issue.options)}.`;
      }
      return 'Cette valeur ne correspond à aucune des formes permises.';
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return `Un multiple de ${showNumber(Number(issue.divisor))} est attendu.`;
    case 'unrecognized_keys':
      return `${pluralWord(issue.keys.length, 'Champ inconnu', 'Champs inconnus')} : ${issue.keys.join(', ')}. Vérifiez l’orthographe ou retirez-${pluralWord(issue.keys.length, 'le', 'les')}.`;
    case 'invalid_key':
      return 'Une clé de cet objet n’est pas valide.';
    case 'invalid_element':
      return 'Un élément de cette liste n’est pas valide.';
    default:
      return 'Cette valeur n’est pas valide.';
  }
};

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const bound = Number(issue.minimum);
  const unit = LENGTH_UNIT[issue.origin];
  if (unit) {
    if (issue.exact) return `Exactement ${countOf(bound, unit)}.`;
    if (bound === 1 && issue.inclusive !== false) {
      return issue.origin === 'string'
        ? 'Ce champ ne peut pas être vide.'
        : 'Au moins un élément est attendu.';
    }
    return `Au moins ${countOf(bound, unit)}.`;
  }
  if (issue.origin === 'date') return `La date doit être le ${showDate(bound)} ou après.`;
  return issue.inclusive === false
    ? `La valeur doit être supérieure à ${showNumber(bound)}.`
    : `La valeur doit être d’au moins ${showNumber(bound)}.`;
}

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const bound = Number(issue.maximum);
  const unit = LENGTH_UNIT[issue.origin];
  if (unit) {
    return issue.exact ? `Exactement ${countOf(bound, unit)}.` : `Au plus ${countOf(bound, unit)}.`;
  }
  if (issue.origin === 'date') return `La date doit être le ${showDate(bound)} ou avant.`;
  return issue.inclusive === false
    ? `La valeur doit être inférieure à ${showNumber(bound)}.`
    : `La valeur ne doit pas dépasser ${showNumber(bound)}.`;
}

function invalidFormat(issue: Extract<Issue, { code: 'invalid_format' }>): string {
  if (issue.format === 'starts_with' && 'prefix' in issue) {
    return `Le texte doit commencer par « ${issue.prefix} ».`;
  }
  if (issue.format === 'ends_with' && 'suffix' in issue) {
    return `Le texte doit se terminer par « ${issue.suffix} ».`;
  }
  if (issue.format === 'includes' && 'includes' in issue) {
    return `Le texte doit contenir « ${issue.includes} ».`;
  }
  return EXPECTED_FORMAT[issue.format] ?? 'Cette valeur n’a pas la forme attendue.';
}

const countOf = (count: number, [one, other]: [string, string]) =>
  `${showNumber(count)} ${pluralWord(count, one, other)}`;

/** A number as written in French: a decimal comma, thousands grouped from 10 000 on. */
function showNumber(value: number): string {
  return value
    .toLocaleString('fr-FR', { maximumFractionDigits: 20, useGrouping: Math.abs(value) >= 10_000 })
    .replace(/\u202f|\u00a0/g, ' ');
}

function showDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? `« ${value} »` : String(value);
}

/** `a, b ou c`, as a person lists choices. */
function listOf(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length <= 1
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} ou ${words[words.length - 1]}`;
}
