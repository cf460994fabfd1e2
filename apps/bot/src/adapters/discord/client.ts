import { Client, Events, GatewayIntentBits, type Interaction, MessageFlags } from 'discord.js';
import type { ChatEvent, Reply } from '../../conversation/chat.ts';
import { eventOf, respond } from './interactions.ts';

export interface DiscordBotOptions {
  token: string;
  /** Discord's REST root; another one only for tests (the fake Discord of `tooling/`). */
  apiUrl?: string | undefined;
  /** The conversation core: what to answer to an event. */
  handle: (event: ChatEvent) => Promise<Reply>;
  /** The sentence a person reads when answering failed unexpectedly. */
  unexpectedError: string;
  /** Where unexpected errors go (the operator's log), never to the person. */
  logError: (error: unknown) => void;
}

/**
 * The bot on Discord, with the `Guilds` intent only (no privileged intent: it reads no message,
 * it answers slash commands, buttons and forms). Resolves once the gateway said it is ready.
 */
export async function startDiscordBot(options: DiscordBotOptions): Promise<{
  client: Client;
  stop(): Promise<void>;
}> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void answer(interaction, options);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token);
  await ready;
  return { client, stop: () => client.destroy() };
}

async function answer(interaction: Interaction, options: DiscordBotOptions): Promise<void> {
  const event = eventOf(interaction);
  if (!event) return;
  try {
    await respond(interaction, await options.handle(event));
  } catch (error) {
    options.logError(error);
    // The person still gets an answer, in French; Discord would otherwise show « échec ».
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      await interaction
        .reply({ content: options.unexpectedError, flags: MessageFlags.Ephemeral })
        .catch(options.logError);
    }
  }
}
