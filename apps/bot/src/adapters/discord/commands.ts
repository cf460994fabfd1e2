import {
  ApplicationCommandOptionType,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandSpec } from '../../conversation/commands.ts';

const OPTION_TYPES = {
  string: ApplicationCommandOptionType.String,
  number: ApplicationCommandOptionType.Number,
} as const;

/**
 * The core's commands as Discord registers them (a bulk overwrite): French names and
 * descriptions, usable in servers and in direct messages with the bot.
 */
export function discordCommands(
  commands: readonly CommandSpec[],
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
