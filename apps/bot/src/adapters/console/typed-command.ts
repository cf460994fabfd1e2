import type { CommandDefinition } from '../../commands/command.ts';
import { commandNamed } from '../../commands/index.ts';
import type { OptionValue } from '../../conversation/chat.ts';

export type TypedCommand =
  | { ok: true; spec: CommandDefinition; options: Record<string, OptionValue> }
  | { ok: false; name: string };

/**
 * A command line as typed in the console, read like Discord would fill its options:
 * `/reporter jalon:"Rencontre trimestrielle" date:05/02/2027 raison:Salle prise`, or positional,
 * the last option taking the rest of the line: `/reporter mil_lr0902 2027-02-05 Salle prise`.
 */
export function parseTypedCommand(line: string): TypedCommand {
  const trimmed = line.trim().replace(/^\//, '');
  const name = (/^\S+/.exec(trimmed)?.[0] ?? '').toLowerCase();
  const spec = commandNamed(name)?.definition;
  if (!spec) return { ok: false, name };
  const rest = trimmed.slice(name.length).trim();
  const options: Record<string, OptionValue> = {};
  if (rest === '') return { ok: true, spec, options };
  const names = spec.options.map((o) => o.name);
  const named = new RegExp(`(?:^|\\s)(${names.join('|')}):`, 'g');
  const marks = names.length > 0 ? [...rest.matchAll(named)] : [];
  if (marks.length > 0 && rest.startsWith(`${marks[0]?.[1]}:`)) {
    marks.forEach((mark, i) => {
      const start = (mark.index ?? 0) + mark[0].length;
      const end = marks[i + 1]?.index ?? rest.length;
      options[mark[1] as string] = unquote(rest.slice(start, end).trim());
    });
    return { ok: true, spec, options };
  }
  const words = tokens(rest);
  spec.options.forEach((option, i) => {
    const last = i === spec.options.length - 1;
    const value = last ? words.slice(i).join(' ') : words[i];
    if (value !== undefined && value !== '') options[option.name] = value;
  });
  return { ok: true, spec, options };
}

/** Words, keeping "quoted phrases" together. */
function tokens(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

function unquote(text: string): string {
  return /^".*"$/.test(text) ? text.slice(1, -1) : text;
}
