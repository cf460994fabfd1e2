import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createStore, type Database, timeOrderedIds } from '@maille/db';
import { openTestDatabase, type TestDatabase, testDialect } from '@maille/db/testing';
import { buildDemoDataset, seedDemo } from '@maille/demo';
import { type FakeDiscord, type FakeUser, startFakeDiscord } from '@maille/discord-fake';
import {
  addDays,
  type Delivery,
  isWorkingDay,
  localDate,
  previousWorkingDay,
} from '@maille/domain';
import type { Store, UseCaseContext } from '@maille/domain/use-cases';
import { afterEach } from 'vitest';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { LA_ROCHELLE, reminderMilestone } from './dispatcher-world.ts';

/**
 * How long a step of these tests may take: the suite runs beside every other package's on a
 * 2-core machine, so a step that takes 2 s alone can take 20.
 */
export const PATIENCE_MS = 60_000;

/*
 * The bot as it runs in production: the dispatcher (`dist/dispatch.mjs`) and the chat
 * (`dist/main.mjs`), bundled before the run (`test/bundle.ts`), as processes of their own, against the fake Discord and a real database of the
 * run's dialect, on the real clock. Every process started here is SIGKILLed after each test.
 */

const APP_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Yanis Belkacem (Alice on the fake) owns the test milestones; the coordinator is Claire. */
export const MEMBER = 'per_lrbelkacem';
export const COORDINATOR = 'per_lrmoreau';
/** The milestone whose J-3 reminder is due now, and its title (unique in the demo). */
export const SOON = 'mil_e2esoon';
export const SOON_TITLE = 'Charte de la maille signée par les partenaires';

export interface BotProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Resolves once its output matches `pattern`; rejects if it exits first. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGKILL: no handler runs, no cycle finishes, nothing is settled. */
  kill(): Promise<void>;
}

const running = new Set<BotProcess>();

afterEach(async () => {
  await Promise.all([...running].map((bot) => bot.kill()));
});

/** Starts the bundle `dist/<program>.mjs` with `env` on top of this process's environment. */
export function startProcess(
  program: 'main' | 'dispatch' | 'console',
  env: Record<string, string>,
  args: string[] = [],
): BotProcess {
  const script = `dist/${program}.mjs`;
  const child = spawn(process.execPath, [script, ...args], {
    cwd: APP_ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printedSoFar = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    printedSoFar += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const bot: BotProcess = {
    child,
    output: () => printedSoFar,
    printed: (pattern, timeoutMs = PATIENCE_MS) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!pattern.test(printedSoFar)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${script} did not print ${pattern} in time:\n${printedSoFar}`));
        }, timeoutMs);
        const gone = () => {
          done();
          reject(new Error(`${script} exited (${child.exitCode}):\n${printedSoFar}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', gone);
        };
        listeners.add(check);
        child.once('exit', gone);
        check();
      }),
    kill: async () => {
      running.delete(bot);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  running.add(bot);
  return bot;
}

/** Checks `probe` every 50 ms until it returns a truthy value (the database has no events). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = PATIENCE_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface E2eWorld {
  fake: FakeDiscord;
  test: TestDatabase;
  database: Database;
  store: Store;
  /** The real instant the demo was seeded at. */
  now: string;
  kernel(personId: string): UseCaseContext;
  /** Links a demo person to a user of the fake directly in the database (no `/lier`). */
  link(personId: string, user: FakeUser): Promise<void>;
  /** The dispatcher process, planning and sending every second. */
  startDispatcher(env?: Record<string, string>): BotProcess;
  /** The chat process, once its gateway session is ready; the commands are registered first. */
  startChat(): Promise<BotProcess>;
  /** The deliveries to `personId`, as stored now. */
  deliveriesTo(personId: string): Promise<Delivery[]>;
  delivery(id: string): Promise<Delivery>;
  /** The planned J-3 reminder of `SOON` to the member, once planned. */
  soonReminder(): Promise<Delivery | undefined>;
  close(): Promise<void>;
}

/**
 * A fresh database seeded with the demo at the real present (the processes run on the real
 * clock), where nobody is linked and no governance bound (so that only what a test links
 * receives anything), plus `SOON`: a milestone of the member whose J-3 reminder is due now.
 */
export async function openE2eWorld(): Promise<E2eWorld> {
  // The processes answer slower than Discord's 3 s on a busy 2-core machine.
  const fake = await startFakeDiscord({ ackTimeoutMs: PATIENCE_MS });
  const test = await openTestDatabase(testDialect());
  const { database } = test;
  const now = new Date().toISOString();
  await seedDemo(createStore(database), now);
  const store = createStore(database);
  await store.transaction(async (repos) => {
    const demoPersons = buildDemoDataset({ now }).persons.map((person) => person.id);
    for (const person of await repos.persons.getMany(demoPersons)) {
      if (person.chatAccounts.length === 0) continue;
      await repos.persons.update({ ...person, chatAccounts: [], version: person.version + 1 });
    }
    for (const governance of await repos.governances.listPage({ limit: 100 })) {
      if (!governance.chat) continue;
      const { chat: _unbound, ...rest } = governance;
      await repos.governances.update({ ...rest, version: governance.version + 1 });
    }
    const governance = await repos.governances.get(LA_ROCHELLE);
    if (!governance) throw new Error('demo changed');
    await repos.milestones.insert(
      reminderMilestone(SOON, soonDueDate(now, governance.timeZone), now, { title: SOON_TITLE }),
    );
  });
  const ids = timeOrderedIds();
  const clock = () => new Date().toISOString();
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.restUrl,
    DATABASE_URL: test.url,
    ...(test.schema ? { DATABASE_SCHEMA: test.schema } : {}),
  };
  const deliveriesTo = async (personId: string) => {
    const all = await store.transaction((repos) => repos.deliveries.listByGovernance(LA_ROCHELLE));
    return all.filter((d) => d.recipient.type === 'person' && d.recipient.personId === personId);
  };
  return {
    fake,
    test,
    database,
    store,
    now,
    kernel: (personId) => ({ store, clock, ids, actor: { personId, channel: 'cli' } }),
    async link(personId, user) {
      await store.transaction(async (repos) => {
        const person = await repos.persons.get(personId);
        if (!person) throw new Error(`demo changed: ${personId}`);
        await repos.persons.update({
          ...person,
          chatAccounts: [{ platform: 'discord', userId: user.id, linkedAt: now }],
          version: person.version + 1,
        });
      });
    },
    startDispatcher: (more = {}) =>
      startProcess('dispatch', { ...env, DISPATCH_INTERVAL_MS: '1000', ...more }),
    async startChat() {
      await registerCommands({ token: fake.token, apiUrl: fake.restUrl, guildId: fake.guild.id });
      const chat = startProcess('main', env);
      await chat.printed(/Bot connecté à Discord/);
      return chat;
    },
    deliveriesTo,
    async delivery(id) {
      const found = await store.transaction((repos) => repos.deliveries.get(id));
      if (!found) throw new Error(`No delivery ${id}`);
      return found;
    },
    soonReminder: async () =>
      (await deliveriesTo(MEMBER)).find(
        (d) => d.subject.id === SOON && d.dedupeKey.includes(':J-3:'),
      ),
    async close() {
      await Promise.all([...running].map((bot) => bot.kill()));
      await fake.close();
      await test.drop();
    },
  };
}

/**
 * The latest due date whose J-3 reminder (09:00 local, moved to the working day before off a
 * weekend or a public holiday) has come — past 10:00 for today's — while the date itself has not.
 * Its J0, moved the same way, must land after the J-3's day: the planner keeps only the J0 when
 * both land on one day.
 */
function soonDueDate(now: string, timeZone: string): string {
  const today = localDate(now, timeZone);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(now),
    ),
  );
  const reminded = (date: string) => (isWorkingDay(date) ? date : previousWorkingDay(date));
  for (let ahead = 10; ahead >= 1; ahead -= 1) {
    const date = addDays(today, ahead);
    const threeDaysBefore = reminded(addDays(date, -3));
    const come = threeDaysBefore < today || (threeDaysBefore === today && hour >= 10);
    if (come && reminded(date) > threeDaysBefore) return date;
  }
  throw new Error(`No due date found for a J-3 reminder due on ${now}.`);
}

/** The DMs of `user` that carry `nonce`. */
export function withNonce(fake: FakeDiscord, user: FakeUser, nonce: string) {
  return fake.dms(user.id).filter((message) => message.nonce === nonce);
}
