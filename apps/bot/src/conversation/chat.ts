/**
 * The words every chat adapter speaks with the conversation core. The core knows nothing of
 * Discord: an adapter turns what its platform receives into a `ChatEvent`, asks the core, and
 * renders the `Reply` (Discord: an interaction response; the console: lines in a terminal).
 */

/** Someone on a chat platform, as the adapter knows them. */
export interface ChatUser {
  platform: 'discord' | 'console';
  userId: string;
  displayName: string;
}

/** Where an event happened: a server (guild) and channel, or a direct message (neither). */
export interface ChatPlace {
  guildId?: string;
  channelId?: string;
}

export type OptionValue = string | number | boolean;

/**
 * What happened. `interactionId`: the platform's id of this interaction (Discord's), when it has
 * one: an interaction delivered twice is then handled once (see `converse`).
 */
export type ChatEvent = (
  | {
      type: 'command';
      user: ChatUser;
      place: ChatPlace;
      name: string;
      options: Record<string, OptionValue>;
    }
  | {
      type: 'autocomplete';
      user: ChatUser;
      place: ChatPlace;
      command: string;
      option: string;
      query: string;
    }
  | { type: 'button'; user: ChatUser; place: ChatPlace; customId: string }
  | {
      type: 'form';
      user: ChatUser;
      place: ChatPlace;
      customId: string;
      fields: Record<string, string>;
    }
) & { interactionId?: string };

export interface Button {
  customId: string;
  label: string;
  style: 'primary' | 'secondary' | 'success' | 'danger';
}

/** A form (Discord: a modal) of at most 5 text fields. */
export interface Form {
  customId: string;
  title: string;
  fields: {
    id: string;
    label: string;
    style: 'short' | 'paragraph';
    required: boolean;
    value?: string;
    maxLength?: number;
  }[];
}

/**
 * What a message says: Markdown text, and rows of buttons (at most 5 rows of 5). Times are
 * written as Discord timestamps (`<t:1764000000:F>`) so each reader sees their local time.
 */
export interface OutgoingMessage {
  text: string;
  buttons?: Button[][];
}

export type Reply =
  /** A message; `private`: only the user who asked sees it. */
  | { type: 'message'; message: OutgoingMessage; private: boolean }
  | { type: 'form'; form: Form }
  /** Autocomplete suggestions, at most 25. */
  | { type: 'choices'; choices: { name: string; value: string }[] }
  /** Edits the message whose button was pressed. */
  | { type: 'update'; message: OutgoingMessage }
  /**
   * Posts `message` in another channel (the governance's community channel), and tells only the
   * user `confirmation`.
   */
  | { type: 'post'; channelId: string; message: OutgoingMessage; confirmation: OutgoingMessage };
