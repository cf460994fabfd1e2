import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { serveApi } from '@maille/api';
import { consoleSender, createDispatcher, discordSender, startChat } from '@maille/bot';
import { createStore, type Database } from '@maille/db';
import { DEMO_IDS, seedDemo } from '@maille/demo';
import type { Person } from '@maille/domain';
import {
  calendarFeedPath,
  createApiKey,
  createCalendarFeed,
  getDemoState,
  getInstanceOverview,
  getRoadmapHealth,
  issueSignInLink,
  listApiKeys,
  listCalendarFeeds,
  revokeApiKey,
  revokeCalendarFeed,
} from '@maille/domain/use-cases';
import { type Command, noMoreArguments } from '../command.ts';
import { type Cli, describeDatabase, kernelContext, withDatabase } from '../context.ts';
import { fileProblem } from '../files.ts';
import { cliMailSender, mailFrom } from '../mail.ts';
import { fr } from '../messages/fr.ts';
import { commandLines, HELP } from '../messages/help.ts';
import { DEFAULT_DATABASE_FILE } from '../paths.ts';
import { formatRoadmapHealth } from './format-health.ts';
import { applyMigrations } from './migrate.ts';
import { signInUrl } from './sign-in.ts';

/** The label of the key and calendar link `maille start` makes for the demo; replaced at each start. */
export const DEMO_LABEL = 'Démonstration (maille start)';

/**
 * `maille start`, what `pnpm start` runs: the main job of a territory on one machine. It brings
 * the database up to date, adds the demo once, prints the demo roadmaps' health as the database
 * gives it, then serves the API until Ctrl+C (or SIGTERM), with what a newcomer needs to try it.
 */
export const start: Command = {
  name: 'start',
  aliases: ['demarrer', 'démarrer'],
  help: HELP.start,
  options: {},
  async run(invocation, cli) {
    noMoreArguments('start', invocation, 0);
    cli.print(fr.start.title);
    cli.print(fr.start.database(describeDatabase(cli.env)));
    // The one command, with `migrate up`, that creates the SQLite file when missing.
    await withDatabase(cli, { migrated: false, create: true }, async (database) => {
      const applied = await applyMigrations(cli, database);
      cli.print(applied.length > 0 ? fr.start.migrated(applied.length) : fr.start.upToDate);
      await addDemo(cli, database);
      cli.print('');
      await printHealth(cli, database);
      cli.print('');
      cli.print(fr.start.commandsTitle);
      for (const line of commandLines()) cli.print(line);

      const log = openRequestLog(database);
      try {
        const api = await serveApi({ database, env: cli.env, clock: cli.now, logFd: log.fd });
        try {
          await serve(cli, database, api.url, log.file);
        } finally {
          await api.close();
        }
      } finally {
        closeSync(log.fd);
      }
    });
    cli.print(fr.start.stopped);
  },
};

/** Says how to try the API, runs the bot beside it, and waits for the moment to stop. */
async function serve(cli: Cli, database: Database, url: string, logFile: string): Promise<void> {
  cli.print('');
  cli.print(fr.start.apiListening(url));
  cli.print(fr.start.docs(`${url}/docs`));
  // Sign-in links start with the address people reach: WEB_URL behind a proxy, else this one.
  const webUrl = cli.env.WEB_URL ?? url;
  const token = await renewDemoKey(cli, database);
  if (token) {
    const { secret } = await issueSignInLink(kernelContext(cli, database), {
      personId: DEMO_IDS.laRochelle.coordinator,
    });
    cli.print(fr.start.web(signInUrl(webUrl, secret)));
    cli.print(fr.start.demoKey(token));
    cli.print(fr.start.curl(url, token, DEMO_IDS.laRochelle.roadmap));
  }
  const calendar = await renewDemoCalendar(cli, database);
  if (calendar) cli.print(fr.start.calendar(`${url}${calendar}`));
  cli.print(fr.start.log(logFile));

  // The console chat speaks as the demo's coordinator, when the demo is there.
  const bot = await startBot(
    cli,
    database,
    webUrl,
    token ? DEMO_IDS.laRochelle.coordinator : undefined,
  );
  try {
    // Ctrl+C (or SIGTERM), or the person leaving the console chat (/quitter, Ctrl+D): the
    // terminal is the chat's, and a chat that no longer listens would leave Maille deaf to it.
    // Listened to before the hint is printed: a Ctrl+C right after it stops cleanly too.
    const stop = Promise.race([
      cli.untilStopped().then(fr.start.stopping),
      bot.ended.then((end) => {
        if (end !== 'input-ended' || isTerminal(cli.chatInput)) return fr.start.chatEnded;
        // Started as a service (stdin from /dev/null, a pipe): the end of its input is no request
        // to stop, and the API goes on until a signal.
        cli.print(fr.start.inputClosed);
        return new Promise<string>(() => {});
      }),
    ]);
    cli.print('');
    cli.print(bot.where === 'discord' ? fr.start.botOnDiscord : fr.start.botInConsole);
    cli.print(bot.where === 'discord' ? fr.start.stopHint : fr.start.stopHintConsole);
    cli.print(await stop);
  } finally {
    await bot.stop();
  }
}

function isTerminal(stream: Readable): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}

/** The bot beside the API: the chat (Discord, or this terminal) and the reminders' dispatcher. */
async function startBot(
  cli: Cli,
  database: Database,
  webUrl: string,
  consolePersonId: string | undefined,
): Promise<{ where: 'discord' | 'console'; ended: Promise<unknown>; stop(): Promise<void> }> {
  const env = cli.env;
  // E-mails through SMTP_HOST; without it they are printed here, as the chat's messages are.
  const mail = cliMailSender(cli);
  const dispatcher = createDispatcher({
    database,
    mail,
    mailLinks: { webUrl, from: mailFrom(cli) },
    sender: env.DISCORD_TOKEN
      ? discordSender({ token: env.DISCORD_TOKEN, apiUrl: env.DISCORD_API_URL })
      : consoleSender((text) => cli.print(fr.start.wouldSend(text))),
    clock: cli.now,
    settings: {
      intervalMs: env.DISPATCH_INTERVAL_MS,
      horizonDays: env.DISPATCH_HORIZON_DAYS,
      maxAttempts: env.DISPATCH_MAX_ATTEMPTS,
    },
    log: (line) => cli.printError(line),
  });
  dispatcher.start();
  const chat = await startChat({
    database,
    env: { ...env, WEB_URL: webUrl },
    clock: cli.now,
    input: cli.chatInput,
    output: cli.chatOutput,
    consolePersonId,
    logError: (error) => cli.printError(String(error)),
  }).catch(async (error: unknown) => {
    // Discord refused the token, say: the reminders must not go on without the chat.
    await dispatcher.stop();
    await mail.close();
    throw error;
  });
  return {
    where: chat.where,
    ended: chat.ended,
    stop: async () => {
      await chat.stop();
      await dispatcher.stop();
      await mail.close();
    },
  };
}

/**
 * The API's request log, opened for appending: the terminal belongs to the console chat, so the
 * log goes beside the SQLite file (`data/maille.db` → `data/maille.log`), or into `data/` when
 * the database is elsewhere (PostgreSQL).
 */
function openRequestLog(database: Database): { file: string; fd: number } {
  const file =
    database.file && database.file !== ':memory:'
      ? database.file.replace(/(\.[^./]*)?$/, '.log')
      : join(dirname(DEFAULT_DATABASE_FILE), 'maille.log');
  try {
    mkdirSync(dirname(file), { recursive: true });
    return { file, fd: openSync(file, 'a') };
  } catch (error) {
    throw fileProblem(file, error, true);
  }
}

/**
 * A fresh key for the demo coordinator, the previous one revoked: only its hash is stored, so the
 * only way to show a working key at each start is to make a new one. Nothing without the demo of
 * La Rochelle (removed, or a real instance), even when its coordinator stays for a real
 * governance, nor when she was erased.
 */
async function renewDemoKey(cli: Cli, database: Database): Promise<string | undefined> {
  const personId = DEMO_IDS.laRochelle.coordinator;
  const kernel = kernelContext(cli, database);
  const [person, governance] = await kernel.store.transaction((repos) =>
    Promise.all([
      repos.persons.get(personId),
      repos.governances.get(DEMO_IDS.laRochelle.governance),
    ]),
  );
  if (!person || person.erasedAt || governance?.demo !== true) return undefined;
  for (const key of await listApiKeys(kernel, { personId })) {
    if (key.label === DEMO_LABEL && !key.revokedAt) {
      await revokeApiKey(kernel, { keyId: key.id });
    }
  }
  const { token } = await createApiKey(kernel, {
    personId,
    label: DEMO_LABEL,
    instanceAdmin: false,
  });
  return token;
}

/**
 * The demo, once, unless the instance is a real one (`MAILLE_DEMO=non`) or its administrator
 * removed it (`maille demo supprimer`): then it is never added again.
 */
async function addDemo(cli: Cli, database: Database): Promise<void> {
  if (cli.env.MAILLE_DEMO === 'non') {
    cli.print(fr.start.demoOff);
    return;
  }
  const { removedAt } = await getDemoState(kernelContext(cli, database));
  if (removedAt) {
    cli.print(fr.start.demoRemoved(removedAt));
    return;
  }
  const seeded = await seedDemo(createStore(database), cli.now());
  cli.print(seeded.created ? fr.start.seeded(seeded.written) : fr.start.alreadySeeded);
}

/** How many governances `maille start` shows the health of; the others are counted. */
const HEALTH_SHOWN = 10;

/**
 * The health of the instance's governances (the first ten, the demo's marked as such), or, on an
 * instance without any, how to create its first coordinator.
 */
async function printHealth(cli: Cli, database: Database): Promise<void> {
  const ctx = kernelContext(cli, database);
  const { governances, total } = await getInstanceOverview(ctx, { limit: HEALTH_SHOWN });
  cli.print(fr.start.instanceTitle(total));
  if (total === 0) {
    for (const line of fr.start.firstSteps) cli.print(line);
    return;
  }
  for (const { governance, roadmap: current } of governances) {
    if (!current) {
      cli.print('');
      cli.print(fr.start.noRoadmap(governance.name, governance.demo === true));
      continue;
    }
    const { roadmap, health } = await getRoadmapHealth(ctx, { roadmapId: current.id });
    const owners = [
      ...health.lateMilestones.map((m) => m.ownerId),
      ...health.upcomingMilestones.map((m) => m.ownerId),
    ].filter((id): id is string => typeof id === 'string');
    const persons = await ctx.store.transaction((repos) => repos.persons.getMany(owners));
    cli.print('');
    const byId = new Map<string, Person>(persons.map((p) => [p.id, p]));
    for (const line of formatRoadmapHealth(governance, roadmap, health, byId)) cli.print(line);
  }
  if (total > governances.length) {
    cli.print('');
    cli.print(fr.start.others(total - governances.length));
  }
}

/**
 * A fresh calendar link for the demo governance of La Rochelle, the previous one revoked (only
 * its hash is stored, like a key's). Nothing when the demo governance is not in the database.
 */
async function renewDemoCalendar(cli: Cli, database: Database): Promise<string | undefined> {
  const governanceId = DEMO_IDS.laRochelle.governance;
  const kernel = kernelContext(cli, database);
  const governance = await kernel.store.transaction((repos) => repos.governances.get(governanceId));
  if (!governance) return undefined;
  for (const feed of await listCalendarFeeds(kernel, { governanceId })) {
    if (feed.label === DEMO_LABEL && !feed.revokedAt) {
      await revokeCalendarFeed(kernel, { feedId: feed.id });
    }
  }
  const { token } = await createCalendarFeed(kernel, { governanceId, label: DEMO_LABEL });
  return calendarFeedPath(token);
}
