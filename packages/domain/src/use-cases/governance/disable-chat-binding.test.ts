import { describe, expect, it } from 'vitest';
import type { ChatBinding } from '../../governance/governance.ts';
import { ForbiddenError } from '../../shared/errors.ts';
import { createTestWorld } from '../../testing/world.ts';
import { disableChatBinding } from './disable-chat-binding.ts';

const CHANNEL = '123456789012345678';
const BINDING: ChatBinding = {
  platform: 'discord',
  guildId: '223456789012345678',
  channelId: CHANNEL,
  boundAt: '2024-05-01T08:00:00.000Z',
};

async function boundWorld() {
  const world = await createTestWorld();
  await world.store.transaction((repos) =>
    repos.governances.update({
      ...world.governance,
      chat: BINDING,
      version: world.governance.version + 1,
    }),
  );
  return world;
}

describe('disabling a chat binding whose channel vanished', () => {
  it('marks the binding disabled at the current time and records who did it', async () => {
    const world = await boundWorld();
    const input = { governanceId: world.governance.id, channelId: CHANNEL };
    const governance = await disableChatBinding(world.as('admin', 'discord'), input);
    expect(governance.chat).toEqual({ ...BINDING, disabledAt: world.clock() });
    const history = await world.store.transaction((repos) =>
      repos.auditEvents.listByEntity('governance', world.governance.id),
    );
    expect(history.at(-1)).toMatchObject({ action: 'disable_chat', channel: 'discord' });
  });

  it('changes nothing the second time, nor when the governance is bound to another channel', async () => {
    const world = await boundWorld();
    const input = { governanceId: world.governance.id, channelId: CHANNEL };
    const first = await disableChatBinding(world.as('admin'), input);
    expect(await disableChatBinding(world.as('admin'), input)).toEqual(first);

    const other = await boundWorld();
    const untouched = await disableChatBinding(other.as('admin'), {
      governanceId: other.governance.id,
      channelId: '999999999999999999',
    });
    expect(untouched.chat).toEqual(BINDING);
  });

  it('is refused to a member, and validates the channel id', async () => {
    const world = await boundWorld();
    await expect(
      disableChatBinding(world.as('member'), {
        governanceId: world.governance.id,
        channelId: CHANNEL,
      }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      disableChatBinding(world.as('admin'), { governanceId: world.governance.id, channelId: 'x' }),
    ).rejects.toMatchObject({ issues: [{ path: ['channelId'] }] });
  });
});
