import { migrateToLatest, openDatabase } from '@maille/db';
import { discordSender } from './adapters/discord/sender.ts';
import { DEFAULT_WEB_URL } from './conversation/session.ts';
import { consoleSender } from './dispatcher/console-sender.ts';
import { createDispatcher } from './dispatcher/dispatcher.ts';
import type { ChatSender } from './dispatcher/sender.ts';
import { type Env, EnvError, readEnv } from './env.ts';
import type { MailSender } from './mail/mail-sender.ts';
import { mailFromOf, mailSenderOf } from './mail/mail-sender-of.ts';
import { fr } from './messages/fr.ts';

// The dispatcher alone (several may run side by side on PostgreSQL): migrates, then plans and
// sends reminders every DISPATCH_INTERVAL_MS (e-mails through SMTP_HOST, or printed without it).
// On SIGTERM/SIGINT it finishes the cycle in flight and closes the database. Without
// DISCORD_TOKEN it prints the messages instead of sending them.

const texts = fr.programs;

/** Discord's REST with a token (the fake Discord's with `DISCORD_API_URL`), else the console. */
function senderFor(env: Env): ChatSender {
  if (env.DISCORD_TOKEN) {
    console.log(texts.dispatchToDiscord);
    return discordSender({ token: env.DISCORD_TOKEN, apiUrl: env.DISCORD_API_URL });
  }
  console.log(texts.dispatchToConsole);
  return consoleSender();
}

/** Says where the e-mails go: SMTP with `SMTP_HOST`, else the terminal. */
function mailFor(env: Env): MailSender {
  console.log(
    env.SMTP_HOST && env.SMTP_FROM
      ? fr.mail.dispatchToSmtp(env.SMTP_HOST, env.SMTP_PORT)
      : fr.mail.dispatchToConsole,
  );
  return mailSenderOf(env);
}

async function main(): Promise<void> {
  const env = readEnv();
  const sender = senderFor(env);
  const mail = mailFor(env);
  const database = openDatabase({ url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA });
  const { error } = await migrateToLatest(database);
  if (error) {
    await database.close();
    throw error;
  }
  console.log(texts.database(database.file ?? 'PostgreSQL'));
  const dispatcher = createDispatcher({
    database,
    sender,
    mail,
    mailLinks: {
      webUrl: env.WEB_URL ?? DEFAULT_WEB_URL,
      from: mailFromOf(env),
    },
    settings: {
      intervalMs: env.DISPATCH_INTERVAL_MS,
      horizonDays: env.DISPATCH_HORIZON_DAYS,
      maxAttempts: env.DISPATCH_MAX_ATTEMPTS,
      leaseMs: env.DISPATCH_LEASE_MS,
      // A send is not started this close to the lease's end; a short lease keeps a quarter.
      leaseMarginMs: Math.min(5_000, env.DISPATCH_LEASE_MS / 4),
    },
  });
  dispatcher.start();
  console.log(texts.dispatchStarted(env.DISPATCH_INTERVAL_MS));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(texts.dispatchStopping(signal));
    dispatcher
      .stop()
      .then(() => mail.close())
      .then(() => database.close())
      .then(
        () => console.log(texts.dispatchStopped),
        (closeError: unknown) => {
          console.error(closeError);
          process.exitCode = 1;
        },
      );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(texts.dispatchFailed(error instanceof EnvError ? error.message : String(error)));
  process.exitCode = 1;
});
