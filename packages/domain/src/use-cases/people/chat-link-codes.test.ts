import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { CHAT_LINK_CODE_TTL_MS } from './chat-link-code.ts';
import { issueChatLinkCode } from './issue-chat-link-code.ts';
import { linkChatAccount, linkChatAccountWithCode } from './link-chat-account.ts';
import { erasePersonalData } from './personal-data.ts';
import { redeemChatLinkCode } from './redeem-chat-link-code.ts';

describe('chat link codes', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  it('are issued by the person, their coordinator or an administrator; a fellow member is refused', async () => {
    const personId = world.people.member.id;
    for (const who of ['member', 'coordinator', 'admin'] as const)
      await expect(issueChatLinkCode(world.as(who), { personId })).resolves.toMatchObject({
        personId,
      });
    await expect(issueChatLinkCode(world.as('observer'), { personId })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(issueChatLinkCode(world.as('outsider'), { personId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      issueChatLinkCode(world.as('admin'), { personId: 'per_inconnue1' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('are typed as people type them, spent once, and expire', async () => {
    const personId = world.people.member.id;
    const issued = await issueChatLinkCode(world.as('coordinator'), { personId });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(issued.code).not.toMatch(/[01OILSZB58]/);
    expect(Date.parse(issued.expiresAt) - Date.parse(world.clock())).toBe(CHAT_LINK_CODE_TTL_MS);
    const anyone = world.as('public', 'discord');
    const typed = issued.code.replace('-', ' ').toLowerCase();
    expect(await redeemChatLinkCode(anyone, { code: typed })).toEqual({ personId });
    expect(await redeemChatLinkCode(anyone, { code: issued.code })).toBeUndefined();

    const late = await issueChatLinkCode(world.as('coordinator'), { personId });
    world.clock.advanceDays(1);
    expect(await redeemChatLinkCode(anyone, { code: late.code })).toBeUndefined();
    expect(await redeemChatLinkCode(anyone, { code: "'; drop table persons" })).toBeUndefined();
  });

  it('link a chat account in the same step, and stay unspent when the account is someone else’s', async () => {
    const personId = world.people.member.id;
    const coordinatorId = world.people.coordinator.id;
    const account = { platform: 'discord', userId: '111111111111111111' };
    await linkChatAccount(world.as('coordinator'), { personId: coordinatorId, ...account });
    const { code } = await issueChatLinkCode(world.as('coordinator'), { personId });
    const anyone = world.as('public', 'discord');
    // The account is the coordinator's: refused, and the code still works from another account.
    await expect(linkChatAccountWithCode(anyone, { code, ...account })).rejects.toThrow(
      'Ce compte est déjà lié à une autre personne.',
    );
    const own = { platform: 'discord', userId: '222222222222222222' };
    const linked = await linkChatAccountWithCode(anyone, { code: code.toLowerCase(), ...own });
    expect(linked?.id).toBe(personId);
    expect(linked?.chatAccounts).toEqual([{ ...own, linkedAt: world.clock() }]);
    // Spent now, and a made-up code links nothing.
    expect(await linkChatAccountWithCode(anyone, { code, ...own })).toBeUndefined();
    expect(await linkChatAccountWithCode(anyone, { code: 'ABCD-EFGH', ...own })).toBeUndefined();
  });

  it('go when their person is erased', async () => {
    const personId = world.people.member.id;
    const { code } = await issueChatLinkCode(world.as('coordinator'), { personId });
    await erasePersonalData(world.as('admin'), { personId });
    expect(await redeemChatLinkCode(world.as('public'), { code })).toBeUndefined();
    await expect(issueChatLinkCode(world.as('admin'), { personId })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
