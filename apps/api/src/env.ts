import { databaseSettings, readSettings, unsetIfEmpty } from '@maille/db';
import { z } from 'zod';
import { fr } from './messages/fr.ts';

// Settings come from the environment, checked here and nowhere else: the rest of the API
// receives an `Env` and never reads `process.env`.

function perMinute(fallback: number) {
  return unsetIfEmpty(
    z.coerce.number(fr.env.perMinute).int(fr.env.perMinute).min(1, fr.env.perMinute),
  ).transform((count) => count ?? fallback);
}

/** How long something may be kept in memory: 0 to 60 000 milliseconds, `fallback` when unset. */
function cacheMilliseconds(fallback: number) {
  return unsetIfEmpty(
    z.coerce
      .number(fr.env.milliseconds)
      .int(fr.env.milliseconds)
      .min(0, fr.env.milliseconds)
      .max(60_000, fr.env.milliseconds),
  ).transform((ms) => ms ?? fallback);
}

/**
 * The settings of the HTTP server, apart from the database's: `maille start`, which runs the API
 * in its own process, validates them in its own settings with these same rules.
 */
export const serverSettings = {
  /** The port to listen on (3000); 0 takes any free port. */
  PORT: unsetIfEmpty(
    z.coerce.number(fr.env.port).int(fr.env.port).min(0, fr.env.port).max(65535, fr.env.port),
  ).transform((port) => port ?? 3000),
  /** The largest request body accepted, in bytes (1 MiB by default; updates are short texts). */
  BODY_LIMIT_BYTES: unsetIfEmpty(
    z.coerce.number(fr.env.bytes).int(fr.env.bytes).min(1, fr.env.bytes),
  ).transform((bytes) => bytes ?? 1024 * 1024),
  /** Requests per minute allowed to each API key (600). */
  RATE_LIMIT_PER_MINUTE: perMinute(600),
  /** Requests per minute allowed to each client address without a key (120). */
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: perMinute(120),
  /**
   * How many reverse proxies in front are trusted to append the client to `X-Forwarded-For` (0:
   * the header is ignored and the socket's peer is the client).
   */
  TRUST_PROXY: unsetIfEmpty(
    z.coerce.number(fr.env.hops).int(fr.env.hops).min(0, fr.env.hops).max(32, fr.env.hops),
  ).transform((hops) => hops ?? 0),
  /** The web origins allowed to call the API from a browser, comma-separated (none). */
  CORS_ORIGINS: unsetIfEmpty(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((origin) => origin.trim())
          .filter((origin) => origin !== ''),
      )
      .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s,]+$/, fr.env.origins))),
  ).transform((origins) => origins ?? []),
  /** How long a read model may be served from memory, in milliseconds (2000; 0: never). */
  READ_MODEL_CACHE_MS: cacheMilliseconds(2000),
  /**
   * How long a verified API key is trusted without reading the database again, in milliseconds
   * (5000; 0: every request): a key revoked by the `maille` command is refused after that at most.
   */
  API_KEY_CACHE_MS: cacheMilliseconds(5000),
  /**
   * The Chromium the web workspace prints the steering-committee brief to PDF with
   * (/usr/bin/chromium, Debian's package); without it the brief says the PDF is unavailable.
   */
  CHROMIUM_PATH: unsetIfEmpty(z.string().min(1)).transform((path) => path ?? '/usr/bin/chromium'),
  /** The least severe level written to the request log (info). */
  LOG_LEVEL: unsetIfEmpty(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], fr.env.logLevel),
  ).transform((level) => level ?? 'info'),
};
export const ServerSettings = z.object(serverSettings);
export type ServerSettings = z.infer<typeof ServerSettings>;

/** What `readEnv` throws, for the app's entry points. */
export { EnvError } from '@maille/db';

export const Env = z.object({ ...serverSettings, ...databaseSettings(fr.env) });
export type Env = z.infer<typeof Env>;

/**
 * The settings of the server, from `source` (the process's environment unless a test gives its
 * own).
 *
 * @example
 * const env = readEnv({ PORT: '8080' }); // { PORT: 8080, BODY_LIMIT_BYTES: 1048576, … }
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return readSettings(Env, source, fr.env.invalid);
}
