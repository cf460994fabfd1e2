import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_TIME_ZONE, displayNameOf } from '@maille/domain';
import { getPerson, listMyWork, type UseCaseContext } from '@maille/domain/use-cases';
import type {
  Button,
  ChatEvent,
  ChatPlace,
  ChatUser,
  Form,
  OptionValue,
  Reply,
} from '../../conversation/chat.ts';
import type { CommandSpec } from '../../conversation/commands.ts';
import {
  type ChatIdentities,
  type ConverseContext,
  converse,
} from '../../conversation/converse.ts';
import { fr } from './messages.ts';
import { renderTimestamps } from './timestamps.ts';
import { parseTypedCommand } from './typed-command.ts';

export interface ConsoleChatOptions {
  /** The conversation core's context; the console brings its own identities. */
  ctx: Omit<ConverseContext, 'identities'>;
  input: Readable;
  output: Writable;
  /** The person the console speaks as from the start (linked as if by `/lier`); none: unlinked. */
  personId?: string | undefined;
  /** Where the console pretends to be: a server channel (for `/configurer`) or a direct message. */
  place?: ChatPlace;
  /** Show a `> ` prompt (for a person at a terminal, not for tests). */
  prompt?: boolean;
  /** Ends the chat from outside (the program is stopping), as the end of its input would. */
  signal?: AbortSignal;
}

/** The one console user: the terminal itself. */
export const CONSOLE_USER: ChatUser = {
  platform: 'console',
  userId: 'console',
  displayName: 'console',
};

/**
 * Who the console speaks as: one person at a time, kept in memory. `/lier CODE` switches to the
 * person the code was issued for, `/delier` leaves the console unlinked; nothing is stored, so
 * trying the bot leaves no chat account behind.
 */
export function consoleIdentities(
  personId?: string,
): ChatIdentities & { current(): string | undefined } {
  let current = personId;
  return {
    current: () => current,
    find: async () => current,
    link: async (_, id) => {
      current = id;
    },
    unlink: async () => {
      current = undefined;
    },
  };
}

type State =
  | { kind: 'idle' }
  /** Buttons of the last message, pressed by typing their number. */
  | { kind: 'buttons'; buttons: Button[] }
  /** Suggestions for an option of a command, picked by number. */
  | {
      kind: 'choices';
      spec: CommandSpec;
      options: Record<string, OptionValue>;
      option: string;
      choices: { name: string; value: string }[];
    }
  /** A form being filled, field by field. */
  | { kind: 'form'; form: Form; values: Record<string, string> };

/**
 * A terminal chat with the bot: type `/jalons`, `/point`, press a button by typing its number,
 * fill a form one field per line. Every reply comes from the same conversation core as Discord's;
 * `<t:…>` timestamps are shown in the governance's time zone. Ends with the input or `/quitter`.
 *
 * @example
 * await runConsoleChat({ ctx, input: process.stdin, output: process.stdout, personId: 'per_lrmoreau' });
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const identities = consoleIdentities(options.personId);
  const ctx: ConverseContext = { ...options.ctx, identities };
  const place = options.place ?? {};
  const write = (text: string) => options.output.write(`${text}\n`);
  let state: State = { kind: 'idle' };

  const kernel = (personId: string): UseCaseContext => ({
    store: ctx.store,
    clock: ctx.clock,
    ids: ctx.ids,
    actor: { personId, channel: 'cli' },
  });

  /** The time zone timestamps are shown in: the first governance of the person, or Paris. */
  const timeZone = async () => {
    const personId = identities.current();
    if (!personId) return DEFAULT_TIME_ZONE;
    try {
      const [first] = await listMyWork(kernel(personId), { horizonDays: 0 });
      return first?.governance.timeZone ?? DEFAULT_TIME_ZONE;
    } catch {
      return DEFAULT_TIME_ZONE;
    }
  };

  const show = async (text: string) =>
    write(renderTimestamps(text, await timeZone(), new Date(ctx.clock())));

  const send = async (event: ChatEvent) => converse(ctx, event);

  const render = async (reply: Reply): Promise<State> => {
    switch (reply.type) {
      case 'message':
      case 'update': {
        const tag =
          reply.type === 'update' ? fr.updated : reply.private ? fr.privateTag : fr.publicTag;
        await show(`${tag} ${reply.message.text}`);
        const buttons = (reply.message.buttons ?? []).flat();
        if (buttons.length === 0) return { kind: 'idle' };
        write(buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('  '));
        write(fr.pressHint);
        return { kind: 'buttons', buttons };
      }
      case 'form': {
        write(fr.formTitle(reply.form.title));
        return askField({ kind: 'form', form: reply.form, values: {} });
      }
      case 'choices':
        write(fr.noChoice);
        return { kind: 'idle' };
      case 'post':
        await show(`${fr.channelTag(reply.channelId)} ${reply.message.text}`);
        await show(`${fr.privateTag} ${reply.confirmation.text}`);
        return { kind: 'idle' };
    }
  };

  const askField = (current: Extract<State, { kind: 'form' }>): State => {
    const field = current.form.fields[Object.keys(current.values).length];
    if (field) write(fr.fieldPrompt(field.label, field.required));
    return current;
  };

  const runCommand = async (
    spec: CommandSpec,
    given: Record<string, OptionValue>,
  ): Promise<State> => {
    // Autocompleted options, as Discord would: suggestions for what was typed, a pick by number.
    for (const option of spec.options.filter((o) => o.autocomplete)) {
      const typed = given[option.name];
      if (typed === undefined && !option.required) continue;
      const reply = await send({
        type: 'autocomplete',
        user: CONSOLE_USER,
        place,
        command: spec.name,
        option: option.name,
        query: typed === undefined ? '' : String(typed),
      });
      const choices = reply.type === 'choices' ? reply.choices : [];
      if (typed !== undefined && choices.some((c) => c.value === typed)) continue;
      if (choices.length === 1 && typed !== undefined) {
        given[option.name] = choices[0]?.value ?? String(typed);
        continue;
      }
      if (choices.length > 1 || (typed === undefined && choices.length > 0)) {
        write(fr.choose(option.description));
        for (const [i, c] of choices.entries()) write(`[${i + 1}] ${c.name}`);
        return { kind: 'choices', spec, options: given, option: option.name, choices };
      }
    }
    return render(
      await send({ type: 'command', user: CONSOLE_USER, place, name: spec.name, options: given }),
    );
  };

  const handle = async (line: string): Promise<State | 'quit'> => {
    const text = line.trim();
    if (state.kind === 'form') {
      const field = state.form.fields[Object.keys(state.values).length];
      if (!field) return { kind: 'idle' };
      if (field.required && text === '') {
        write(fr.requiredField);
        return state;
      }
      const values = { ...state.values, [field.id]: text };
      if (Object.keys(values).length < state.form.fields.length)
        return askField({ ...state, values });
      return render(
        await send({
          type: 'form',
          user: CONSOLE_USER,
          place,
          customId: state.form.customId,
          fields: values,
        }),
      );
    }
    if (text === '') return state;
    if (/^\/?(quitter|exit|quit)$/i.test(text)) return 'quit';
    const number = /^\d{1,2}$/.test(text) ? Number(text) : undefined;
    if (number !== undefined && state.kind === 'buttons') {
      const button = state.buttons[number - 1];
      if (!button) {
        write(fr.noSuchNumber(state.buttons.length));
        return state;
      }
      return render(
        await send({ type: 'button', user: CONSOLE_USER, place, customId: button.customId }),
      );
    }
    if (number !== undefined && state.kind === 'choices') {
      const choice = state.choices[number - 1];
      if (!choice) {
        write(fr.noSuchNumber(state.choices.length));
        return state;
      }
      return runCommand(state.spec, { ...state.options, [state.option]: choice.value });
    }
    if (!text.startsWith('/')) {
      write(fr.typeACommand);
      return state;
    }
    const typed = parseTypedCommand(text);
    if (!typed.ok) {
      // The core words the answer to an unknown command, as on Discord.
      return render(
        await send({ type: 'command', user: CONSOLE_USER, place, name: typed.name, options: {} }),
      );
    }
    return runCommand(typed.spec, typed.options);
  };

  // Listening before the first `await`: an input that ends meanwhile (a short pipe, a closed
  // terminal) would otherwise leave the loop below waiting forever for its end.
  const reader = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  const lines = reader[Symbol.asyncIterator]();
  options.signal?.addEventListener('abort', () => reader.close(), { once: true });
  const personId = identities.current();
  const who = personId
    ? displayNameOf(await getPerson(kernel(personId), { personId }).catch(() => undefined))
    : undefined;
  write(fr.welcome(who, personId));
  if (options.prompt) options.output.write(fr.prompt);
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    let next: State | 'quit';
    try {
      next = await handle(line);
    } catch (error) {
      // The core turns refusals into messages: what reaches here is a bug of the console.
      options.ctx.onError?.(error, {
        type: 'command',
        user: CONSOLE_USER,
        place,
        name: 'console',
        options: {},
      });
      write(fr.unexpected);
      next = { kind: 'idle' };
    }
    if (next === 'quit') break;
    state = next;
    if (options.prompt) options.output.write(state.kind === 'form' ? '' : fr.prompt);
  }
  reader.close();
  write(fr.goodbye);
}
