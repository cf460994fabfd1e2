/** The chat bot of Maille: the conversation core's contract, for adapters and the dispatcher. */
export type * from './conversation/chat.ts';
