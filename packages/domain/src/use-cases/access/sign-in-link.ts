import { z } from 'zod';

/**
 * Signing in to the web workspace without a password. A coordinator (or the `maille` command, or
 * the bot) makes a one-time sign-in link for a person; opening it starts a session, kept by the
 * browser in a cookie. Whoever holds a link or a session token acts as the person, so both are
 * long random secrets (made by the storage), storage keeps only a hash of each, a link is spent
 * on first use and lives a quarter of an hour, a session a month unless closed before.
 */

export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000;
/**
 * A link sent by e-mail is read when its reader opens their mail — an elected member, the next
 * morning — not within a quarter of an hour: it lives three days, still spent on first use.
 */
export const EMAILED_SIGN_IN_LINK_TTL_MS = 3 * 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** A link's or a session's secret as it travels in a URL or a cookie (base 62). */
export const SignInSecret = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z]{32,64}$/);

/** A sign-in link as issued and stored (by its hash). */
export interface IssuedSignInLink {
  personId: string;
  /** Who made it; absent when made from the command line. */
  issuedBy?: string;
  createdAt: string;
  expiresAt: string;
}

/** A session as opened and stored (by its hash). */
export interface OpenedSession {
  personId: string;
  createdAt: string;
  expiresAt: string;
}
