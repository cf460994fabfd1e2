import { randomInt } from 'node:crypto';
import {
  CHAT_LINK_CODE_ALPHABET,
  CHAT_LINK_CODE_LENGTH,
  type ChatAnswerRepository,
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
    async release(deliveryId, personId) {
      await db
        .deleteFrom('chat_answers')
        .where('delivery_id', '=', deliveryId)
        .where('person_id', '=', personId)
        .execute();
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
