import { DomainError, ValidationError } from '@maille/domain';
import { fr } from '../messages/fr.ts';

/** A refusal the bot explains itself, in French: shown to the user as is, privately. */
export class ChatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatError';
  }
}

/**
 * An option of a command is missing or unreadable: explained like a `ChatError`, followed by an
 * example of the whole command, so the person sees the syntax expected.
 */
export class OptionError extends ChatError {
  constructor(message: string) {
    super(message);
    this.name = 'OptionError';
  }
}

/** What a person reads for a refusal of the bot or of the kernel; `undefined` for a bug. */
export function refusalOf(error: unknown): string | undefined {
  if (error instanceof ChatError) return error.message;
  if (error instanceof ValidationError)
    return fr.invalid(
      error.issues.length > 0 ? error.issues.map((i) => i.message) : [error.message],
    );
  if (error instanceof DomainError) return fr.refused(error.message);
  return undefined;
}
