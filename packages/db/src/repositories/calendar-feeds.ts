import type { CalendarFeed, CalendarFeedRepository } from '@maille/domain/use-cases';
import { randomToken } from '../ids.ts';
import type { Tx } from './rows.ts';
import { hashSecret, randomSecret } from './secrets.ts';

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
      await db
        .insertInto('calendar_feeds')
        .values({
          id: feed.id,
          governance_id: feed.governanceId,
          label: feed.label,
          token_hash: hashSecret(token),
          created_at: feed.createdAt,
          created_by: feed.createdBy ?? null,
          revoked_at: null,
        })
        .execute();
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
      let query = db.selectFrom('calendar_feeds').selectAll().orderBy('id');
      if (governanceId !== undefined) query = query.where('governance_id', '=', governanceId);
      return (await query.execute()).map(feedOf);
    },
    async update(feed) {
      await db
        .updateTable('calendar_feeds')
        .set({ revoked_at: feed.revokedAt ?? null })
        .where('id', '=', feed.id)
        .execute();
    },
  };
}

function feedOf(row: CalendarFeedTable): CalendarFeed {
  return {
    id: row.id,
    governanceId: row.governance_id,
    label: row.label,
    createdAt: row.created_at,
    ...(row.created_by !== null ? { createdBy: row.created_by } : {}),
    ...(row.revoked_at !== null ? { revokedAt: row.revoked_at } : {}),
  };
}
