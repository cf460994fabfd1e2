import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { bindChat } from '../governance/bind-chat.ts';
import { completeMilestone } from '../roadmap/complete-milestone.ts';
import { createAction } from '../roadmap/create-action.ts';
import { createMilestone } from '../roadmap/create-milestone.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { linkChatAccount } from './link-chat-account.ts';
import { listMyWork } from './list-my-work.ts';
import { pauseReminders } from './pause-reminders.ts';
import { unlinkChatAccount } from './unlink-chat-account.ts';

const DISCORD_ID = '123456789012345678';

describe('chat accounts', () => {
  let world: TestWorld;
  beforeEach(async () => {
    world = await createTestWorld();
  });

  it('links an account to the person who redeemed a code, and finds them by it', async () => {
    const member = world.people.member;
    const input = { personId: member.id, platform: 'discord', userId: DISCORD_ID };
    const linked = await linkChatAccount(world.as('member', 'discord'), input);
    expect(linked.chatAccounts).toEqual([
      { platform: 'discord', userId: DISCORD_ID, linkedAt: world.clock() },
    ]);
    const found = await world.store.transaction((r) =>
      r.persons.findByChatAccount('discord', DISCORD_ID),
    );
    expect(found?.id).toBe(member.id);
    // Linking the same account again changes nothing.
    expect((await linkChatAccount(world.as('member', 'discord'), input)).version).toBe(
      linked.version,
    );
  });

  it('refuses an account already linked to someone else, and a link made for another', async () => {
    await linkChatAccount(world.as('member'), {
      personId: world.people.member.id,
      platform: 'discord',
      userId: DISCORD_ID,
    });
    await expect(
      linkChatAccount(world.as('observer'), {
        personId: world.people.observer.id,
        platform: 'discord',
        userId: DISCORD_ID,
      }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      linkChatAccount(world.as('coordinator'), {
        personId: world.people.observer.id,
        platform: 'discord',
        userId: '223456789012345678',
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('unlinks, and says so when nothing was linked', async () => {
    const personId = world.people.member.id;
    await linkChatAccount(world.as('member'), {
      personId,
      platform: 'discord',
      userId: DISCORD_ID,
    });
    const after = await unlinkChatAccount(world.as('member'), { personId, platform: 'discord' });
    expect(after.chatAccounts).toEqual([]);
    await expect(
      unlinkChatAccount(world.as('member'), { personId, platform: 'discord' }),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});

describe('pausing reminders', () => {
  it('sets and clears one’s own leave, refusing a day already past', async () => {
    const world = await createTestWorld({ start: '2024-05-13T08:00:00.000Z' });
    const personId = world.people.member.id;
    const paused = await pauseReminders(world.as('member'), { personId, until: '2024-06-01' });
    expect(paused.reminders.pausedUntil).toBe('2024-06-01');
    const resumed = await pauseReminders(world.as('member'), { personId, until: null });
    expect(resumed.reminders.pausedUntil).toBeUndefined();
    await expect(
      pauseReminders(world.as('member'), { personId, until: '2024-05-13' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      pauseReminders(world.as('outsider'), { personId, until: '2024-06-01' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('binding a chat', () => {
  it('binds a governance to a server and channel, for its coordinators only', async () => {
    const world = await createTestWorld();
    const input = {
      governanceId: world.governance.id,
      guildId: '111111111111111111',
      channelId: '222222222222222222',
    };
    const bound = await bindChat(world.as('coordinator', 'discord'), input);
    expect(bound.chat).toEqual({
      platform: 'discord',
      guildId: input.guildId,
      channelId: input.channelId,
      boundAt: world.clock(),
    });
    await expect(bindChat(world.as('member'), input)).rejects.toThrow(/coordin|autoris|droit/i);
    await expect(bindChat(world.as('outsider'), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bindChat(world.as('coordinator'), { ...input, channelId: 'salon' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('my work', () => {
  it('lists my late and upcoming milestones and my open actions, not the others’', async () => {
    const world = await createTestWorld({ start: '2024-05-13T08:00:00.000Z' });
    const coordinator = world.as('coordinator');
    const roadmap = await createRoadmap(coordinator, {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2027,
      axes: [{ title: 'Accompagner' }],
    });
    const axisId = roadmap.axes[0]?.id as string;
    const memberId = world.people.member.id;
    const action = await createAction(coordinator, {
      roadmapId: roadmap.id,
      axisId,
      code: 'A1',
      title: 'Former les aidants',
      ownerId: memberId,
    });
    const milestone = (title: string, dueDate: string, ownerId?: string) =>
      createMilestone(coordinator, {
        roadmapId: roadmap.id,
        actionId: action.id,
        title,
        dueDate,
        ...(ownerId ? { ownerId } : {}),
      });
    const late = await milestone('Recruter', '2024-05-01');
    const soon = await milestone('Première session', '2024-05-20');
    await milestone('Bilan', '2025-01-01');
    await milestone('Celui de Claire', '2024-05-15', world.people.coordinator.id);
    const done = await milestone('Déjà fait', '2024-05-14');
    await completeMilestone(coordinator, { milestoneId: done.id });

    const [mine] = await listMyWork(world.as('member'));
    expect(mine?.governance.id).toBe(world.governance.id);
    expect(mine?.today).toBe('2024-05-13');
    expect(mine?.milestones.map((m) => [m.milestone.id, m.state, m.actionTitle])).toEqual([
      [late.id, 'en_retard', 'Former les aidants'],
      [soon.id, 'a_venir', 'Former les aidants'],
    ]);
    expect(mine?.actions.map((a) => a.id)).toEqual([action.id]);
    expect(await listMyWork(world.as('outsider'))).toEqual([
      expect.objectContaining({ milestones: [], actions: [] }),
    ]);
  });
});
