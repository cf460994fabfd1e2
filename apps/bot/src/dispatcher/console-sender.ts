import type { OutgoingMessage } from '../conversation/chat.ts';
import { fr } from '../messages/fr.ts';
import type { ChatSender } from './sender.ts';

/**
 * A `ChatSender` that prints what it would send, for running the dispatcher without Discord.
 * Discord timestamps stay as they are (`<t:…:F>`): the console adapter renders them, not this.
 *
 * @example
 * createDispatcher({ database, sender: consoleSender() }).start();
 */
export function consoleSender(write: (text: string) => void = console.log): ChatSender {
  let next = 0;
  const print = (to: string, message: OutgoingMessage, nonce: string) => {
    const buttons = (message.buttons ?? [])
      .map((row) => row.map((button) => `[${button.label}]`).join(' '))
      .join('\n');
    write([`── ${to} (${nonce})`, message.text, ...(buttons ? [buttons] : []), ''].join('\n'));
    next++;
    return Promise.resolve({ messageId: `console-${next}` });
  };
  return {
    sendDirect: (userId, message, nonce) =>
      print(fr.dispatcher.wouldSendDirect(userId), message, nonce),
    sendToChannel: (channelId, message, nonce) =>
      print(fr.dispatcher.wouldSendToChannel(channelId), message, nonce),
  };
}
