import type { ChatPlace, ChatUser, OptionValue, Reply } from '../conversation/chat.ts';
import { OptionError } from '../conversation/errors.ts';
import { parseDay } from '../conversation/format.ts';
import { type ConverseContext, type Session, sessionOf } from '../conversation/session.ts';
import { fr } from '../messages/fr.ts';

/**
 * A slash command as data: its French name, description and options. The Discord adapter
 * registers it from this (`register-commands.ts`), the console parses typed lines with it, and
 * `/aide` lists it. Discord's rules hold: names in lower case (1–32 characters), descriptions of
 * at most 100 characters, at most 25 options, required options first.
 */
export interface CommandDefinition {
  name: string;
  description: string;
  options: CommandOption[];
}

export interface CommandOption {
  name: string;
  description: string;
  type: 'string' | 'number';
  required: boolean;
  /** Its value is chosen among suggestions computed as the person types (`autocomplete`). */
  autocomplete?: boolean;
  maxLength?: number;
}

/**
 * A required option whose value is picked among suggestions of the person's own things (a
 * milestone, an indicator…), as long as a title.
 *
 * @example
 * options: [pickedOption('jalon', texts.jalon)]
 */
export function pickedOption(name: string, description: string): CommandOption {
  return { name, description, type: 'string', required: true, autocomplete: true, maxLength: 100 };
}

/** What a command receives: who asks, where, their options, and ways to read them. */
export interface CommandCall {
  ctx: ConverseContext;
  user: ChatUser;
  place: ChatPlace;
  /** Every command of the bot (for `/aide`). */
  commands: readonly BotCommand[];
  /** The linked person asking; an unlinked user is told how to link. */
  session(): Promise<Session>;
  /** A required option as text: refuses a missing one, or one longer than its definition. */
  text(name: string): string;
  /** An optional option as text, `undefined` when not given. */
  optionalText(name: string): string | undefined;
  /** A required number, as Discord gives it or typed with a French decimal comma (« 12,5 »). */
  number(name: string): number;
  /** A required calendar day, typed `2026-12-01` or `01/12/2026`. */
  day(name: string): string;
}

/** An autocomplete request: the option being typed and what is typed so far. */
export interface AutocompleteCall {
  ctx: ConverseContext;
  user: ChatUser;
  option: string;
  query: string;
}

export type Choice = { name: string; value: string };

/**
 * One command of the bot: its definition, its handler and its French texts (its section of the
 * catalogue, `messages/fr.ts`), with `example` showing the syntax when an option is refused.
 *
 * @example
 * export const feuille: BotCommand = {
 *   definition: { name: 'feuille', description: fr.feuille.description, options: [] },
 *   texts: fr.feuille,
 *   async execute(call) { … },
 * };
 */
export interface BotCommand {
  definition: CommandDefinition;
  texts: { description: string; example: string };
  execute(call: CommandCall): Promise<Reply>;
  /** Suggestions for an option declared with `autocomplete`. */
  autocomplete?(call: AutocompleteCall): Promise<Choice[]>;
}

/** The call of `command` with these options, as the router hands it over. */
export function commandCall(
  command: BotCommand,
  commands: readonly BotCommand[],
  event: {
    ctx: ConverseContext;
    user: ChatUser;
    place: ChatPlace;
    options: Record<string, OptionValue>;
  },
): CommandCall {
  const { ctx, user, place, options } = event;
  const given = (name: string): OptionValue | undefined => {
    const value = options[name];
    return value === undefined || String(value).trim() === '' ? undefined : value;
  };
  const text = (name: string): string | undefined => {
    const value = given(name);
    if (value === undefined) return undefined;
    const typed = String(value).trim();
    // Never cut silently: an adapter may not enforce the declared length (the console does not).
    const max = command.definition.options.find((o) => o.name === name)?.maxLength ?? 200;
    if (typed.length > max) throw new OptionError(fr.optionTooLong(name, typed.length, max));
    return typed;
  };
  const required = (name: string): string => {
    const value = text(name);
    if (value === undefined) throw new OptionError(fr.missingOption(name));
    return value;
  };
  return {
    ctx,
    user,
    place,
    commands,
    session: () => sessionOf(ctx, user),
    text: required,
    optionalText: text,
    number(name) {
      const value = given(name);
      if (value === undefined) throw new OptionError(fr.missingOption(name));
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      const typed = String(value).trim().replace(/\s/g, '').replace(',', '.');
      const parsed = Number(typed);
      if (!Number.isFinite(parsed)) throw new OptionError(fr.invalidNumber(String(value)));
      return parsed;
    },
    day(name) {
      const typed = required(name);
      const parsed = parseDay(typed);
      if (!parsed) throw new OptionError(fr.invalidDate(typed));
      return parsed;
    },
  };
}
