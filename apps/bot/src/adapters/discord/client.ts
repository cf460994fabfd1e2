import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  RESTJSONErrorCodes,
} from 'discord.js';
import type { ChatEvent, Reply } from '../../conversation/chat.ts';
import { eventOf, messagePayload, respond } from './interactions.ts';

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
  let reply: Reply;
  try {
    reply = await options.handle(event);
  } catch (error) {
    options.logError(error);
    // The person still gets an answer, in French; Discord would otherwise show « échec ».
    if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
      await interaction
        .reply({ content: options.unexpectedError, flags: MessageFlags.Ephemeral })
        .catch(options.logError);
    }
    return;
  }
  try {
    await respond(interaction, reply);
  } catch (error) {
    // Another copy of this interaction was answered first: the person has their answer.
    if (alreadyAnswered(error)) return;
    options.logError(error);
    await deliverElsewhere(interaction, reply, options.unexpectedError).catch(options.logError);
  }
}

function alreadyAnswered(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged
  );
}

/**
 * The answer could not be given as planned (the message pressed is gone, the answer came too
 * late for Discord): what was done is done, so the person is told so another way, a new reply,
 * a follow-up or a direct message, and never asked to do it again.
 */
async function deliverElsewhere(
  interaction: Interaction,
  reply: Reply,
  unexpectedError: string,
): Promise<void> {
  if (!interaction.isRepliable()) return;
  // A form or a post that failed did nothing: trying again is then the right advice.
  const message =
    reply.type === 'message' || reply.type === 'update' ? reply.message : { text: unexpectedError };
  const payload = messagePayload(message);
  const attempts = [
    () => interaction.reply({ ...payload, flags: MessageFlags.Ephemeral }),
    () => interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral }),
    () => interaction.user.send(payload),
  ];
  let last: unknown;
  for (const attempt of attempts) {
    try {
      await attempt();
      return;
    } catch (error) {
      last = error;
    }
  }
  throw last;
}
