import { ConflictError, type FieldIssue, StaleVersionError, ValidationError } from '@maille/domain';
import type { Context } from 'hono';
import { html } from 'hono/html';
import { fr } from './messages.ts';
import type { Html } from './pages/layout.ts';

/** What a person typed into a form, field by field, exactly as they typed it. */
export type Typed = Readonly<Record<string, string>>;

/** French messages next to the fields they concern, keyed by field name. */
export type FieldErrors = Readonly<Record<string, string>>;

/**
 * A form of a page that was refused: which one, what was typed, what to correct, and when its
 * record changed meanwhile, what the record holds now (see `staleAlert`).
 */
export interface Refused<F extends string = string> {
  form: F;
  typed: Typed;
  errors: FieldErrors;
  now?: Typed;
}

/** The typed values and errors of `form` if it is the one refused, empty ones otherwise. */
export function stateOf(refused: Refused | undefined, form: string, fresh: Typed = {}) {
  return refused?.form === form
    ? { typed: refused.typed, errors: refused.errors }
    : { typed: fresh, errors: {} as FieldErrors };
}

/**
 * The text fields of a posted form. Files and repeated names are not expected from our forms:
 * a repeated field keeps its first value (a tampered form gets an error, never a 500).
 */
export async function readForm(c: Context): Promise<Typed> {
  const body = await c.req.parseBody({ all: true });
  const typed: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') typed[name] = first;
  }
  return typed;
}

/** A field left blank is a field not given: the kernel then keeps its default or leaves it out. */
export function given(typed: Typed, name: string): string | undefined {
  const value = typed[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A number field: blank is not given; what is not a number goes to the kernel as typed, for its French refusal. */
export function givenNumber(typed: Typed, name: string): number | string | undefined {
  const value = given(typed, name);
  if (value === undefined) return undefined;
  const number = Number(value.replace(',', '.'));
  return Number.isFinite(number) ? number : value;
}

/**
 * The kernel's refusal as messages per field. `rename` maps a path the use case reports (such as
 * `patch.title`, or `milestone.dueDate`) to the form's field name; messages of no field of the
 * form are kept under `''`, shown above it.
 */
export function fieldErrors(
  error: ValidationError,
  rename: (path: string) => string = (path) => path.replace(/^patch\./, ''),
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues as FieldIssue[]) {
    const name = rename(issue.path.join('.'));
    errors[name] = errors[name] ? `${errors[name]} ${issue.message}` : issue.message;
  }
  return errors;
}

/** Runs `work`; a `ValidationError` becomes the field errors to show back, anything else goes on. */
export async function refusedFields<T>(
  work: () => Promise<T>,
  rename?: (path: string) => string,
): Promise<{ done: T } | { errors: Record<string, string> }> {
  try {
    return { done: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: fieldErrors(error, rename) };
    throw error;
  }
}

/** A refused form: the errors to show next to its fields, and the status to answer with. */
export interface Refusal {
  errors: Record<string, string>;
  /** The record changed since the form was read (its version): 409. */
  stale: boolean;
  status: 400 | 409;
}

/**
 * Like `refusedFields`, and a refusal because of the record's state comes back too, as a message
 * above the form with status 409: a record changed since the form was read (`stale`: the page is
 * shown again as it is now, with what the person typed), or a change its state forbids (an axis
 * that still has fiches).
 */
export async function refusedOrStale<T>(
  work: () => Promise<T>,
  rename?: (path: string) => string,
): Promise<{ done: T } | Refusal> {
  try {
    const outcome = await refusedFields(work, rename);
    return 'done' in outcome ? outcome : { ...outcome, stale: false, status: 400 };
  } catch (error) {
    if (error instanceof StaleVersionError) {
      return { errors: { '': fr.stale.short }, stale: true, status: 409 };
    }
    if (error instanceof ConflictError) {
      return { errors: { '': error.message }, stale: false, status: 409 };
    }
    throw error;
  }
}

/** A refusal found before asking the kernel (a date that is no date): 400. */
export function refusal(errors: Record<string, string>): Refusal {
  return { errors, stale: false, status: 400 };
}

interface FieldOptions {
  name: string;
  label: string;
  typed: Typed;
  errors: FieldErrors;
  hint?: string;
  required?: boolean;
}

/** The label, the hint, and the French error tied to the field for screen readers. */
function frame(options: FieldOptions, control: (described: string | undefined) => Html): Html {
  const { name, label, hint, errors, required } = options;
  const error = errors[name];
  const ids = [hint ? `${name}-aide` : '', error ? `${name}-erreur` : ''].filter(Boolean).join(' ');
  return html`<div class="field${error ? ' invalid' : ''}">
<label for="${name}">${label}${required ? html` <span class="muted">(obligatoire)</span>` : ''}</label>
${hint ? html`<p class="hint" id="${name}-aide">${hint}</p>` : ''}
${error ? html`<p class="error" id="${name}-erreur">${error}</p>` : ''}
${control(ids || undefined)}
</div>`;
}

export function textField(
  options: FieldOptions & { type?: 'text' | 'date' | 'number'; maxlength?: number; step?: string },
): Html {
  const { name, typed, errors, required, type = 'text', maxlength, step } = options;
  return frame(
    options,
    (described) =>
      html`<input id="${name}" name="${name}" type="${type}" value="${typed[name] ?? ''}"${
        maxlength ? html` maxlength="${maxlength}"` : ''
      }${step ? html` step="${step}"` : ''}${required ? html` required` : ''}${
        described ? html` aria-describedby="${described}"` : ''
      }${errors[name] ? html` aria-invalid="true"` : ''}>`,
  );
}

export function textArea(options: FieldOptions & { maxlength?: number; rows?: number }): Html {
  const { name, typed, errors, required, maxlength, rows = 4 } = options;
  return frame(
    options,
    (described) =>
      html`<textarea id="${name}" name="${name}" rows="${rows}"${
        maxlength ? html` maxlength="${maxlength}"` : ''
      }${required ? html` required` : ''}${described ? html` aria-describedby="${described}"` : ''}${
        errors[name] ? html` aria-invalid="true"` : ''
      }>${typed[name] ?? ''}</textarea>`,
  );
}

export function selectField(
  options: FieldOptions & { choices: readonly { value: string; label: string }[]; blank?: string },
): Html {
  const { name, typed, errors, choices, blank } = options;
  const current = typed[name] ?? '';
  return frame(
    options,
    (described) =>
      html`<select id="${name}" name="${name}"${described ? html` aria-describedby="${described}"` : ''}${
        errors[name] ? html` aria-invalid="true"` : ''
      }>${blank === undefined ? '' : html`<option value="">${blank}</option>`}${choices.map(
        (choice) =>
          html`<option value="${choice.value}"${choice.value === current ? html` selected` : ''}>${choice.label}</option>`,
      )}</select>`,
  );
}

/** The choices of a list from the kernel's French labels, in their order. */
export function choicesOf(labels: Readonly<Record<string, string>>) {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** Errors that belong to no field of the form, above it, announced to screen readers. */
export function formAlert(errors: FieldErrors, fieldNames: readonly string[]): Html {
  const count = Object.keys(errors).length;
  if (count === 0) return html``;
  const loose = Object.entries(errors).filter(([name]) => !fieldNames.includes(name));
  return html`<div class="alert" role="alert"><p><strong>${
    count === 1
      ? 'Le formulaire n’a pas été enregistré : une information est à corriger.'
      : `Le formulaire n’a pas été enregistré : ${count} informations sont à corriger.`
  }</strong> Ce que vous aviez saisi est conservé ci-dessous.</p>${
    loose.length > 0 ? html`<ul>${loose.map(([, message]) => html`<li>${message}</li>`)}</ul>` : ''
  }</div>`;
}

/**
 * A form refused because its record changed since the page was read. The form comes back with
 * what the person typed and the current version; this notice says, for each field, what the
 * record holds now where it differs from their input, so nothing is overwritten unseen.
 */
export function staleAlert(
  labels: Readonly<Record<string, string>>,
  now: Typed,
  typed: Typed,
  /** How a value reads, for the fields whose value is a code (a list's choice). */
  shown: (name: string, value: string) => string = (_name, value) => value,
): Html {
  const t = fr.stale;
  const differing = Object.keys(labels).filter((name) => (now[name] ?? '') !== (typed[name] ?? ''));
  return html`<div class="alert" role="alert"><p><strong>${t.title}</strong> ${t.lead}</p>${
    differing.length > 0
      ? html`<ul>${differing.map((name) => html`<li>${t.field(labels[name] ?? name, now[name] ? shown(name, now[name]) : t.empty)}</li>`)}</ul>`
      : ''
  }</div>`;
}
