import type { z } from 'zod';
import { type FieldIssue, ValidationError } from './errors.ts';
import { frenchErrors } from './french-errors.ts';

/**
 * Parses `input` with `schema` and returns the typed value, or throws a `ValidationError` whose
 * messages are in French. Messages written on the kernel's own checks win; zod's generic ones
 * come from `frenchErrors`. The global zod configuration of the caller is left untouched.
 *
 * @example
 * const milestone = validate(NewMilestoneInput, JSON.parse(body));
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: frenchErrors });
  if (result.success) return result.data;
  throw new ValidationError(toFieldIssues(result.error));
}

/** The issues of a zod error as paths and French messages. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
}
