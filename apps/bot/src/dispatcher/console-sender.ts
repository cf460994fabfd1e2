import { DEFAULT_TIME_ZONE } from '@maille/domain';
import { renderMarkdown } from '../adapters/console/markdown.ts';
import { renderTimestamps } from '../adapters/console/timestamps.ts';
import type { OutgoingMessage } from '../conversation/chat.ts';
import { fr } from '../messages/fr.ts';
import type { ChatSender } from './sender.ts';

/**
 * A `ChatSender` that prints what it would send, for running the dispatcher without Discord: its
 * markdown as plain words and its timestamps in Paris time, as a terminal can show them.
 *
 * @example
 * createDispatcher({ database, sender: consoleSender() }).start();
 */
export function consoleSender(
  write: (text: string) => void = console.log,
  now: () => Date = () => new Date(),
): ChatSender {
  let next = 0;
  const print = (to: string, message: OutgoingMessage, nonce: string) => {
    const text = renderMarkdown(renderTimestamps(message.text, DEFAULT_TIME_ZONE, now()), 'plain');
    const buttons = (message.buttons ?? [])
      .map((row) => row.map((button) => `[${button.label}]`).join(' '))
      .join('\n');
    write([`── ${to} (${nonce})`, text, ...(buttons ? [buttons] : []), ''].join('\n'));
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
