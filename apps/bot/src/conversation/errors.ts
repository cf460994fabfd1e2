/** A refusal the bot explains itself, in French: shown to the user as is, privately. */
export class ChatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChatError';
  }
}
