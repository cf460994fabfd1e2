import { serverSettings } from '@maille/api';
import { dispatchSettings } from '@maille/bot';
import { databaseSettings, readSettings, unsetIfEmpty } from '@maille/db';
import { z } from 'zod';
import { fr } from './messages/fr.ts';

// Settings come from the environment, checked here and nowhere else: the rest of the command
// receives an `Env` and never reads `process.env`.

/** What `readEnv` throws, for the app's entry points. */
export { EnvError } from '@maille/db';

export const Env = z.object({
  ...databaseSettings(fr.env),
  /** `maille start` serves the API: its port, limits and log level, checked by the API's rules. */
  ...serverSettings,
  /** …and runs the bot and its dispatcher: Discord's token (none: the console), their pace. */
  ...dispatchSettings,
  /** SQLite: how long a write waits for another program's lock before giving up. */
  DATABASE_BUSY_TIMEOUT_MS: unsetIfEmpty(
    z.coerce
      .number(fr.env.number)
      .int(fr.env.number)
      .min(0, fr.env.number)
      .max(600_000, fr.env.tooLong),
  ),
  /** `non`: a real instance, `maille start` adds no demonstration (`oui`, the default: it does, once). */
  MAILLE_DEMO: unsetIfEmpty(z.enum(['oui', 'non'], fr.env.demo)),
  /** Set by pnpm's scripts (`pnpm start`) to the folder the command was typed in; relative paths are resolved from it (else from the current folder, where `pnpm maille` runs). */
  INIT_CWD: unsetIfEmpty(z.string()),
});
export type Env = z.infer<typeof Env>;

/**
 * The settings of the command, from `source` (the process's environment unless a test gives its
 * own).
 *
 * @example
 * const env = readEnv({ DATABASE_URL: 'postgres://localhost/maille' });
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return readSettings(Env, source, fr.env.invalid);
}
