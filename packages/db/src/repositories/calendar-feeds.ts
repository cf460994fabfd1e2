import type { CalendarFeed, CalendarFeedRepository } from '@maille/domain/use-cases';
import { uniquely } from '../errors.ts';
import { randomToken } from '../ids.ts';
import type { Tx } from './rows.ts';
import { hashSecret, randomSecret } from './secrets.ts';

/** The table, kept here with the only code that reads it. */
interface CalendarFeedTable {
  id: string;
  /** One of `governance_id` and `person_id`: a governance's feed, or a person's own. */
  governance_id: string | null;
  person_id: string | null;
  label: string;
  token_hash: string;
  /** A person's live feed only: they may see their link again. Forgotten on revocation. */
  token: string | null;
  created_at: string;
  created_by: string | null;
  revoked_at: string | null;
}

/**
 * Calendar feeds. A token is a random 256-bit value, so its hash can be looked up directly (no
 * id in the link, unlike an API key's token).
 */
export function calendarFeedRepository(tx: Tx): CalendarFeedRepository {
  const db = tx.withTables<{ calendar_feeds: CalendarFeedTable }>();
  return {
    async create(fields) {
      const feed: CalendarFeed = { id: `cal_${randomToken(12)}`, ...fields };
      const token = randomSecret();
      await uniquely(
        () =>
          db
            .insertInto('calendar_feeds')
            .values({
              id: feed.id,
              governance_id: feed.governanceId ?? null,
              person_id: feed.personId ?? null,
              label: feed.label,
              token_hash: hashSecret(token),
              token: feed.personId !== undefined ? token : null,
              created_at: feed.createdAt,
              created_by: feed.createdBy ?? null,
              revoked_at: null,
            })
            .execute(),
        'Cette personne a déjà un lien d’agenda : renouvelez-le.',
      );
      return { feed, token };
    },
    async findByToken(token) {
      const row = await db
        .selectFrom('calendar_feeds')
        .selectAll()
        .where('token_hash', '=', hashSecret(token))
        .executeTakeFirst();
      return row && feedOf(row);
    },
    async get(id) {
      const row = await db
        .selectFrom('calendar_feeds')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && feedOf(row);
    },
    async list({ governanceId }) {
      let query = db
        .selectFrom('calendar_feeds')
        .selectAll()
        .where('governance_id', 'is not', null)
        .orderBy('id');
      if (governanceId !== undefined) query = query.where('governance_id', '=', governanceId);
      return (await query.execute()).map(feedOf);
    },
    async findLiveOfPerson(personId) {
      // Through `calendar_feeds_person_live`: one row at most.
      const row = await db
        .selectFrom('calendar_feeds')
        .selectAll()
        .where('person_id', '=', personId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row?.token ? { feed: feedOf(row), token: row.token } : undefined;
    },
    async update(feed) {
      await db
        .updateTable('calendar_feeds')
        .set(
          feed.revokedAt !== undefined
            ? { revoked_at: feed.revokedAt, token: null }
            : { revoked_at: null },
        )
        .where('id', '=', feed.id)
        .execute();
    },
  };
}

function feedOf(row: CalendarFeedTable): CalendarFeed {
  return {
    id: row.id,
    ...(row.governance_id !== null ? { governanceId: row.governance_id } : {}),
    ...(row.person_id !== null ? { personId: row.person_id } : {}),
    label: row.label,
    createdAt: row.created_at,
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}
