import type {
  APIInteractionResponseCallbackData,
  APIModalInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { emptyMessage, invalidFormBody } from '../errors.ts';
import type { CommandBody, MessageBody } from '../world.ts';

/** Discord's rule for command and option names: lower case letters or digits, `-`, `_`, ≤ 32. */
const COMMAND_NAME = /^[-_\p{Ll}\p{Lo}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Discord refuses longer nonces: a delivery id used as nonce must fit. */
const NONCE_MAX = 25;
const CONTENT_MAX = 2000;

/** A message body (create or edit) as Discord checks it: length, nonce, not empty. */
export function validateMessage(body: unknown, creating: boolean): MessageBody {
  const message = (body ?? {}) as MessageBody & APIInteractionResponseCallbackData;
  if (typeof message.content === 'string' && message.content.length > CONTENT_MAX) {
    throw invalidFormBody(
      'content',
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${CONTENT_MAX} or fewer in length.`,
    );
  }
  if (typeof message.nonce === 'string' && message.nonce.length > NONCE_MAX) {
    throw invalidFormBody(
      'nonce',
      'BASE_TYPE_MAX_LENGTH',
      `Must be ${NONCE_MAX} or fewer in length.`,
    );
  }
  const empty = !message.content && !message.embeds?.length && !message.components?.length;
  if (creating && empty) throw emptyMessage();
  return message;
}

/** A modal as Discord checks it: a custom id, a title, 1 to 5 components. */
export function validateModal(data: unknown): APIModalInteractionResponseCallbackData {
  const modal = (data ?? {}) as Partial<APIModalInteractionResponseCallbackData>;
  if (
    !modal.custom_id ||
    !modal.title ||
    !Array.isArray(modal.components) ||
    modal.components.length === 0
  ) {
    throw invalidFormBody(
      'data',
      'MODAL_INVALID',
      'A modal needs a custom_id, a title and 1 to 5 components.',
    );
  }
  if (modal.components.length > 5)
    throw invalidFormBody(
      'data.components',
      'BASE_TYPE_MAX_LENGTH',
      'Must be 5 or fewer in length.',
    );
  return modal as APIModalInteractionResponseCallbackData;
}

/** A command of a bulk overwrite: Discord's name and description rules. */
export function validateCommand(command: CommandBody, index: number): void {
  if (typeof command.name !== 'string' || !COMMAND_NAME.test(command.name)) {
    throw invalidFormBody(
      `${index}.name`,
      'APPLICATION_COMMAND_INVALID_NAME',
      'Command name is invalid',
    );
  }
  const description = command.description ?? '';
  if (description.length < 1 || description.length > 100) {
    throw invalidFormBody(
      `${index}.description`,
      'BASE_TYPE_BAD_LENGTH',
      'Must be between 1 and 100 in length.',
    );
  }
  const options = (command.options ?? []) as CommandBody[];
  if (options.length > 25)
    throw invalidFormBody(
      `${index}.options`,
      'BASE_TYPE_MAX_LENGTH',
      'Must be 25 or fewer in length.',
    );
  options.forEach((option, i) => {
    if (!COMMAND_NAME.test(option.name ?? '')) {
      throw invalidFormBody(
        `${index}.options.${i}.name`,
        'APPLICATION_COMMAND_INVALID_NAME',
        'Command name is invalid',
      );
    }
  });
}
