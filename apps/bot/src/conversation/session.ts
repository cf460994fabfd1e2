import { displayNameOf, type IdGenerator } from '@maille/domain';
import {
  type Clock,
  getPerson,
  linkChatAccountWithCode,
  type Store,
  type UseCaseContext,
  unlinkChatAccount,
} from '@maille/domain/use-cases';
import { fr } from '../messages/fr.ts';
import type { ChatEvent, ChatUser } from './chat.ts';
import { ChatError } from './errors.ts';

/** Who a chat user is, for the bot: a person of the kernel, or nobody yet. */
export interface ChatIdentities {
  /** The person this chat user speaks as, if linked. */
  find(user: ChatUser): Promise<string | undefined>;
  /**
   * Links the user to the person a one-time code was issued for; that person, or `undefined` for
   * a code that is malformed, unknown, expired or spent. An account taken by someone else is a
   * `ConflictError`, and the code is not spent.
   */
  linkWithCode(user: ChatUser, code: string): Promise<string | undefined>;
  unlink(user: ChatUser, personId: string): Promise<void>;
}

/** Where the web workspace answers when nothing else is said: the API's default address here. */
export const DEFAULT_WEB_URL = 'http://localhost:3000';

/** What the conversation core needs: the kernel's storage, the clock and ids. */
export interface ConverseContext {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /**
   * Where people open the web workspace (`https://…`, no trailing slash): sign-in links start
   * with it. Absent (Discord without `WEB_URL`): `/connexion` says the address is not set.
   */
  webUrl?: string | undefined;
  /** Who is who; the chat accounts of the kernel's persons when absent. */
  identities?: ChatIdentities;
  /** Told of an unexpected error (a bug): the user only gets a polite message. */
  onError?: (error: unknown, event: ChatEvent) => void;
}

/** A linked user: the person they speak as, and the kernel acting as them. */
export interface Session {
  personId: string;
  kernel: UseCaseContext;
}

/** The chat accounts of the kernel's persons: Discord users, linked by `/lier`. */
function kernelIdentities(ctx: Omit<ConverseContext, 'identities'>): ChatIdentities {
  return {
    async find(user) {
      if (user.platform !== 'discord') return undefined;
      const person = await ctx.store.transaction((repos) =>
        repos.persons.findByChatAccount('discord', user.userId),
      );
      return person && !person.erasedAt ? person.id : undefined;
    },
    async linkWithCode(user, code) {
      // Nobody is known yet: the code is the credential.
      const linked = await linkChatAccountWithCode(kernelAs(ctx, user, undefined), {
        code,
        platform: 'discord',
        userId: user.userId,
      });
      return linked?.id;
    },
    async unlink(user, personId) {
      await unlinkChatAccount(kernelAs(ctx, user, personId), { personId, platform: 'discord' });
    },
  };
}

export function identitiesOf(ctx: ConverseContext): ChatIdentities {
  return ctx.identities ?? kernelIdentities(ctx);
}

/** The kernel's context acting as a person, through the chat. */
export function kernelAs(
  ctx: Omit<ConverseContext, 'identities'>,
  user: ChatUser,
  personId: string | undefined,
): UseCaseContext {
  return {
    store: ctx.store,
    clock: ctx.clock,
    ids: ctx.ids,
    // The console is a way to try the bot from a terminal: what it writes is signed as such.
    actor: {
      ...(personId === undefined ? {} : { personId }),
      channel: user.platform === 'discord' ? 'discord' : 'cli',
    },
  };
}

/** A linked user, with their kernel context; an unlinked one is told how to link. */
export async function sessionOf(ctx: ConverseContext, user: ChatUser): Promise<Session> {
  const personId = await identitiesOf(ctx).find(user);
  if (!personId) throw new ChatError(fr.unlinked);
  return { personId, kernel: kernelAs(ctx, user, personId) };
}

/** How a person is named to others. */
export async function nameOf(kernel: UseCaseContext, personId: string): Promise<string> {
  return displayNameOf(await getPerson(kernel, { personId }));
}
