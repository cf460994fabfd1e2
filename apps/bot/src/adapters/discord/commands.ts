import {
  ApplicationCommandOptionType,
  REST,
  type RESTPutAPIApplicationCommandsJSONBody,
  Routes,
} from 'discord.js';
import type { CommandDefinition } from '../../commands/command.ts';
import { COMMANDS } from '../../commands/index.ts';

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Number,
} as const;

/**
 * The bot's commands as Discord registers them (a bulk overwrite): French names and
 * descriptions, usable in servers and in direct messages with the bot.
 */
export function discordCommands(
  commands: readonly CommandDefinition[],
): RESTPutAPIApplicationCommandsJSONBody {
  return commands.map((command) => ({
    name: command.name,
    description: command.description,
    // Usable in a server and in a private conversation with the bot.
    contexts: [0, 1],
    options: command.options.map((option) => ({
      name: option.name,
      description: option.description,
      type: OPTION_TYPES[option.type],
      required: option.required,
      ...(option.autocomplete ? { autocomplete: true } : {}),
      ...(option.maxLength !== undefined && option.type === 'string'
        ? { max_length: option.maxLength }
        : {}),
    })),
  })) as RESTPutAPIApplicationCommandsJSONBody;
}

/**
 * Registers the bot's commands by bulk overwrite (Discord replaces the whole list, so a command
 * dropped from the code disappears): on one server (`guildId`, at once — for trying it out) or
 * globally (everywhere the bot is, within an hour). Returns the names registered.
 */
export async function registerCommands({
  token,
  apiUrl,
  guildId,
}: {
  token: string;
  apiUrl?: string | undefined;
  guildId?: string | undefined;
}): Promise<string[]> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = guildId
    ? Routes.applicationGuildCommands(application.id, guildId)
    : Routes.applicationCommands(application.id);
  const registered = (await rest.put(route, {
    body: discordCommands(COMMANDS.map((command) => command.definition)),
  })) as {
    name: string;
  }[];
  return registered.map((command) => command.name);
}
