import { z } from 'zod';

/**
 * One-time codes that link a chat account to a person (`/lier ABCD-EFGH`). A coordinator issues
 * one and hands it to the person, who types it in the chat: whoever types it becomes that person
 * for the bot. So a code is short enough to type (8 characters from an alphabet of 24 without
 * look-alikes, about 37 bits), spent on first use, valid 24 hours, and storage keeps only a hash
 * of it.
 */

/** Letters and digits nobody confuses when copying by hand: no 0/O, 1/I/L, 5/S, 2/Z, 8/B. */
export const CHAT_LINK_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
export const CHAT_LINK_CODE_LENGTH = 8;
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
        new RegExp(`^[${CHAT_LINK_CODE_ALPHABET}]{${CHAT_LINK_CODE_LENGTH}}$`),
        'Code invalide : 8 lettres ou chiffres attendus, comme ABCD-EFGH.',
      ),
  );

/** A code as issued and stored (by its hash): whom it links, until when, and whether it is spent. */
export interface IssuedChatLinkCode {
  personId: string;
  /** Who issued it; absent when made from the command line. */
  issuedBy?: string;
  createdAt: string;
  expiresAt: string;
}

/** The answer to a reminder's buttons: one per delivery. */
export interface ChatAnswer {
  deliveryId: string;
  personId: string;
  verb: string;
  answeredAt: string;
}
