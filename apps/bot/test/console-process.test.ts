import { createStore } from '@maille/db';
import { openTestDatabase, type TestDatabase, testDialect } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotProcess, PATIENCE_MS, startProcess } from './processes.ts';

/*
 * The bot alone without DISCORD_TOKEN (`pnpm --filter @maille/bot start`): the console chat in a
 * process of its own, over a pipe. Leaving the chat ends the process, cleanly, even though its
 * input stays open (as a terminal's does).
 */

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase(testDialect());
  await seedDemo(createStore(test.database), new Date().toISOString());
});
afterAll(async () => {
  await test?.drop();
});

function startConsoleBot(): BotProcess {
  return startProcess('main', {
    DISCORD_TOKEN: '',
    DATABASE_URL: test.url,
    ...(test.schema ? { DATABASE_SCHEMA: test.schema } : {}),
  });
}

function exitCode(bot: BotProcess): Promise<number | null> {
  const { child } = bot;
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the bot alone in a terminal', () => {
  it(
    'stops, database closed, when the person types /quitter',
    async () => {
      const bot = startConsoleBot();
      await bot.printed(/Pas de DISCORD_TOKEN/);
      bot.child.stdin?.write('/aide\n/quitter\n');
      expect(await exitCode(bot)).toBe(0);
      expect(bot.output()).toMatch(/Ce que je sais faire[\s\S]*À bientôt !\nBot arrêté\.\n$/);
    },
    PATIENCE_MS,
  );

  it(
    'stops when its input ends (Ctrl+D)',
    async () => {
      const bot = startConsoleBot();
      await bot.printed(/Pas de DISCORD_TOKEN/);
      bot.child.stdin?.end();
      expect(await exitCode(bot)).toBe(0);
      expect(bot.output()).toMatch(/À bientôt !\nBot arrêté\.\n$/);
    },
    PATIENCE_MS,
  );
});
