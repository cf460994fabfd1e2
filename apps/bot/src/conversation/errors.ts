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
