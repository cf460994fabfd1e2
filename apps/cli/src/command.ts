import type { ParseArgsConfig } from 'node:util';
import type { Cli } from './context.ts';
import { UsageError } from './errors.ts';
import { fr } from './messages/fr.ts';

/** What the parser gives a command: its words after its name, and its options. */
export interface Invocation {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** One command of `maille`: its names, its help, its options and what it does. */
export interface Command {
  name: string;
  /** Other names accepted, French ones mostly. */
  aliases: readonly string[];
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(invocation: Invocation, cli: Cli): Promise<void>;
}

/**
 * Picks the subcommand named by the first word: `choices` maps each subcommand to its other
 * names.
 */
export function subcommand<K extends string>(
  command: string,
  invocation: Invocation,
  choices: Record<K, readonly string[]>,
): K {
  const word = invocation.positionals[0];
  const listed = Object.keys(choices).join(', ');
  if (!word) throw new UsageError(fr.usage.missingSubcommand(command, listed), command);
  for (const [name, aliases] of Object.entries(choices) as [K, readonly string[]][]) {
    if (word === name || aliases.includes(word)) return name;
  }
  throw new UsageError(fr.usage.unknownSubcommand(command, word, listed), command);
}

/** The one argument at `index`, refusing a missing one and any after it. */
export function argument(
  command: string,
  invocation: Invocation,
  index: number,
  what: string,
): string {
  const value = invocation.positionals[index];
  if (value === undefined || value === '') {
    throw new UsageError(fr.usage.missingArgument(what), command);
  }
  noMoreArguments(command, invocation, index + 1);
  return value;
}

/** Refuses arguments from `count` on. */
export function noMoreArguments(command: string, invocation: Invocation, count: number): void {
  const extra = invocation.positionals.slice(count);
  if (extra.length > 0) throw new UsageError(fr.usage.tooManyArguments(extra), command);
}

/** A string option's value, if given. */
export function stringOption(invocation: Invocation, name: string): string | undefined {
  const value = invocation.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Whether a boolean option was given. */
export function flag(invocation: Invocation, name: string): boolean {
  return invocation.values[name] === true;
}
