import type {
  SessionRepository,
  SignInLinkRepository,
  VisitRepository,
} from '@maille/domain/use-cases';
import type { Kysely } from 'kysely';
import { randomToken } from '../ids.ts';
import type { Tx } from './rows.ts';
import { hashSecret } from './secrets.ts';

/** The web workspace's sign-in tables, kept here with the only code that reads them. */
type SignInTables = {
  sign_in_links: {
    secret_hash: string;
    person_id: string;
    issued_by: string | null;
    created_at: string;
    expires_at: string;
    used_at: string | null;
  };
  sessions: {
    secret_hash: string;
    person_id: string;
    created_at: string;
    expires_at: string;
    closed_at: string | null;
  };
  visits: {
    person_id: string;
    started_at: string;
    seen_at: string;
    previous_seen_at: string | null;
  };
};

/** 43 letters or digits: about 256 bits, as the other credentials' secrets. */
const SECRET_LENGTH = 43;

/** One-time sign-in links; only a SHA-256 of each secret is stored. */
export function signInLinkRepository(tx: Tx): SignInLinkRepository {
  const db = tx.withTables<SignInTables>();
  return {
    async issue(link) {
      const secret = randomToken(SECRET_LENGTH);
      await db
        .insertInto('sign_in_links')
        .values({
          secret_hash: hashSecret(secret),
          person_id: link.personId,
          issued_by: link.issuedBy ?? null,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .execute();
      return secret;
    },
    async redeem(secret, at) {
      const hash = hashSecret(secret);
      // One statement: of two concurrent uses, the second finds the link spent.
      const spent = await db
        .updateTable('sign_in_links')
        .set({ used_at: at })
        .where('secret_hash', '=', hash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return undefined;
      const row = await db
        .selectFrom('sign_in_links')
        .select('person_id')
        .where('secret_hash', '=', hash)
        .executeTakeFirstOrThrow();
      return { personId: row.person_id };
    },
    async forgetSpent(at) {
      const deleted = await db
        .deleteFrom('sign_in_links')
        .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', at)]))
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}

/** The browsers' sessions, by the SHA-256 of their secret. */
export function sessionRepository(tx: Tx): SessionRepository {
  const db = tx.withTables<SignInTables>();
  return {
    async open(session) {
      const secret = randomToken(SECRET_LENGTH);
      await db
        .insertInto('sessions')
        .values({
          secret_hash: hashSecret(secret),
          person_id: session.personId,
          created_at: session.createdAt,
          expires_at: session.expiresAt,
          closed_at: null,
        })
        .execute();
      return secret;
    },
    async find(secret, at) {
      const row = await db
        .selectFrom('sessions')
        .select(['person_id', 'created_at', 'expires_at'])
        .where('secret_hash', '=', hashSecret(secret))
        .where('closed_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return row
        ? { personId: row.person_id, createdAt: row.created_at, expiresAt: row.expires_at }
        : undefined;
    },
    async close(secret, at) {
      await db
        .updateTable('sessions')
        .set({ closed_at: at })
        .where('secret_hash', '=', hashSecret(secret))
        .where('closed_at', 'is', null)
        .execute();
    },
    async closeAllOf(personId, at) {
      const closed = await db
        .updateTable('sessions')
        .set({ closed_at: at })
        .where('person_id', '=', personId)
        .where('closed_at', 'is', null)
        .where('expires_at', '>', at)
        .executeTakeFirst();
      return Number(closed.numUpdatedRows);
    },
    async forgetEnded(at) {
      const deleted = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('closed_at', 'is not', null), eb('expires_at', '<=', at)]))
        .executeTakeFirst();
      return Number(deleted.numDeletedRows);
    },
  };
}

/** Each person's visits to the web workspace: one row per person, replaced at each save. */
export function visitRepository(tx: Tx): VisitRepository {
  const db = tx.withTables<SignInTables>();
  return {
    async get(personId) {
      const row = await db
        .selectFrom('visits')
        .selectAll()
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row
        ? {
            personId: row.person_id,
            startedAt: row.started_at,
            seenAt: row.seen_at,
            previousSeenAt: row.previous_seen_at ?? undefined,
          }
        : undefined;
    },
    async save(visit) {
      const values = {
        started_at: visit.startedAt,
        seen_at: visit.seenAt,
        previous_seen_at: visit.previousSeenAt ?? null,
      };
      await db
        .insertInto('visits')
        .values({ person_id: visit.personId, ...values })
        .onConflict((conflict) => conflict.column('person_id').doUpdateSet(values))
        .execute();
    },
  };
}

/**
 * Erasure of a person (personal data law): their links, sessions and visits go. Called by the persons
 * repository inside the erasing transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: runs inside any transaction of the store.
export async function forgetSignIns(db: Kysely<any>, personId: string): Promise<void> {
  const signIns = db as Kysely<SignInTables>;
  await signIns.deleteFrom('sign_in_links').where('person_id', '=', personId).execute();
  await signIns.deleteFrom('sessions').where('person_id', '=', personId).execute();
  await signIns.deleteFrom('visits').where('person_id', '=', personId).execute();
}
