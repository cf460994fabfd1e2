import { databaseSettings, readSettings, unsetIfEmpty } from '@maille/db';
import { z } from 'zod';
import { fr } from './messages/fr.ts';

// The bot's settings come from the environment, checked here and nowhere else: the rest of the
// bot receives an `Env` and never reads `process.env`.

const envTexts = fr.env;

function integer(message: string, min: number, max: number, fallback: number) {
  return unsetIfEmpty(
    z.coerce.number(message).int(message).min(min, message).max(max, message),
  ).transform((value) => value ?? fallback);
}

export const dispatchSettings = {
  /** The bot's token; absent: the console stands in for Discord. */
  DISCORD_TOKEN: unsetIfEmpty(z.string().trim().regex(/^\S+$/, envTexts.token)),
  /**
   * Where people open Maille's web workspace (`https://maille.example.fr`): the address of the
   * sign-in links `/connexion` gives. Absent: the API's default address on this machine, or
   * the one `maille start` listens on.
   */
  WEB_URL: unsetIfEmpty(z.url({ protocol: /^https?$/, error: envTexts.webUrl })).transform((url) =>
    url?.replace(/\/+$/, ''),
  ),
  /** Another Discord REST base (`http://127.0.0.1:…/api`): the fake Discord of the tests. */
  DISCORD_API_URL: unsetIfEmpty(z.url({ protocol: /^https?$/, error: envTexts.apiUrl })),
  /** Pause between two cycles of the dispatcher (60 000 ms). */
  DISPATCH_INTERVAL_MS: integer(envTexts.interval, 1_000, 3_600_000, 60_000),
  /** How far ahead reminders are planned (3 days). */
  DISPATCH_HORIZON_DAYS: integer(envTexts.horizon, 1, 30, 3),
  /**
   * How long a claimed delivery is held (60 000 ms). At most 4 min, within Discord's nonce
   * window, so that a resend after a crash is still deduplicated; short only in tests.
   */
  DISPATCH_LEASE_MS: integer(envTexts.lease, 2_000, 240_000, 60_000),
  /** Attempts before a delivery failing with server errors is given up (5). */
  DISPATCH_MAX_ATTEMPTS: integer(envTexts.attempts, 1, 20, 5),
  /** The SMTP server of the e-mails; absent: e-mails are printed in the terminal. */
  SMTP_HOST: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^[^\s]+$/, envTexts.smtpHost),
  ),
  /** Its port (587 with STARTTLS, 465 with SMTP_SECURE). */
  SMTP_PORT: integer(envTexts.smtpPort, 1, 65_535, 587),
  /** TLS from the first byte (port 465); otherwise STARTTLS, required unless SMTP_STARTTLS=non. */
  SMTP_SECURE: flag(false),
  SMTP_STARTTLS: flag(true),
  SMTP_USER: unsetIfEmpty(z.string()),
  SMTP_PASSWORD: unsetIfEmpty(z.string()),
  /** The sender of the e-mails: `Maille <maille@exemple.fr>` or an address alone. */
  SMTP_FROM: unsetIfEmpty(
    z
      .string()
      .trim()
      .regex(/^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, envTexts.smtpFrom),
  ),
};

function flag(fallback: boolean) {
  return unsetIfEmpty(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^(?:oui|non|true|false|1|0)$/, envTexts.smtpFlag),
  ).transform((value) => (value === undefined ? fallback : ['oui', 'true', '1'].includes(value)));
}

/** What `readEnv` throws, for the app's entry points. */
export { EnvError } from '@maille/db';

export const Env = z
  .object({ ...dispatchSettings, ...databaseSettings(envTexts) })
  .superRefine((env, issues) => {
    if ((env.SMTP_USER === undefined) !== (env.SMTP_PASSWORD === undefined)) {
      issues.addIssue({ code: 'custom', path: ['SMTP_USER'], message: envTexts.smtpCredentials });
    }
    if (env.SMTP_HOST !== undefined && env.SMTP_FROM === undefined) {
      issues.addIssue({ code: 'custom', path: ['SMTP_FROM'], message: envTexts.smtpFromMissing });
    }
  });
export type Env = z.infer<typeof Env>;

/**
 * The bot's settings, from `source` (the process's environment unless a test gives its own).
 *
 * @example
 * const env = readEnv({ DISPATCH_INTERVAL_MS: '30000' }); // { DISPATCH_INTERVAL_MS: 30000, … }
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  return readSettings(Env, source, envTexts.invalid);
}
