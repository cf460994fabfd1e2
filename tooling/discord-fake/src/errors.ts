import { RESTJSONErrorCodes } from 'discord-api-types/v10';

/** An error answered the way Discord answers it: a status and `{ code, message }`. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly errors?: unknown,
  ) {
    super(message);
  }

  body(): Record<string, unknown> {
    return this.errors === undefined
      ? { message: this.message, code: this.code }
      : { message: this.message, code: this.code, errors: this.errors };
  }
}

export const notFoundRoute = () => new DiscordError(404, 0, '404: Not Found');
export const unauthorized = () => new DiscordError(401, 0, '401: Unauthorized');
export const unknownChannel = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownChannel, 'Unknown Channel');
export const unknownMessage = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownMessage, 'Unknown Message');
export const unknownUser = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownUser, 'Unknown User');
export const unknownInteraction = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownInteraction, 'Unknown interaction');
export const unknownWebhook = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownWebhook, 'Unknown Webhook');
export const unknownApplication = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownApplication, 'Unknown Application');
export const alreadyAcknowledged = () =>
  new DiscordError(
    400,
    RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    'Interaction has already been acknowledged.',
  );
export const cannotSendToUser = () =>
  new DiscordError(
    403,
    RESTJSONErrorCodes.CannotSendMessagesToThisUser,
    'Cannot send messages to this user',
  );
export const emptyMessage = () =>
  new DiscordError(
    400,
    RESTJSONErrorCodes.CannotSendAnEmptyMessage,
    'Cannot send an empty message',
  );

/** Discord's 50035 with the field that failed, as discord.js flattens it into its message. */
export function invalidFormBody(field: string, code: string, message: string): DiscordError {
  return new DiscordError(
    400,
    RESTJSONErrorCodes.InvalidFormBodyOrContentType,
    'Invalid Form Body',
    {
      [field]: { _errors: [{ code, message }] },
    },
  );
}
export const unknownGuild = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownGuild, 'Unknown Guild');
export const unknownMember = () =>
  new DiscordError(404, RESTJSONErrorCodes.UnknownMember, 'Unknown Member');
export const missingAccess = () =>
  new DiscordError(403, RESTJSONErrorCodes.MissingAccess, 'Missing Access');
export const invalidRecipients = () =>
  new DiscordError(400, RESTJSONErrorCodes.InvalidRecipients, 'Invalid Recipient(s)');
