import { isPostgresUrl } from '@maille/db';
import { z } from 'zod';
import { fr } from './messages/fr.ts';

// Settings come from the environment, checked here and nowhere else: the rest of the command
// receives an `Env` and never reads `process.env`.

/** An unset variable and an empty one (`DATABASE_URL=`) mean the same: not given. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const Env = z.object({
  /** `postgres://…` for PostgreSQL; a file path or `file:…` for SQLite; absent: the default file. */
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .min(1)
      .refine(
        // Any other scheme (mysql://, http://…) is a mistake, not a file name.
        (url) =>
          !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) || isPostgresUrl(url) || url.startsWith('file://'),
        fr.env.databaseUrl,
      ),
  ),
  /** PostgreSQL: the schema to work in, created by `maille migrate up` if missing. */
  DATABASE_SCHEMA: optional(z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, fr.env.schemaName)),
  /** SQLite: how long a write waits for another program's lock before giving up. */
  DATABASE_BUSY_TIMEOUT_MS: optional(
    z.coerce
      .number(fr.env.number)
      .int(fr.env.number)
      .min(0, fr.env.number)
      .max(600_000, fr.env.tooLong),
  ),
  /** Set by pnpm to the folder the command was typed in; relative paths are resolved from it. */
  INIT_CWD: optional(z.string()),
});
export type Env = z.infer<typeof Env>;

/** A setting of the environment is malformed: a usage error (exit code 2). */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EnvError';
  }
}

/**
 * The settings of the command, from `source` (the process's environment unless a test gives its
 * own).
 *
 * @example
 * const env = readEnv({ DATABASE_URL: 'postgres://localhost/maille' });
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const picked = Object.fromEntries(Object.keys(Env.shape).map((key) => [key, source[key]]));
  const result = Env.safeParse(picked);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new EnvError(fr.env.invalid(String(issue?.path[0] ?? '?'), issue?.message ?? ''));
}
