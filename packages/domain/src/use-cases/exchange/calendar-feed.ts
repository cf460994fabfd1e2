import { z } from 'zod';

/**
 * Calendar feeds: a governance's milestones and meetings as an iCalendar link that calendar
 * applications subscribe to. Those applications send no `Authorization` header, so the link
 * itself carries a secret token: whoever holds it reads the calendar, until the feed is revoked.
 * Storage keeps only a hash of the token, so a copy of the database gives no working link.
 */

/**
 * A feed as stored and listed: never its token nor the hash of it. A feed shows either a
 * governance's calendar (`governanceId`) or a person's own agenda (`personId`): the milestones
 * they own and the meetings of the bodies where they sit, across their governances.
 */
export interface CalendarFeed {
  id: string;
  /** The governance whose calendar the feed shows; absent for a person's own feed. */
  governanceId?: string;
  /** The person whose own agenda the feed shows; absent for a governance's feed. */
  personId?: string;
  label: string;
  createdAt: string;
  /** The person who asked for it; absent when made from the command line. */
  createdBy?: string;
  revokedAt?: string;
}

/** A feed's id: `cal_` and 12 letters or digits. */
export const CalendarFeedId = z
  .string()
  .max(45)
  .regex(
    /^cal_[0-9A-Za-z]{12}$/,
    'Identifiant de flux invalide : « cal_ » suivi de 12 lettres ou chiffres attendu.',
  );

/** A feed's secret token as it appears in its link: 43 characters of base64url (256 bits). */
export const CalendarFeedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'Jeton de calendrier invalide.');

/** The path of a feed's link, under the API's root. */
export function calendarFeedPath(token: string): string {
  return `/calendars/${token}.ics`;
}
