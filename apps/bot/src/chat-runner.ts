import type { Readable, Writable } from 'node:stream';
import { createStore, type Database, timeOrderedIds } from '@maille/db';
import type { Clock } from '@maille/domain/use-cases';
import { type ConsoleChatEnd, runConsoleChat } from './adapters/console/console-chat.ts';
import { converse } from './conversation/converse.ts';
import { DEFAULT_WEB_URL } from './conversation/session.ts';
import type { Env } from './env.ts';
import { fr } from './messages/fr.ts';

/** The chat, running: on Discord, or in the terminal. */
export interface RunningChat {
  where: 'discord' | 'console';
  /**
   * Resolves when the console chat ends: `quit` when the person left it (`/quitter`),
   * `input-ended` on Ctrl+D or at the end of a piped input — the host then stops what runs beside
   * it, unless its input was never a terminal (a service's) —, `stopped` after `stop()`. Never on
   * Discord.
   */
  ended: Promise<ConsoleChatEnd>;
  stop(): Promise<void>;
}

/**
 * Starts the chat side of the bot over `database`: the Discord gateway with `DISCORD_TOKEN`,
 * otherwise the console chat on `input`/`output` (speaking as `consolePersonId`), so the bot
 * can be tried with no secret at all. The console edits lines and styles text when both are a
 * terminal.
 *
 * @example
 * const chat = await startChat({ database, env, input: process.stdin, output: process.stdout });
 * if ((await chat.ended) !== 'stopped') await stopEverything();
 */
export async function startChat({
  database,
  env,
  clock = () => new Date().toISOString(),
  input,
  output,
  consolePersonId,
  logError = (error: unknown) => console.error(error),
}: {
  database: Database;
  env: Pick<Env, 'DISCORD_TOKEN' | 'DISCORD_API_URL'> & { WEB_URL?: string | undefined };
  clock?: Clock;
  input: Readable;
  output: Writable;
  consolePersonId?: string | undefined;
  logError?: (error: unknown) => void;
}): Promise<RunningChat> {
  const ctx = {
    store: createStore(database),
    clock,
    ids: timeOrderedIds(),
    // On Discord, people are elsewhere than this machine: no localhost link without WEB_URL.
    webUrl: env.WEB_URL ?? (env.DISCORD_TOKEN ? undefined : DEFAULT_WEB_URL),
    onError: (error: unknown) => logError(error),
  };
  if (env.DISCORD_TOKEN) {
    // Loaded only for Discord: the console chat runs without discord.js in memory.
    const { startDiscordBot } = await import('./adapters/discord/client.ts');
    const bot = await startDiscordBot({
      token: env.DISCORD_TOKEN,
      apiUrl: env.DISCORD_API_URL,
      handle: (event) => converse(ctx, event),
      unexpectedError: fr.unexpected,
      logError,
    });
    return { where: 'discord', ended: new Promise(() => {}), stop: bot.stop };
  }
  const stopping = new AbortController();
  const ended = runConsoleChat({
    ctx,
    input,
    output,
    personId: consolePersonId,
    terminal: isTerminal(input) && isTerminal(output),
    signal: stopping.signal,
  });
  return {
    where: 'console',
    ended,
    stop: async () => {
      stopping.abort();
      await ended.catch(() => {});
    },
  };
}

function isTerminal(stream: Readable | Writable): boolean {
  return 'isTTY' in stream && stream.isTTY === true;
}
