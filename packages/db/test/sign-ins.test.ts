import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import {
  type Actor,
  closeSessions,
  findSession,
  forgetEndedSignIns,
  issueSignInLink,
  SESSION_TTL_MS,
  SIGN_IN_LINK_TTL_MS,
  signIn,
  signOut,
} from '@maille/domain/use-cases';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { kernelAt } from '../src/testing.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from './dialects.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString();
const MOREAU = DEMO_IDS.laRochelle.coordinator;
const GIRAUD = 'per_lrgiraud';

describe.each(DIALECTS)('sign-in links and sessions on %s', (dialect) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    const demo = buildDemoDataset({ now: NOW });
    await createStore(test.database).transaction(async (repos) => {
      for (const person of demo.persons) await repos.persons.insert(person);
      // Who may make a link for whom follows the governances' roles and bodies.
      for (const governance of demo.governances) await repos.governances.insert(governance);
      for (const body of demo.bodies) await repos.bodies.insert(body);
    });
  });
  afterAll(() => test.drop());
  const anyone = (now = NOW) => kernelAt(test.database, now, { channel: 'web' });
  const as = (personId: string, now = NOW) => {
    const actor: Actor = { personId, channel: 'web' };
    return kernelAt(test.database, now, actor);
  };

  it('keep only hashes: the database gives no working link or session', async () => {
    const { secret, expiresAt } = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
    expect(expiresAt).toBe(at(SIGN_IN_LINK_TTL_MS));
    const opened = await signIn(anyone(at(60_000)), { link: secret });
    expect(opened).toMatchObject({ personId: GIRAUD, expiresAt: at(60_000 + SESSION_TTL_MS) });
    const stored = await sql<
      Record<string, unknown>
    >`select * from sign_in_links, sessions`.execute(test.database.db);
    expect(stored.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.rows)).not.toContain(secret);
    expect(JSON.stringify(stored.rows)).not.toContain(opened?.session);
    expect(await findSession(anyone(at(120_000)), { session: opened?.session })).toEqual({
      personId: GIRAUD,
      name: 'Bernard Giraud',
    });
  });

  it('open one session of two uses of a link at the same moment', async () => {
    const { secret } = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
    const both = await Promise.all([
      signIn(anyone(), { link: secret }),
      signIn(anyone(), { link: secret }),
    ]);
    expect(both.filter((opened) => opened !== undefined)).toHaveLength(1);
  });

  it('refuse a link past its quarter of an hour', async () => {
    const { secret } = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
    expect(await signIn(anyone(at(SIGN_IN_LINK_TTL_MS)), { link: secret })).toBeUndefined();
  });

  it('close one session at sign-out, and all of a person’s on demand', async () => {
    // Those the tests above opened first.
    await closeSessions(as(MOREAU), { personId: GIRAUD });
    const sessions = [];
    for (let i = 0; i < 3; i++) {
      const { secret } = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
      sessions.push((await signIn(anyone(), { link: secret }))?.session);
    }
    await signOut(anyone(), { session: sessions[0] });
    expect(await findSession(anyone(), { session: sessions[0] })).toBeUndefined();
    expect(await findSession(anyone(), { session: sessions[1] })).toBeDefined();
    expect(await closeSessions(as(MOREAU, at(1000)), { personId: GIRAUD })).toBe(2);
    for (const session of sessions) {
      expect(await findSession(anyone(at(2000)), { session })).toBeUndefined();
    }
  });

  it('forget the links spent or expired and the sessions ended, and keep what still opens', async () => {
    const count = async (table: 'sign_in_links' | 'sessions') =>
      Number(
        (
          await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
            test.database.db,
          )
        ).rows[0]?.n,
      );
    // What the tests above left ends within two months.
    await forgetEndedSignIns(anyone(at(SESSION_TTL_MS * 2)));
    expect(await count('sign_in_links')).toBe(0);
    const unused = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
    const used = await issueSignInLink(as(MOREAU), { personId: GIRAUD });
    const open = await signIn(anyone(), { link: used.secret });
    const closed = await signIn(anyone(), {
      link: (await issueSignInLink(as(MOREAU), { personId: GIRAUD })).secret,
    });
    await signOut(anyone(), { session: closed?.session });

    // A minute later: the unused link still works, the open session too.
    const forgotten = await forgetEndedSignIns(anyone(at(60_000)));
    expect(forgotten).toEqual({ links: 2, sessions: 1 });
    expect(await count('sign_in_links')).toBe(1);
    expect(await count('sessions')).toBe(1);
    expect(await findSession(anyone(at(60_000)), { session: open?.session })).toBeDefined();
    expect(await signIn(anyone(at(60_000)), { link: unused.secret })).toBeDefined();

    // Past a session's month, nothing is left.
    await forgetEndedSignIns(anyone(at(SESSION_TTL_MS * 2)));
    expect(await count('sign_in_links')).toBe(0);
    expect(await count('sessions')).toBe(0);
  });
});
