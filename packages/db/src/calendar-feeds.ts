import { createHash, randomBytes } from 'node:crypto';
import { ConflictError, idOf, Label, NotFoundError, validate } from '@maille/domain';
import { z } from 'zod';
import type { Database } from './connection.ts';
import { randomToken } from './random-ids.ts';

/**
 * Calendar feeds: a governance's milestones and meetings as an iCalendar link that calendar
 * applications subscribe to. Those applications send no `Authorization` header, so the link
 * itself carries a secret token: whoever holds it reads the calendar, until the feed is revoked.
 * Only a SHA-256 of the token is stored, so a copy of the database gives no working link; the
 * token is a random 256-bit value, so its hash can be looked up directly.
 */

const SECRET_BYTES = 32;
const ID_LENGTH = 12;

/** A feed's id: `cal_` and 12 letters or digits. */
export const CalendarFeedId = z
  .string()
  .max(45)
  .regex(
    /^cal_[0-9A-Za-z]{12}$/,
    'Identifiant de flux invalide : « cal_ » suivi de 12 lettres ou chiffres attendu.',
  );

/** A feed's secret token as it appears in its link: 43 characters of base64url. */
export const CalendarFeedToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'Jeton de calendrier invalide.');

/** What a feed is created with; checked before anything is written. */
export const NewCalendarFeed = z.object({
  governanceId: idOf('governance'),
  label: Label,
  /** The person who asked for it; absent when made from the command line. */
  createdBy: idOf('person').optional(),
});
export type NewCalendarFeed = z.input<typeof NewCalendarFeed>;

/** A feed as listed: never its token nor the hash of it. */
export interface CalendarFeedInfo {
  id: string;
  governanceId: string;
  label: string;
  createdAt: string;
  createdBy?: string;
  revokedAt?: string;
}

/** The table, kept here with the only code that reads it. */
interface CalendarFeedTable {
  id: string;
  governance_id: string;
  label: string;
  token_hash: string;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

function feeds(database: Database) {
  return database.db.withTables<{ calendar_feeds: CalendarFeedTable }>();
}

/**
 * Creates a feed of a governance, which must exist, and returns its token: the only time it is
 * seen. Who may do this is the caller's to check (the API asks the kernel's
 * `authorizeCalendarFeeds`; the command line is the instance's administration).
 *
 * @example
 * const { feed, token } = await createCalendarFeed(database, {
 *   governanceId: 'gov_larochelle',
 *   label: 'Agenda partagé',
 *   now: new Date().toISOString(),
 * });
 * // subscribe to `/calendars/${token}.ics`
 */
export async function createCalendarFeed(
  database: Database,
  input: NewCalendarFeed & { now: string },
): Promise<{ feed: CalendarFeedInfo; token: string }> {
  const { governanceId, label, createdBy } = validate(NewCalendarFeed, {
    governanceId: input.governanceId,
    label: input.label,
    ...(input.createdBy === undefined ? {} : { createdBy: input.createdBy }),
  });
  const governance = await database.db
    .selectFrom('governances')
    .select('id')
    .where('id', '=', governanceId)
    .executeTakeFirst();
  if (!governance) throw new NotFoundError('Gouvernance', governanceId);
  const token = randomBytes(SECRET_BYTES).toString('base64url');
  const row: CalendarFeedTable = {
    id: `cal_${randomToken(ID_LENGTH)}`,
    governance_id: governanceId,
    label,
    token_hash: hashToken(token),
    created_at: input.now,
    created_by: createdBy ?? null,
    revoked_at: null,
  };
  await feeds(database).insertInto('calendar_feeds').values(row).execute();
  return { feed: infoOf(row), token };
}

/**
 * The governance a token opens, or `undefined` for a malformed, unknown or revoked token.
 *
 * @example
 * const feed = await verifyCalendarFeed(database, token);
 * if (!feed) return notFound();
 */
export async function verifyCalendarFeed(
  database: Database,
  token: string,
): Promise<{ feedId: string; governanceId: string } | undefined> {
  if (!CalendarFeedToken.safeParse(token).success) return undefined;
  const row = await feeds(database)
    .selectFrom('calendar_feeds')
    .select(['id', 'governance_id'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { feedId: row.id, governanceId: row.governance_id };
}

/** One feed, without its token, or `undefined` when there is none with this id. */
export async function getCalendarFeed(
  database: Database,
  id: string,
): Promise<CalendarFeedInfo | undefined> {
  if (!CalendarFeedId.safeParse(id).success) return undefined;
  const row = await feeds(database)
    .selectFrom('calendar_feeds')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && infoOf(row);
}

/**
 * Revokes a feed at once and for good: its link answers « introuvable » from then on.
 * Revoking it again is a `ConflictError`, an unknown id a `NotFoundError`.
 */
export async function revokeCalendarFeed(
  database: Database,
  id: string,
  now: string,
): Promise<CalendarFeedInfo> {
  const feed = await getCalendarFeed(database, id);
  if (!feed) throw new NotFoundError('Flux de calendrier', id);
  if (feed.revokedAt !== undefined) throw new ConflictError('Ce flux est déjà révoqué.');
  await feeds(database)
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return { ...feed, revokedAt: now };
}

/** The feeds of one governance, or of every governance, in id order, revoked ones included. */
export async function listCalendarFeeds(
  database: Database,
  governanceId?: string,
): Promise<CalendarFeedInfo[]> {
  let query = feeds(database).selectFrom('calendar_feeds').selectAll().orderBy('id');
  if (governanceId !== undefined) query = query.where('governance_id', '=', governanceId);
  return (await query.execute()).map(infoOf);
}

/** The path of a feed's link, under the API's root. */
export function calendarFeedPath(token: string): string {
  return `/calendars/${token}.ics`;
}

function infoOf(row: CalendarFeedTable): CalendarFeedInfo {
  return {
    id: row.id,
    governanceId: row.governance_id,
    label: row.label,
    createdAt: row.created_at,
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
