import { describe, expect, it } from 'vitest';
import { createTestWorld } from '../../testing/world.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { listRoadmaps } from '../roadmap/list-roadmaps.ts';
import { handleChatInteraction } from './handle-chat-interaction.ts';

describe('a chat interaction', () => {
  it('is handled once: a replay writes nothing and gets the first reply', async () => {
    const world = await createTestWorld();
    const coordinator = world.as('coordinator', 'discord');
    const handle = (interactionId: string, title: string) =>
      handleChatInteraction(coordinator, { interactionId }, async (store) => {
        const roadmap = await createRoadmap(
          { ...coordinator, store },
          { governanceId: world.governance.id, title, fromYear: 2024, toYear: 2026 },
        );
        return { text: `Créée : ${roadmap.title}` };
      });
    expect(await handle('1300000000000000001', 'Première')).toEqual({
      replayed: false,
      reply: { text: 'Créée : Première' },
    });
    expect(await handle('1300000000000000001', 'Seconde')).toEqual({
      replayed: true,
      reply: { text: 'Créée : Première' },
    });
    const roadmaps = await listRoadmaps(coordinator, {
      governanceId: world.governance.id,
      limit: 50,
    });
    expect(roadmaps.items.map((r) => r.title)).toEqual(['Première']);
  });

  it('leaves no trace when its handling fails, so a copy is handled afresh', async () => {
    const world = await createTestWorld();
    const failing = handleChatInteraction(world.as('member'), { interactionId: '42' }, () =>
      Promise.reject(new Error('panne')),
    );
    await expect(failing).rejects.toThrow('panne');
    await expect(
      handleChatInteraction(world.as('member'), { interactionId: '42' }, async () => 'ok'),
    ).resolves.toEqual({ replayed: false, reply: 'ok' });
  });
});
