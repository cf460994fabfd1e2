import { z } from 'zod';
import { isPostgresUrl } from './connection.ts';

/**
 * The database settings every app reads from its environment, with one set of rules, so the CLI,
 * the API and the bot accept exactly the same values. Each app still reads `process.env` in its
 * own `env.ts` and spreads these fields into its schema.
 */

/** An unset variable and an empty one (`DATABASE_URL=`) mean the same: not given. */
export function unsetIfEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/**
 * The fields `DATABASE_URL` and `DATABASE_SCHEMA`, with the app's own French messages (each app
 * keeps its texts in its catalogue).
 *
 * @example
 * const Env = z.object({ ...databaseSettings(fr.env), PORT: … });
 */
export function databaseSettings(messages: { databaseUrl: string; schemaName: string }) {
  return {
    /** `postgres://…` for PostgreSQL; a file path or `file:…` for SQLite; absent: the default file. */
    DATABASE_URL: unsetIfEmpty(
      z
        .string()
        .trim()
        .min(1)
        .refine(
          // Any other scheme (mysql://, http://…) is a mistake, not a file name.
          (url) =>
            !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ||
            isPostgresUrl(url) ||
            url.startsWith('file://'),
          messages.databaseUrl,
        ),
    ),
    /** PostgreSQL: the schema to work in. */
    DATABASE_SCHEMA: unsetIfEmpty(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, messages.schemaName)),
  };
}

/** A setting of the environment is malformed: the app does not start (the CLI: a usage error). */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/**
 * An app's settings read from `source` (the process's environment) with its schema: only the
 * schema's variables are looked at, and the first malformed one is refused with an `EnvError`
 * saying `describe(name, message)` (the app's sentence around the variable's name and the French
 * message of its rule).
 *
 * @example
 * const env = readSettings(Env, process.env, (name, message) => `${name} : ${message}`);
 */
export function readSettings<S extends z.ZodObject>(
  schema: S,
  source: Record<string, string | undefined>,
  describe: (name: string, message: string) => string,
): z.infer<S> {
  const picked = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, source[key]]));
  const result = schema.safeParse(picked);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EnvError(describe(String(issue?.path[0] ?? '?'), issue?.message ?? ''));
}
