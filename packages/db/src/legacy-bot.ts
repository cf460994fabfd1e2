import {
  type Actor,
  claimChatAnswer as claimAnswer,
  createApiKey as createKey,
  issueChatLinkCode as issueCode,
  redeemChatLinkCode as redeemCode,
  releaseChatAnswer as releaseAnswer,
  restoreChatLinkCode as restoreCode,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import type { Database } from './connection.ts';
import { randomIds } from './random-ids.ts';
import { createStore } from './store.ts';

/*
 * The calls apps/bot still makes with a database, each a thin delegate to the kernel's use case of
 * the same name (`@maille/domain/use-cases`), which is the one implementation. The bot is being
 * rewritten in parallel: once it calls the use cases with its own context, delete this file.
 */

const ADMIN: Actor = { instanceAdmin: true, channel: 'cli' };

function as(database: Database, now: string, actor: Actor): UseCaseContext {
  return { store: createStore(database), clock: () => now, ids: randomIds(), actor };
}

/** @deprecated Use the kernel's `issueChatLinkCode(ctx, { personId })`. */
export function issueChatLinkCode(database: Database, input: { personId: string; now: string }) {
  return issueCode(as(database, input.now, ADMIN), { personId: input.personId });
}

/** @deprecated Use the kernel's `redeemChatLinkCode(ctx, { code })`. */
export function redeemChatLinkCode(database: Database, code: string, now: string) {
  return redeemCode(as(database, now, { channel: 'discord' }), { code });
}

/** @deprecated Use the kernel's `restoreChatLinkCode(ctx, { code })`. */
export function restoreChatLinkCode(database: Database, code: string) {
  return restoreCode(as(database, new Date().toISOString(), { channel: 'discord' }), { code });
}

/** @deprecated Use the kernel's `claimChatAnswer(ctx, { deliveryId, verb })`, acting as the person. */
export function claimChatAnswer(
  database: Database,
  answer: { deliveryId: string; personId: string; verb: string; now: string },
) {
  const actor: Actor = { personId: answer.personId, channel: 'discord' };
  return claimAnswer(as(database, answer.now, actor), answer);
}

/** @deprecated Use the kernel's `releaseChatAnswer(ctx, { deliveryId })`, acting as the person. */
export async function releaseChatAnswer(database: Database, deliveryId: string): Promise<void> {
  // The old call did not say whose answer it was: find it, and release it as its author.
  const answerer = await database.db
    .withTables<{ chat_answers: { delivery_id: string; person_id: string } }>()
    .selectFrom('chat_answers')
    .select('person_id')
    .where('delivery_id', '=', deliveryId)
    .executeTakeFirst();
  if (!answerer) return;
  const actor: Actor = { personId: answerer.person_id, channel: 'discord' };
  await releaseAnswer(as(database, new Date().toISOString(), actor), { deliveryId });
}

/** @deprecated Use the kernel's `createApiKey(ctx, { personId, label, instanceAdmin })`. */
export async function createApiKey(
  database: Database,
  input: { personId?: string; label: string; instanceAdmin: boolean; now: string },
): Promise<{ id: string; token: string }> {
  const { now, ...key } = input;
  const { key: created, token } = await createKey(as(database, now, ADMIN), key);
  return { id: created.id, token };
}
