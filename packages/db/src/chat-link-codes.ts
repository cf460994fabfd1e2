import { createHash, randomInt } from 'node:crypto';
import { idOf, NotFoundError, validate } from '@maille/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from './connection.ts';

/**
 * One-time codes that link a chat account to a person (`/lier ABCD-EFGH`). A coordinator issues
 * one (API `POST /persons/{id}/link-codes`, `maille lien creer`) and hands it to the person, who
 * types it in the chat: whoever types it becomes that person for the bot. So a code is short
 * enough to type (8 characters from an alphabet of 24 without look-alikes, about 37 bits), spent on
 * first use, valid 24 hours, and only a SHA-256 of it is stored.
 *
 * And the answers to a reminder's buttons, one per delivery (`claimChatAnswer`).
 */

/** Letters and digits nobody confuses when copying by hand: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
const LENGTH = 8;
export const CHAT_LINK_CODE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * A code as people type it: case, spaces and dashes do not matter (`abcd efgh`, `ABCD-EFGH`).
 * Normalised to its 8 upper-case characters.
 */
export const ChatLinkCode = z
  .string()
  .max(40)
  .transform((text) => text.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${ALPHABET}]{${LENGTH}}$`),
        'Code invalide : 8 lettres ou chiffres attendus, comme ABCD-EFGH.',
      ),
  );

export const IssueChatLinkCode = z.object({
  personId: idOf('person'),
  /** Who issued it; absent when made from the command line. */
  issuedBy: idOf('person').optional(),
});
export type IssueChatLinkCode = z.input<typeof IssueChatLinkCode>;

type ChatLinkCodeTable = {
  code_hash: string;
  person_id: string;
  issued_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
};

type ChatAnswerTable = {
  delivery_id: string;
  person_id: string;
  verb: string;
  answered_at: string;
};

type ChatTables = {
  chat_link_codes: ChatLinkCodeTable;
  chat_answers: ChatAnswerTable;
};

function tables(database: Database) {
  return database.db.withTables<ChatTables>();
}

/**
 * Issues a code for a person, who must exist and not be erased, and returns it: the only time it
 * is seen, written `ABCD-EFGH`. Who may do this is the caller's to check (the API asks the
 * kernel's `authorizePersonChange`; the command line is the instance's administration).
 *
 * @example
 * const { code, expiresAt } = await issueChatLinkCode(database, { personId, now });
 */
export async function issueChatLinkCode(
  database: Database,
  input: IssueChatLinkCode & { now: string },
): Promise<{ code: string; personId: string; expiresAt: string }> {
  const { personId, issuedBy } = validate(IssueChatLinkCode, {
    personId: input.personId,
    ...(input.issuedBy === undefined ? {} : { issuedBy: input.issuedBy }),
  });
  const person = await database.db
    .selectFrom('persons')
    .select(['id', 'data'])
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person || (JSON.parse(person.data) as { erasedAt?: string }).erasedAt !== undefined)
    throw new NotFoundError('Personne', personId);
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  const expiresAt = new Date(Date.parse(input.now) + CHAT_LINK_CODE_TTL_MS).toISOString();
  await tables(database)
    .insertInto('chat_link_codes')
    .values({
      code_hash: hashCode(raw),
      person_id: personId,
      issued_by: issuedBy ?? null,
      created_at: input.now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, personId, expiresAt };
}

/**
 * Spends a code and returns the person it was issued for, or `undefined` for a malformed,
 * unknown, expired or already spent code (the chat says the same for each: no oracle). Atomic:
 * of two simultaneous redemptions, one wins.
 */
export async function redeemChatLinkCode(
  database: Database,
  code: string,
  now: string,
): Promise<{ personId: string } | undefined> {
  const parsed = ChatLinkCode.safeParse(code);
  if (!parsed.success) return undefined;
  const hash = hashCode(parsed.data);
  const spent = await tables(database)
    .updateTable('chat_link_codes')
    .set({ used_at: now })
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) return undefined;
  const row = await tables(database)
    .selectFrom('chat_link_codes')
    .select('person_id')
    .where('code_hash', '=', hash)
    .executeTakeFirstOrThrow();
  return { personId: row.person_id };
}

/**
 * Gives back a code spent by `redeemChatLinkCode` when the link it was for could not be made
 * (the account belongs to someone else): the person may try again with another account.
 */
export async function restoreChatLinkCode(database: Database, code: string): Promise<void> {
  const parsed = ChatLinkCode.safeParse(code);
  if (!parsed.success) return;
  await tables(database)
    .updateTable('chat_link_codes')
    .set({ used_at: null })
    .where('code_hash', '=', hashCode(parsed.data))
    .execute();
}

/**
 * Records the answer to a reminder's buttons, keyed by its delivery: `true` the first time,
 * `false` when the delivery was already answered (a double click, or two buttons pressed):
 * the chat then answers « Déjà noté » and does nothing.
 */
export async function claimChatAnswer(
  database: Database,
  answer: { deliveryId: string; personId: string; verb: string; now: string },
): Promise<boolean> {
  const inserted = await tables(database)
    .insertInto('chat_answers')
    .values({
      delivery_id: answer.deliveryId,
      person_id: answer.personId,
      verb: answer.verb,
      answered_at: answer.now,
    })
    .onConflict((conflict) => conflict.column('delivery_id').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Forgets an answer whose effect failed, so the button may be pressed again. */
export async function releaseChatAnswer(database: Database, deliveryId: string): Promise<void> {
  await tables(database).deleteFrom('chat_answers').where('delivery_id', '=', deliveryId).execute();
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

function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
