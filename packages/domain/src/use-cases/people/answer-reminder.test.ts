import { beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../reminders/delivery.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { createTestWorld, type TestWorld } from '../../testing/world.ts';
import { createMilestone } from '../roadmap/create-milestone.ts';
import { createRoadmap } from '../roadmap/create-roadmap.ts';
import { listUpdates } from '../roadmap/list-updates.ts';
import { recordUpdate } from '../roadmap/record-update.ts';
import { answerReminder } from './answer-reminder.ts';

describe('answering a reminder', () => {
  let world: TestWorld;
  let milestoneId: string;
  let delivery: Delivery;

  const nothingNew = (who: 'member' | 'coordinator' | 'observer', deliveryId = delivery.id) =>
    answerReminder(
      world.as(who, 'discord'),
      { deliveryId, subjectId: milestoneId, verb: 'rien' },
      (kernel) =>
        recordUpdate(kernel, {
          subject: { type: 'milestone', id: milestoneId },
          text: 'Rien de neuf.',
        }),
    );
  const updates = async () =>
    (
      await listUpdates(world.as('coordinator'), {
        subject: { type: 'milestone', id: milestoneId },
        limit: 50,
      })
    ).items;

  beforeEach(async () => {
    world = await createTestWorld();
    const roadmap = await createRoadmap(world.as('coordinator'), {
      governanceId: world.governance.id,
      title: 'Feuille de route',
      fromYear: 2024,
      toYear: 2026,
    });
    const milestone = await createMilestone(world.as('coordinator'), {
      roadmapId: roadmap.id,
      title: 'Diagnostic rendu',
      dueDate: '2024-05-16',
      ownerId: world.people.member.id,
    });
    milestoneId = milestone.id;
    delivery = {
      id: 'dlv_answer0001',
      dedupeKey: `milestone:${milestoneId}:J-3`,
      governanceId: world.governance.id,
      kind: 'milestone_reminder',
      recipient: { type: 'person', personId: world.people.member.id },
      subject: { type: 'milestone', id: milestoneId },
      dueAt: world.clock(),
      expiresAt: '2024-05-20T08:00:00.000Z',
      status: 'sent',
      attempts: 1,
      createdAt: world.clock(),
      updatedAt: world.clock(),
      version: 1,
    };
    await world.store.transaction((repos) => repos.deliveries.insertIfAbsent([delivery]));
  });

  it('takes one answer from its recipient, with its effect', async () => {
    expect(await nothingNew('member')).toMatchObject({ answered: true });
    expect(await nothingNew('member')).toEqual({ answered: false });
    expect(await nothingNew('coordinator')).toEqual({ answered: false });
    expect((await updates()).map((u) => u.authorId)).toEqual([world.people.member.id]);
  });

  it('lets the coordination answer for the recipient', async () => {
    expect(await nothingNew('coordinator')).toMatchObject({ answered: true });
    expect(await nothingNew('member')).toEqual({ answered: false });
  });

  it('tells anyone else, or a made-up reminder, that it does not exist, and writes nothing', async () => {
    await expect(nothingNew('observer')).rejects.toBeInstanceOf(NotFoundError);
    await expect(nothingNew('member', 'dlv_nexistepas')).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      answerReminder(
        world.as('member'),
        { deliveryId: delivery.id, subjectId: 'mil_autrejalon', verb: 'rien' },
        async () => 'fait',
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await updates()).toEqual([]);
    expect(await nothingNew('member')).toMatchObject({ answered: true });
  });

  it('keeps no answer when its effect fails, so the recipient may answer again', async () => {
    const failing = answerReminder(
      world.as('member'),
      { deliveryId: delivery.id, subjectId: milestoneId, verb: 'point' },
      async (kernel) => {
        await recordUpdate(kernel, {
          subject: { type: 'milestone', id: milestoneId },
          text: 'Écrit puis défait.',
        });
        throw new Error('panne');
      },
    );
    await expect(failing).rejects.toThrow('panne');
    expect(await updates()).toEqual([]);
    expect(await nothingNew('member')).toMatchObject({ answered: true });
  });
});
