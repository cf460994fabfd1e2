import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { type BenchRow, formatMs } from '@maille/bench';
import { type FakeDiscord, type FakeUser, startFakeDiscord } from '@maille/discord-fake';
import { InteractionResponseType } from 'discord.js';
import { registerCommands } from '../src/adapters/discord/commands.ts';
import { fr } from '../src/messages/fr.ts';
import {
  type DispatcherWorld,
  dueReminders,
  LA_ROCHELLE,
  openDispatcherWorld,
} from '../test/dispatcher-world.ts';

/*
 * The bot end to end against the fake Discord on loopback: the bot runs as its own process
 * (`bot-process.ts`: the real discord.js client for the chat, discord.js's REST for the
 * dispatcher) over a SQLite file seeded with the demo; this process holds the fake Discord,
 * injects slash commands as members would, and queues reminders in the database.
 */

const BOT_FOLDER = fileURLToPath(new URL('..', import.meta.url));
const COMMANDS = 1_000;
const WARMUP = 40;
const IN_FLIGHT = 20;
const DELIVERIES = 5_000;
const AUTOCOMPLETES = 200;
const BURSTS = 5;

export async function benchDiscord(): Promise<BenchRow[]> {
  const now = new Date().toISOString();
  const world = await openDispatcherWorld('sqlite', now);
  // A slow answer is measured, not refused: Discord's 3 s would turn it into an error.
  const fake = await startFakeDiscord({ ackTimeoutMs: 60_000 });
  let bot: ChildProcess | undefined;
  try {
    const members = await linkToFake(world, fake);
    await registerCommands({ token: fake.token, apiUrl: fake.restUrl, guildId: fake.guild.id });
    bot = await startBot({
      DATABASE_URL: world.test.url,
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.restUrl,
    });
    // Settled after logging in: what the bot holds before any command or reminder.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const idleMiB = memoryMiB(bot, 'VmRSS');
    const latency = await acknowledgements(fake);
    const suggestions = await autocompleteBursts(fake, members);
    const throughput = await deliveries(world, fake);
    const peakMiB = memoryMiB(bot, 'VmHWM');
    const p50 = percentile(latency.samples, 0.5);
    const p99 = percentile(latency.samples, 0.99);
    const suggestionsP99 = percentile(suggestions.samples, 0.99);
    return [
      {
        what: `Accusé de réception d’une commande (/jalons d’un membre lié, /aide), de l’injection par le faux Discord à sa réception de la réponse : ${COMMANDS} commandes, ${IN_FLIGHT} à la fois (p99)`,
        result: `${formatMs(p99)} (médiane ${formatMs(p50)}, ${latency.failures} échecs)`,
        target: 'p99 < 150 ms',
        met: p99 < 150 && latency.failures === 0,
      },
      {
        what: `Accusé de réception de ${AUTOCOMPLETES} autocomplétions de /point injectées d’un coup (${BURSTS} salves après une salve d’échauffement), des ${suggestions.users} membres liés à tour de rôle (suggestions de leurs jalons et actions), de l’injection à la réception des suggestions (p99)`,
        result: `${formatMs(suggestionsP99)} (médiane ${formatMs(percentile(suggestions.samples, 0.5))}, ${suggestions.failures} échecs)`,
        target: 'p99 < 150 ms',
        met: suggestionsP99 < 150 && suggestions.failures === 0,
      },
      {
        what: `Débit du répartiteur vers le faux Discord (REST de discord.js, limite globale relevée), ${DELIVERIES} rappels en messages privés, de leur mise en file au dernier message reçu (SQLite)`,
        result: `${Math.round(throughput.perSecond)} envois/s (${formatMs(throughput.ms)}, ${throughput.received} messages reçus)`,
        target: '≥ 200 envois/s',
        met: throughput.perSecond >= 200 && throughput.received === DELIVERIES,
      },
      {
        what: 'Mémoire du processus du bot (client discord.js et répartiteur, groupé par esbuild et lancé par Node, comme `pnpm start`) : au repos (VmRSS) et au plus fort des mesures (VmHWM)',
        result: `${idleMiB.toFixed(0)} Mio au repos, une fois connecté (${peakMiB.toFixed(0)} Mio au plus fort des mesures)`,
        target: '< 120 Mio au repos',
        met: idleMiB < 120,
      },
    ];
  } finally {
    bot?.kill('SIGKILL');
    await fake.close();
    await world.drop();
  }
}

/**
 * Every demo person gets an account on the fake's server (Jean Moreau, who carries late
 * milestones, is Alice) and La Rochelle is bound to the fake's community channel.
 */
async function linkToFake(world: DispatcherWorld, fake: FakeDiscord): Promise<FakeUser[]> {
  const now = world.clock();
  const members: FakeUser[] = [];
  await world.store.transaction(async (repos) => {
    for (const person of await repos.persons.getMany(world.persons.map((p) => p.id))) {
      const user =
        person.id === 'per_lrmoreau' ? fake.users.alice : fake.addUser(person.id.slice(4));
      members.push(user);
      await repos.persons.update({
        ...person,
        chatAccounts: [{ platform: 'discord', userId: user.id, linkedAt: now }],
        version: person.version + 1,
      });
    }
    const governance = await repos.governances.get(LA_ROCHELLE);
    if (!governance?.chat) throw new Error('bench: La Rochelle is not bound');
    await repos.governances.update({
      ...governance,
      chat: {
        ...governance.chat,
        guildId: fake.guild.id,
        channelId: fake.guild.channels.community,
      },
      version: governance.version + 1,
    });
  });
  return members;
}

/** Starts the bot's process and resolves once its chat is logged in and its dispatcher runs. */
function startBot(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/bench-bot.mjs'], {
    cwd: BOT_FOLDER,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('bot-process ready')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.off('exit', onExit);
        resolve(child);
      }
    };
    const onExit = (code: number | null) =>
      reject(new Error(`bot process exited (${code}): ${output}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Injects `WARMUP + COMMANDS` slash commands, `IN_FLIGHT` at a time, and times each from its
 * injection to the fake receiving its callback. One watcher over the fake serves every command
 * in flight.
 */
async function acknowledgements(
  fake: FakeDiscord,
): Promise<{ samples: number[]; failures: number }> {
  const total = WARMUP + COMMANDS;
  const pending = new Map<string, { index: number; start: number; done: () => void }>();
  const samples: number[] = [];
  let finished = 0;
  let failures = 0;
  const watching = fake.until(
    () => {
      for (const [id, waiting] of pending) {
        const callback = fake.interaction(id)?.callback;
        if (!callback) continue;
        const ms = performance.now() - waiting.start;
        pending.delete(id);
        const content = String((callback.data as { content?: unknown } | undefined)?.content ?? '');
        if (callback.type !== 4 || content === fr.unexpected || content === '') failures++;
        if (waiting.index >= WARMUP) samples.push(ms);
        finished++;
        waiting.done();
      }
      return finished === total;
    },
    { timeoutMs: 600_000, what: 'every command answered' },
  );
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      const command =
        index % 2 === 0
          ? { user: fake.users.alice, name: 'jalons' }
          : { user: fake.users.bob, name: 'aide' };
      await new Promise<void>((done) => {
        const start = performance.now();
        const { id } = fake.slashCommand(command);
        pending.set(id, { index, start, done });
      });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  await watching;
  return { samples, failures };
}

/**
 * `BURSTS` bursts of simultaneous autocompletions after one unmeasured burst: as for the
 * commands, the first answers of a new process pay for compiling its code and opening its
 * connections to the REST API.
 */
async function autocompleteBursts(
  fake: FakeDiscord,
  members: readonly FakeUser[],
): Promise<{ samples: number[]; failures: number; users: number }> {
  await simultaneousAutocompletes(fake, members);
  const bursts = [];
  for (let burst = 0; burst < BURSTS; burst += 1) {
    bursts.push(await simultaneousAutocompletes(fake, members));
  }
  return {
    samples: bursts.flatMap((b) => b.samples),
    failures: bursts.reduce((sum, b) => sum + b.failures, 0),
    users: Math.min(members.length, AUTOCOMPLETES),
  };
}

/**
 * Injects `AUTOCOMPLETES` autocompletions of `/point` at once, from the linked members in turn,
 * and times each from its injection to the fake receiving its suggestions.
 */
async function simultaneousAutocompletes(
  fake: FakeDiscord,
  members: readonly FakeUser[],
): Promise<{ samples: number[]; failures: number; users: number }> {
  const injected = Array.from({ length: AUTOCOMPLETES }, (_, index) => {
    const user = members[index % members.length] ?? fake.users.alice;
    const start = performance.now();
    const { id } = fake.autocomplete({
      user,
      name: 'point',
      focused: { name: 'sujet', value: '' },
    });
    return { id, start };
  });
  const samples: number[] = [];
  let failures = 0;
  const waiting = new Map(injected.map((i) => [i.id, i.start]));
  await fake.until(
    () => {
      for (const [id, start] of waiting) {
        const callback = fake.interaction(id)?.callback;
        if (!callback) continue;
        samples.push(performance.now() - start);
        if (callback.type !== InteractionResponseType.ApplicationCommandAutocompleteResult)
          failures++;
        waiting.delete(id);
      }
      return waiting.size === 0;
    },
    { timeoutMs: 120_000, what: `${AUTOCOMPLETES} autocompletions answered` },
  );
  return { samples, failures, users: Math.min(members.length, AUTOCOMPLETES) };
}

/**
 * Queues `DELIVERIES` due reminders in the database the bot's dispatcher reads, and times until
 * the fake has received every one of them (by their nonces, the delivery ids).
 */
async function deliveries(
  world: DispatcherWorld,
  fake: FakeDiscord,
): Promise<{ ms: number; perSecond: number; received: number }> {
  const from = fake.requests.length;
  const nonces = new Set<string>();
  let scanned = from;
  const start = performance.now();
  await world.store.transaction((repos) =>
    repos.deliveries.insertIfAbsent(dueReminders(DELIVERIES, new Date().toISOString(), 'bench')),
  );
  await fake.until(
    () => {
      for (; scanned < fake.requests.length; scanned++) {
        const request = fake.requests[scanned];
        const nonce = (request?.body as { nonce?: unknown } | null)?.nonce;
        if (request?.status === 200 && typeof nonce === 'string' && nonce.startsWith('dlv_bench'))
          nonces.add(nonce);
      }
      return nonces.size >= DELIVERIES;
    },
    { timeoutMs: 300_000, what: `${DELIVERIES} reminders` },
  );
  const ms = performance.now() - start;
  return { ms, perSecond: DELIVERIES / (ms / 1000), received: nonces.size };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** A process's resident memory (`VmRSS`) or its high-water mark (`VmHWM`), from Linux's /proc. */
function memoryMiB(child: ChildProcess, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1]) / 1024;
}
