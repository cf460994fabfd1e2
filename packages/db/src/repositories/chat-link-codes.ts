import { randomInt } from 'node:crypto';
import {
  CHAT_LINK_CODE_ALPHABET,
  CHAT_LINK_CODE_LENGTH,
  type ChatAnswerRepository,
  type ChatInteractionRepository,
  type ChatLinkCodeRepository,
} from '@maille/domain/use-cases';
import type { Kysely } from 'kysely';
import type { Tx } from './rows.ts';
import { hashSecret } from './secrets.ts';

/** The chat bot's tables, kept here with the only code that reads them. */
type ChatTables = {
  chat_link_codes: {
    code_hash: string;
    person_id: string;
    issued_by: string | null;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  chat_answers: {
    delivery_id: string;
    person_id: string;
    verb: string;
    answered_at: string;
  };
  chat_interactions: {
    interaction_id: string;
    handled_at: string;
    reply: string | null;
  };
};

/** One-time codes linking a chat account to a person; only a SHA-256 of each is stored. */
export function chatLinkCodeRepository(tx: Tx): ChatLinkCodeRepository {
  const db = tx.withTables<ChatTables>();
  return {
    async issue(code) {
      let raw = '';
      for (let i = 0; i < CHAT_LINK_CODE_LENGTH; i++) {
        raw += CHAT_LINK_CODE_ALPHABET[randomInt(CHAT_LINK_CODE_ALPHABET.length)];
      }
      await db
        .insertInto('chat_link_codes')
        .values({
          code_hash: hashSecret(raw),
          person_id: code.personId,
          issued_by: code.issuedBy ?? null,
          created_at: code.createdAt,
          expires_at: code.expiresAt,
          used_at: null,
        })
        .execute();
      return raw;
    },
    async redeem(code, at) {
      const hash = hashSecret(code);
      // One statement: of two concurrent redemptions, the second finds the code spent.
      const spent = await db
        .updateTable('chat_link_codes')
        .set({ used_at: at })
        .where('code_hash', '=', hash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return undefined;
      const row = await db
        .selectFrom('chat_link_codes')
        .select('person_id')
        .where('code_hash', '=', hash)
        .executeTakeFirstOrThrow();
      return { personId: row.person_id };
    },
  };
}

/** The answers to reminders' buttons, one per delivery. */
export function chatAnswerRepository(tx: Tx): ChatAnswerRepository {
  const db = tx.withTables<ChatTables>();
  return {
    async claim(answer) {
      const inserted = await db
        .insertInto('chat_answers')
        .values({
          delivery_id: answer.deliveryId,
          person_id: answer.personId,
          verb: answer.verb,
          answered_at: answer.answeredAt,
        })
        .onConflict((conflict) => conflict.column('delivery_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
  };
}

/** Discord accepts an answer to an interaction for 15 minutes: a day covers every replay. */
const INTERACTION_MEMORY_MS = 86_400_000;

/** The chat interactions handled, with the reply each got. */
export function chatInteractionRepository(tx: Tx): ChatInteractionRepository {
  const db = tx.withTables<ChatTables>();
  return {
    async claim(interactionId, at) {
      const forgotten = new Date(Date.parse(at) - INTERACTION_MEMORY_MS).toISOString();
      await db.deleteFrom('chat_interactions').where('handled_at', '<', forgotten).execute();
      const inserted = await db
        .insertInto('chat_interactions')
        .values({ interaction_id: interactionId, handled_at: at, reply: null })
        .onConflict((conflict) => conflict.column('interaction_id').doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    async saveReply(interactionId, reply) {
      await db
        .updateTable('chat_interactions')
        .set({ reply })
        .where('interaction_id', '=', interactionId)
        .execute();
    },
    async replyTo(interactionId) {
      const row = await db
        .selectFrom('chat_interactions')
        .select('reply')
        .where('interaction_id', '=', interactionId)
        .executeTakeFirst();
      return row?.reply ?? undefined;
    },
  };
}

/**
 * Erasure of a person (personal data law): their codes and button answers go. Called by the
 * persons repository inside the erasing transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs inside any transaction of the store.
export async function forgetChatData(db: Kysely<any>, personId: string): Promise<void> {
  const chat = db as Kysely<ChatTables>;
  await chat.deleteFrom('chat_link_codes').where('person_id', '=', personId).execute();
  await chat.deleteFrom('chat_answers').where('person_id', '=', personId).execute();
}
