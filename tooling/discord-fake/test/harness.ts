import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import { afterEach } from 'vitest';
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from '../src/index.ts';

export interface Connected {
  fake: FakeDiscord;
  client: Client;
}

const open: Connected[] = [];

afterEach(async () => {
  for (const { fake, client } of open.splice(0)) {
    await client.destroy();
    await fake.close();
  }
});

/**
 * A fake Discord on its own port and the real discord.js client logged in to it (Guilds intent
 * only, as the bot), both closed after the test.
 */
export async function connect(
  options: FakeDiscordOptions = {},
  rest: ClientOptions['rest'] = {},
): Promise<Connected> {
  const fake = await startFakeDiscord(options);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { ...rest, ...fake.clientOptions().rest },
  });
  const connected = { fake, client };
  open.push(connected);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  return connected;
}
