/**
 * A small checker of records against a Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/),
 * enough for the national schema of « lieux de médiation numérique »: `required`, `unique`, the
 * types `string`, `number`, `integer` and `date`, `pattern` (matching the whole value), `enum`,
 * `minLength`/`maxLength`, and `|`-separated list fields whose items an `arrayItem` describes.
 * For tests and for whoever wants to check an export before publishing it.
 */

/** The part of a Table Schema the checker reads. */
export interface TableSchema {
  fields: readonly TableSchemaField[];
  primaryKey?: string | readonly string[];
}

export interface TableSchemaField {
  name: string;
  type?: string;
  constraints?: TableSchemaConstraints;
  /** A list field written as items separated by `|`, each item described here. */
  arrayItem?: { constraints?: TableSchemaConstraints };
}

interface TableSchemaConstraints {
  required?: boolean;
  unique?: boolean;
  pattern?: string;
  enum?: readonly unknown[];
  minLength?: number;
  maxLength?: number;
}

/**
 * The problems of `records` against `schema`, one line each (`ligne 3, telephone : …`), empty
 * when they all conform. A record may come from JSON (numbers as numbers) or CSV (every value a
 * text); an empty text counts as absent.
 *
 * @example
 * tableSchemaProblems(schema, [{ id: 'a', nom: '' }]); // ['ligne 1, nom : obligatoire et absent', …]
 */
export function tableSchemaProblems(
  schema: TableSchema,
  records: readonly Record<string, unknown>[],
): string[] {
  const problems: string[] = [];
  const keys = schema.primaryKey === undefined ? [] : [schema.primaryKey].flat();
  const seen = new Map<string, Set<string>>();
  const names = new Set(schema.fields.map((field) => field.name));
  records.forEach((record, index) => {
    const at = `ligne ${index + 1}`;
    for (const name of Object.keys(record)) {
      if (!names.has(name)) problems.push(`${at}, ${name} : champ absent du schéma`);
    }
    for (const field of schema.fields) {
      const value = record[field.name];
      const constraints = field.constraints ?? {};
      if (value === undefined || value === null || value === '') {
        if (constraints.required) problems.push(`${at}, ${field.name} : obligatoire et absent`);
        continue;
      }
      for (const problem of valueProblems(field, value)) {
        problems.push(`${at}, ${field.name} : ${problem}`);
      }
      if (constraints.unique || keys.includes(field.name)) {
        const values = seen.get(field.name) ?? new Set<string>();
        if (values.has(String(value))) problems.push(`${at}, ${field.name} : valeur en double`);
        values.add(String(value));
        seen.set(field.name, values);
      }
    }
  });
  return problems;
}

function valueProblems(field: TableSchemaField, value: unknown): string[] {
  const type = field.type ?? 'string';
  const text = String(value);
  const problems: string[] = [];
  if (type === 'string' && typeof value !== 'string') problems.push('un texte est attendu');
  if ((type === 'number' || type === 'integer') && !isNumber(value, type === 'integer')) {
    problems.push(`un nombre${type === 'integer' ? ' entier' : ''} est attendu`);
  }
  if (type === 'date' && !isDate(text)) problems.push('une date AAAA-MM-JJ est attendue');
  problems.push(...constraintProblems(field.constraints ?? {}, text));
  if (field.arrayItem?.constraints) {
    for (const item of text.split('|')) {
      problems.push(...constraintProblems(field.arrayItem.constraints, item));
    }
  }
  return problems;
}

function constraintProblems(constraints: TableSchemaConstraints, text: string): string[] {
  const problems: string[] = [];
  if (
    constraints.pattern !== undefined &&
    !new RegExp(`^(?:${constraints.pattern})$`, 'u').test(text)
  ) {
    problems.push(`${JSON.stringify(text)} ne suit pas le motif ${constraints.pattern}`);
  }
  if (constraints.enum !== undefined && !constraints.enum.map(String).includes(text)) {
    problems.push(`${JSON.stringify(text)} n’est pas une valeur permise`);
  }
  if (constraints.maxLength !== undefined && [...text].length > constraints.maxLength) {
    problems.push(`plus de ${constraints.maxLength} caractères`);
  }
  if (constraints.minLength !== undefined && [...text].length < constraints.minLength) {
    problems.push(`moins de ${constraints.minLength} caractères`);
  }
  return problems;
}

function isNumber(value: unknown, integer: boolean): boolean {
  const number =
    typeof value === 'number'
      ? value
      : /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(String(value))
        ? Number(value)
        : Number.NaN;
  return Number.isFinite(number) && (!integer || Number.isInteger(number));
}

function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return month >= 1 && month <= 12 && day >= 1 && day <= (daysInMonth[month - 1] ?? 0);
}
