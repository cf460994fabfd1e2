import { handleChatInteraction } from '@maille/domain/use-cases';
import { commandCall } from '../commands/command.ts';
import { COMMANDS, commandNamed } from '../commands/index.ts';
import { pressButton } from '../interactions/buttons.ts';
import { submitCheckIn } from '../interactions/check-in-form.ts';
import { fr } from '../messages/fr.ts';
import type { ChatEvent, Reply } from './chat.ts';
import { ChatError, OptionError, refusalOf } from './errors.ts';
import { privately } from './format.ts';
import type { ConverseContext } from './session.ts';

/**
 * Answers one chat event: a command, an autocomplete request, a button pressed, a form
 * submitted. Knows nothing of Discord. Every refusal or error becomes a French message only the
 * user sees; an unexpected error is reported to `onError` and never shown as a stack trace.
 *
 * An event with an `interactionId` is handled once: what it writes, its id and its reply commit
 * together; the same interaction delivered again writes nothing and gets the first reply. A
 * refusal writes nothing, so it is not kept: a copy is refused again.
 *
 * @example
 * const reply = await converse(ctx, { type: 'command', user, place: {}, name: 'jalons', options: {} });
 */
export async function converse(ctx: ConverseContext, event: ChatEvent): Promise<Reply> {
  try {
    // Suggestions write nothing: they are answered as often as asked, and fast.
    if (event.type === 'autocomplete' || event.interactionId === undefined)
      return await route(ctx, event);
    const outcome = await handleChatInteraction(
      ctx,
      { interactionId: event.interactionId },
      (store) => route({ ...ctx, store }, event),
    );
    return outcome.replayed ? repeated(outcome.reply as Reply | undefined) : outcome.reply;
  } catch (error) {
    if (event.type === 'autocomplete') return { type: 'choices', choices: [] };
    const refusal = refusalOf(error);
    if (refusal !== undefined) return privately(refusal);
    ctx.onError?.(error, event);
    return privately(fr.unexpected);
  }
}

async function route(ctx: ConverseContext, event: ChatEvent): Promise<Reply> {
  switch (event.type) {
    case 'command': {
      const command = commandNamed(event.name);
      if (!command) return privately(fr.unknownCommand(event.name));
      try {
        return await command.execute(commandCall(command, COMMANDS, { ctx, ...event }));
      } catch (error) {
        // A refused option is followed by the command as it should be written.
        if (error instanceof OptionError)
          throw new ChatError(`${error.message}\n${fr.example(command.texts.example)}`);
        throw error;
      }
    }
    case 'autocomplete': {
      const command = commandNamed(event.command);
      const choices = await command?.autocomplete?.({ ctx, ...event });
      return { type: 'choices', choices: choices ?? [] };
    }
    case 'button':
      return pressButton(ctx, event.user, event.customId);
    case 'form':
      return submitCheckIn(ctx, event.user, event.customId, event.fields);
  }
}

/** The first reply, given again; a post already made is only confirmed, never made twice. */
function repeated(first: Reply | undefined): Reply {
  if (first === undefined) return privately(fr.alreadyNoted);
  if (first.type === 'post') return { type: 'message', message: first.confirmation, private: true };
  return first;
}
