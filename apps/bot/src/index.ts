/**
 * The chat bot of Maille: the chat (Discord or the console) and the reminder dispatcher, as
 * `maille start` runs them beside the API, and the contract of the conversation core. When the
 * person leaves the console chat, `RunningChat.ended` resolves with `quit`: the host stops.
 */

export type { ConsoleChatEnd } from './adapters/console/console-chat.ts';
export { discordSender } from './adapters/discord/sender.ts';
export { type RunningChat, startChat } from './chat-runner.ts';
export type * from './conversation/chat.ts';
export { consoleSender } from './dispatcher/console-sender.ts';
export { createDispatcher, type Dispatcher } from './dispatcher/dispatcher.ts';
export { dispatchSettings } from './env.ts';
export type { MailSender } from './mail/mail-sender.ts';
export { mailFromOf, mailSenderOf } from './mail/mail-sender-of.ts';
export { renderSignInMail } from './mail/sign-in-mail.ts';
