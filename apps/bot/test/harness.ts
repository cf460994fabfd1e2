import { createStore, type Database, timeOrderedIds } from '@maille/db';
import { openTestDatabase, testDialect } from '@maille/db/testing';
import { seedDemo } from '@maille/demo';
import type { Delivery } from '@maille/domain';
import type { Store, UseCaseContext } from '@maille/domain/use-cases';
import type {
  ChatEvent,
  ChatPlace,
  ChatUser,
  OptionValue,
  Reply,
} from '../src/conversation/chat.ts';
import { converse } from '../src/conversation/converse.ts';
import type { ConverseContext } from '../src/conversation/session.ts';

/** The instant the demo is seeded at; the bot's clock stands still on it. */
export const NOW = '2026-11-24T09:00:00.000Z';

export interface TestBot {
  ctx: ConverseContext;
  database: Database;
  /** The kernel's context as a person, to set up and check what the bot did. */
  kernel(personId: string): UseCaseContext;
  /** What a user gets for a command typed with these options. */
  command(
    user: ChatUser,
    name: string,
    options?: Record<string, OptionValue>,
    place?: ChatPlace,
  ): Promise<Reply>;
  send(event: ChatEvent): Promise<Reply>;
  drop(): Promise<void>;
}

/** The conversation core over a fresh database of the run's dialect, seeded with the demo. */
export async function openTestBot(): Promise<TestBot> {
  const test = await openTestDatabase(testDialect());
  const { database } = test;
  await seedDemo(createStore(database), NOW);
  const store = createStore(database);
  const ids = timeOrderedIds();
  const clock = () => NOW;
  const errors: unknown[] = [];
  const ctx: ConverseContext = {
    store,
    clock,
    ids,
    webUrl: 'http://maille.test',
    onError: (error) => errors.push(error),
  };
  const send = async (event: ChatEvent) => {
    const reply = await converse(ctx, event);
    // An unexpected error is a bug of the bot: no test may pass over one silently.
    const bug = errors.shift();
    if (bug !== undefined) throw bug;
    return reply;
  };
  return {
    ctx,
    database,
    kernel: (personId) => ({ store, clock, ids, actor: { personId, channel: 'cli' } }),
    send,
    command: (user, name, options = {}, place = {}) =>
      send({ type: 'command', user, place, name, options }),
    drop: () => test.drop(),
  };
}

/** A Discord user of the tests. */
export function discordUser(userId: string, displayName = 'Testeur'): ChatUser {
  return { platform: 'discord', userId, displayName };
}

/** The text of a message reply (fails the test on another kind of reply). */
export function textOf(reply: Reply): string {
  if (reply.type !== 'message' && reply.type !== 'update')
    throw new Error(`Un message était attendu, pas ${JSON.stringify(reply)}`);
  return reply.message.text;
}

/**
 * A reminder already sent to a person, stored as the dispatcher leaves it (a day to answer): the
 * buttons under it name it.
 */
export async function storeSentReminder(
  store: Store,
  reminder: {
    id: string;
    governanceId: string;
    personId: string;
    subject: { type: 'milestone' | 'action'; id: string };
  },
): Promise<Delivery> {
  const delivery: Delivery = {
    id: reminder.id,
    dedupeKey: `test:${reminder.id}`,
    governanceId: reminder.governanceId,
    kind: reminder.subject.type === 'action' ? 'action_checkin' : 'milestone_reminder',
    recipient: { type: 'person', personId: reminder.personId },
    subject: reminder.subject,
    dueAt: NOW,
    expiresAt: new Date(Date.parse(NOW) + 86_400_000).toISOString(),
    status: 'sent',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
  await store.transaction((repos) => repos.deliveries.insertIfAbsent([delivery]));
  return delivery;
}
