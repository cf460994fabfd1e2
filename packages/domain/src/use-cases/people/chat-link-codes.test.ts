import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { CHAT_LINK_CODE_TTL_MS } from './chat-link-code.ts';
import { issueChatLinkCode } from './issue-chat-link-code.ts';
import { erasePersonalData } from './personal-data.ts';
import { redeemChatLinkCode } from './redeem-chat-link-code.ts';
import { restoreChatLinkCode } from './restore-chat-link-code.ts';

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

  it('are typed as people type them, spent once, given back after a failed link, and expire', async () => {
    const personId = world.people.member.id;
    const issued = await issueChatLinkCode(world.as('coordinator'), { personId });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(issued.code).not.toMatch(/[01OILSZB58]/);
    expect(Date.parse(issued.expiresAt) - Date.parse(world.clock())).toBe(CHAT_LINK_CODE_TTL_MS);
    const anyone = world.as('public', 'discord');
    const typed = issued.code.replace('-', ' ').toLowerCase();
    expect(await redeemChatLinkCode(anyone, { code: typed })).toEqual({ personId });
    expect(await redeemChatLinkCode(anyone, { code: issued.code })).toBeUndefined();
    await restoreChatLinkCode(anyone, { code: issued.code });
    expect(await redeemChatLinkCode(anyone, { code: issued.code })).toEqual({ personId });

    const late = await issueChatLinkCode(world.as('coordinator'), { personId });
    world.clock.advanceDays(1);
    expect(await redeemChatLinkCode(anyone, { code: late.code })).toBeUndefined();
    expect(await redeemChatLinkCode(anyone, { code: "'; drop table persons" })).toBeUndefined();
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
