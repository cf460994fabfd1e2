import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { DEFAULT_TIME_ZONE, displayNameOf } from '@maille/domain';
import { getPerson, listMyWork, redeemChatLinkCode } from '@maille/domain/use-cases';
import type { CommandDefinition } from '../../commands/command.ts';
import type {
  Button,
  ChatEvent,
  ChatPlace,
  ChatUser,
  Form,
  OptionValue,
  Reply,
} from '../../conversation/chat.ts';
import { converse } from '../../conversation/converse.ts';
import { type ChatIdentities, type ConverseContext, kernelAs } from '../../conversation/session.ts';
import { checkInField } from '../../interactions/check-in-form.ts';
import { fr } from '../../messages/fr.ts';
import { renderMarkdown } from './markdown.ts';
import { renderTimestamps } from './timestamps.ts';
import { parseTypedCommand } from './typed-command.ts';

const texts = fr.console;

export interface ConsoleChatOptions {
  /** The conversation core's context; the console brings its own identities. */
  ctx: Omit<ConverseContext, 'identities'>;
  input: Readable;
  output: Writable;
  /** The person the console speaks as from the start (linked as if by `/lier`); none: unlinked. */
  personId?: string | undefined;
  /** Where the console pretends to be: a server channel (for `/configurer`) or a direct message. */
  place?: ChatPlace;
  /**
   * A person at a terminal: a prompt, line editing and history (arrow keys), Discord's markdown
   * in ANSI styles. Off (pipes, tests): plain lines in, plain text out.
   */
  terminal?: boolean;
  /** Ends the chat from outside (the program is stopping), as the end of its input would. */
  signal?: AbortSignal;
}

/**
 * How the console chat ended: `quit` — the person typed `/quitter`; `input-ended` — Ctrl+D in a
 * terminal, or the end of a piped input; `stopped` — the program stopped it (`signal`).
 */
export type ConsoleChatEnd = 'quit' | 'input-ended' | 'stopped';

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
  ctx: Omit<ConverseContext, 'identities'>,
  personId?: string,
): ChatIdentities & { current(): string | undefined } {
  let current = personId;
  return {
    current: () => current,
    find: async () => current,
    linkWithCode: async (user, code) => {
      const redeemed = await redeemChatLinkCode(kernelAs(ctx, user, undefined), { code });
      if (redeemed) current = redeemed.personId;
      return redeemed?.personId;
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
      spec: CommandDefinition;
      options: Record<string, OptionValue>;
      option: string;
      choices: { name: string; value: string }[];
    }
  /** A required option the command line lacked, asked on its own line. */
  | {
      kind: 'option';
      spec: CommandDefinition;
      options: Record<string, OptionValue>;
      option: string;
    }
  /** A form being filled, field by field; `again`: the field's refused text, to edit. */
  | { kind: 'form'; form: Form; values: Record<string, string>; again?: string };

/**
 * A terminal chat with the bot: type `/jalons`, `/point`, press a button by typing its number,
 * fill a form one field per line (each checked as it is typed). Every reply comes from the same
 * conversation core as Discord's; `<t:…>` timestamps are shown in the governance's time zone.
 * Resolves when the person quits (`/quitter`, Ctrl+D, the end of the input) or when `signal`
 * stops it, saying which: the host then stops what runs beside it.
 *
 * @example
 * const end = await runConsoleChat({ ctx, input: process.stdin, output: process.stdout, terminal: true });
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<ConsoleChatEnd> {
  const identities = consoleIdentities(options.ctx, options.personId);
  const ctx: ConverseContext = { ...options.ctx, identities };
  const place = options.place ?? {};
  const terminal = options.terminal === true;
  const write = (text: string) => options.output.write(`${text}\n`);
  let state: State = { kind: 'idle' };

  const kernel = (personId: string) => kernelAs(ctx, CONSOLE_USER, personId);

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

  const show = async (text: string) => {
    const timed = renderTimestamps(text, await timeZone(), new Date(ctx.clock()));
    write(renderMarkdown(timed, terminal ? 'ansi' : 'plain'));
  };

  const send = async (event: ChatEvent) => converse(ctx, event);

  const render = async (reply: Reply): Promise<State> => {
    switch (reply.type) {
      case 'message':
      case 'update': {
        const tag =
          reply.type === 'update'
            ? texts.updated
            : reply.private
              ? texts.privateTag
              : texts.publicTag;
        await show(`${tag} ${reply.message.text}`);
        const buttons = (reply.message.buttons ?? []).flat();
        if (buttons.length === 0) return { kind: 'idle' };
        write(buttons.map((b, i) => `[${i + 1}] ${b.label}`).join('  '));
        write(texts.pressHint);
        return { kind: 'buttons', buttons };
      }
      case 'form': {
        write(texts.formTitle(reply.form.title));
        return askField({ kind: 'form', form: reply.form, values: {} });
      }
      case 'choices':
        write(texts.noChoice);
        return { kind: 'idle' };
      case 'post':
        await show(`${texts.channelTag(reply.channelId)} ${reply.message.text}`);
        await show(`${texts.privateTag} ${reply.confirmation.text}`);
        return { kind: 'idle' };
    }
  };

  const askField = (current: Extract<State, { kind: 'form' }>): State => {
    const field = current.form.fields[Object.keys(current.values).length];
    if (field) write(texts.fieldPrompt(field.label, field.required));
    return current;
  };

  /** A field typed: checked at once; refused, it is asked again and the form goes on. */
  const fillField = async (current: Extract<State, { kind: 'form' }>, text: string) => {
    const { form, values } = current;
    const field = form.fields[Object.keys(values).length];
    if (!field) return { kind: 'idle' } as const;
    const refuse = (message: string, again?: string): State => {
      write(message);
      return askField({ form, values, kind: 'form', ...(again === undefined ? {} : { again }) });
    };
    if (field.required && text === '') return refuse(texts.requiredField);
    if (field.maxLength !== undefined && text.length > field.maxLength)
      return refuse(texts.tooLong(text.length, field.maxLength, terminal), text);
    const checked = checkInField(form.customId, field.id, text);
    if (!checked.ok) return refuse(`${checked.error}\n${texts.fieldAgain}`, text);
    const filled = { ...values, [field.id]: text };
    if (Object.keys(filled).length < form.fields.length)
      return askField({ kind: 'form', form, values: filled });
    return render(
      await send({
        type: 'form',
        user: CONSOLE_USER,
        place,
        customId: form.customId,
        fields: filled,
      }),
    );
  };

  const runCommand = async (
    spec: CommandDefinition,
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
        write(texts.choose(option.description));
        for (const [i, c] of choices.entries()) write(`[${i + 1}] ${c.name}`);
        return { kind: 'choices', spec, options: given, option: option.name, choices };
      }
    }
    // A required option left out is asked for, keeping what the line gave.
    const missing = spec.options.find((o) => o.required && given[o.name] === undefined);
    if (missing) {
      write(texts.askOption(missing.description));
      return { kind: 'option', spec, options: given, option: missing.name };
    }
    return render(
      await send({ type: 'command', user: CONSOLE_USER, place, name: spec.name, options: given }),
    );
  };

  const handle = async (line: string): Promise<State | 'quit'> => {
    const text = line.trim();
    if (state.kind === 'form') return fillField(state, text);
    if (state.kind === 'option') {
      if (text === '') {
        write(texts.abandoned);
        return { kind: 'idle' };
      }
      return runCommand(state.spec, { ...state.options, [state.option]: text });
    }
    if (text === '') return state;
    if (/^\/?(quitter|exit|quit)$/i.test(text)) return 'quit';
    const number = /^\d{1,2}$/.test(text) ? Number(text) : undefined;
    if (number !== undefined && state.kind === 'buttons') {
      const button = state.buttons[number - 1];
      if (!button) {
        write(texts.noSuchNumber(state.buttons.length));
        return state;
      }
      return render(
        await send({ type: 'button', user: CONSOLE_USER, place, customId: button.customId }),
      );
    }
    if (number !== undefined && state.kind === 'choices') {
      const choice = state.choices[number - 1];
      if (!choice) {
        write(texts.noSuchNumber(state.choices.length));
        return state;
      }
      return runCommand(state.spec, { ...state.options, [state.option]: choice.value });
    }
    if (!text.startsWith('/')) {
      write(texts.typeACommand);
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
  // terminal) would otherwise leave the loop below waiting forever for its end. In a terminal,
  // readline edits the line (arrows, history) and reads it whole, past the terminal's own line
  // buffer of 4 096 bytes: a long pasted text arrives uncut.
  const reader = createInterface({
    input: options.input,
    ...(terminal ? { output: options.output, terminal: true, historySize: 200 } : {}),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const lines = reader[Symbol.asyncIterator]();
  let stopped = false;
  const stop = () => {
    stopped = true;
    reader.close();
  };
  if (options.signal?.aborted) stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  // In a terminal, Ctrl+C reaches readline as a key: it becomes the signal it would have been,
  // which the host handles (it stops everything).
  reader.on('SIGINT', () => process.kill(process.pid, 'SIGINT'));
  const prompt = () => {
    if (!terminal) return;
    reader.setPrompt(state.kind === 'form' || state.kind === 'option' ? '' : texts.prompt);
    reader.prompt();
    // A refused field comes back on the line, to be corrected rather than typed again.
    if (state.kind === 'form' && state.again !== undefined) reader.write(state.again);
  };

  const personId = identities.current();
  const who = personId
    ? displayNameOf(await getPerson(kernel(personId), { personId }).catch(() => undefined))
    : undefined;
  write(texts.welcome(who, personId));
  prompt();
  let end: ConsoleChatEnd = 'input-ended';
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
      write(texts.unexpected);
      next = { kind: 'idle' };
    }
    if (next === 'quit') {
      end = 'quit';
      break;
    }
    state = next;
    prompt();
  }
  options.signal?.removeEventListener('abort', stop);
  reader.close();
  write(texts.goodbye);
  return stopped ? 'stopped' : end;
}
