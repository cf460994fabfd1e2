import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { erasePersonalData } from '../people/personal-data.ts';
import { findSession } from './find-session.ts';
import { issueSignInLink } from './issue-sign-in-link.ts';
import { signIn } from './sign-in.ts';
import {
  EMAILED_SIGN_IN_LINK_TTL_MS,
  SESSION_TTL_MS,
  SIGN_IN_LINK_TTL_MS,
} from './sign-in-link.ts';
import { closeSessions, signOut } from './sign-out.ts';

describe('signing in by link', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });
  const later = (ms: number) =>
    world.clock.set(new Date(Date.parse(world.clock()) + ms).toISOString());
  const linkFor = (
    who: 'coordinator' | 'member',
    by: 'coordinator' | 'member' | 'admin' = 'admin',
  ) => issueSignInLink(world.as(by), { personId: world.people[who].id });

  it('opens a session once per link, for the person it was made for', async () => {
    const { secret, expiresAt } = await linkFor('member', 'coordinator');
    expect(secret).toMatch(/^[0-9A-Za-z]{32,64}$/);
    expect(Date.parse(expiresAt) - Date.parse(world.clock())).toBe(SIGN_IN_LINK_TTL_MS);
    const opened = await signIn(world.as('public'), { link: secret });
    expect(opened?.personId).toBe(world.people.member.id);
    expect(opened?.session).not.toBe(secret);
    expect(await findSession(world.as('public'), { session: opened?.session })).toEqual({
      personId: world.people.member.id,
      name: 'Marc Membre',
    });
    // Spent: a second use, even at once, opens nothing.
    expect(await signIn(world.as('public'), { link: secret })).toBeUndefined();
  });

  it('keeps a link sent by e-mail three days, until it is spent', async () => {
    const { secret, expiresAt } = await issueSignInLink(world.as('admin'), {
      personId: world.people.member.id,
      byEmail: true,
    });
    expect(Date.parse(expiresAt) - Date.parse(world.clock())).toBe(EMAILED_SIGN_IN_LINK_TTL_MS);
    // Read the next morning, it still signs in.
    later(18 * 60 * 60 * 1000);
    expect((await signIn(world.as('public'), { link: secret }))?.personId).toBe(
      world.people.member.id,
    );
    const unread = await issueSignInLink(world.as('admin'), {
      personId: world.people.member.id,
      byEmail: true,
    });
    later(EMAILED_SIGN_IN_LINK_TTL_MS);
    expect(await signIn(world.as('public'), { link: unread.secret })).toBeUndefined();
  });

  it('refuses an expired link, a made-up one and a malformed one alike', async () => {
    const { secret } = await linkFor('member');
    later(SIGN_IN_LINK_TTL_MS);
    expect(await signIn(world.as('public'), { link: secret })).toBeUndefined();
    expect(await signIn(world.as('public'), { link: 'A'.repeat(43) })).toBeUndefined();
    expect(await signIn(world.as('public'), { link: '<script>' })).toBeUndefined();
    expect(await signIn(world.as('public'), {})).toBeUndefined();
  });

  it('gives a new session at each sign-in, and signing out closes only that one', async () => {
    const first = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    const second = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    expect(first?.session).not.toBe(second?.session);
    await signOut(world.as('public'), { session: first?.session });
    expect(await findSession(world.as('public'), { session: first?.session })).toBeUndefined();
    expect(await findSession(world.as('public'), { session: second?.session })).toBeDefined();
  });

  it('ends a session after its month, and when its person is erased', async () => {
    const opened = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    later(SESSION_TTL_MS - 1000);
    expect(await findSession(world.as('public'), { session: opened?.session })).toBeDefined();
    later(1000);
    expect(await findSession(world.as('public'), { session: opened?.session })).toBeUndefined();

    const again = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    const unused = await linkFor('member');
    await erasePersonalData(world.as('admin'), { personId: world.people.member.id });
    expect(await findSession(world.as('public'), { session: again?.session })).toBeUndefined();
    expect(await signIn(world.as('public'), { link: unused.secret })).toBeUndefined();
  });

  it('lets a coordinator close every session of a member; a fellow member may not', async () => {
    const a = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    const b = await signIn(world.as('public'), { link: (await linkFor('member')).secret });
    await expect(
      closeSessions(world.as('observer'), { personId: world.people.member.id }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await closeSessions(world.as('coordinator'), { personId: world.people.member.id })).toBe(
      2,
    );
    for (const opened of [a, b]) {
      expect(await findSession(world.as('public'), { session: opened?.session })).toBeUndefined();
    }
  });

  it('makes links only for those who may change the person', async () => {
    await expect(linkFor('coordinator', 'member')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      issueSignInLink(world.as('outsider'), { personId: world.people.member.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      issueSignInLink(world.as('public'), { personId: world.people.member.id }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await linkFor('member', 'member')).personId).toBe(world.people.member.id);
  });
});
