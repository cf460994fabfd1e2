import { DomainError, ValidationError } from '@maille/domain';
import { commandCall } from '../commands/command.ts';
import { COMMANDS, commandNamed } from '../commands/index.ts';
import { pressButton } from '../interactions/buttons.ts';
import { submitCheckIn } from '../interactions/check-in-form.ts';
import { fr } from '../messages/fr.ts';
import type { ChatEvent, Reply } from './chat.ts';
import { ChatError, OptionError } from './errors.ts';
import { privately } from './format.ts';
import type { ConverseContext } from './session.ts';

/**
 * Answers one chat event: a command, an autocomplete request, a button pressed, a form
 * submitted. Knows nothing of Discord. Every refusal or error becomes a French message only the
 * user sees; an unexpected error is reported to `onError` and never shown as a stack trace.
 *
 * @example
 * const reply = await converse(ctx, { type: 'command', user, place: {}, name: 'jalons', options: {} });
 */
export async function converse(ctx: ConverseContext, event: ChatEvent): Promise<Reply> {
  try {
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
        return await pressButton(ctx, event.user, event.customId);
      case 'form':
        return await submitCheckIn(ctx, event.user, event.customId, event.fields);
    }
  } catch (error) {
    if (event.type === 'autocomplete') return { type: 'choices', choices: [] };
    return privately(explain(ctx, error, event));
  }
}

function explain(ctx: ConverseContext, error: unknown, event: ChatEvent): string {
  if (error instanceof ChatError) return error.message;
  if (error instanceof ValidationError)
    return fr.invalid(
      error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message],
    );
  if (error instanceof DomainError) return fr.refused(error.message);
  ctx.onError?.(error, event);
  return fr.unexpected;
}
