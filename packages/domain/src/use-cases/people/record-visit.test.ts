import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '../../shared/errors.ts';
import { createTestWorld } from '../../testing/world.ts';
import { recordUpdate } from '../roadmap/record-update.ts';
import { recordVisit, VISIT_GAP_MS } from './record-visit.ts';

const later = (instant: string, ms: number) => new Date(Date.parse(instant) + ms).toISOString();

describe('what changed since the last visit', () => {
  it('tells nothing on a first visit, then what others posted since the previous one ended', async () => {
    const world = await createTestWorld({ start: '2024-05-13T08:00:00.000Z' });
    const governance = { type: 'governance' as const, id: world.governance.id };
    expect(await recordVisit(world.as('member'))).toEqual({ since: null, governances: [] });
    const end = world.clock();

    world.clock.set(later(end, 60 * 60 * 1000));
    await recordUpdate(world.as('coordinator'), {
      subject: governance,
      text: 'Comité fixé au 12 juin.',
    });
    await recordUpdate(world.as('member'), { subject: governance, text: 'Mon propre point.' });

    world.clock.set(later(end, 3 * 60 * 60 * 1000));
    const next = await recordVisit(world.as('member'));
    expect(next.since).toBe(end);
    const mine = next.governances.find((g) => g.governance.id === world.governance.id);
    expect(mine?.count).toBe(1);
    expect(mine?.updates.map((u) => [u.text, u.author.name, u.subject.title])).toEqual([
      ['Comité fixé au 12 juin.', 'Claire Coordinatrice', 'CTIN de test'],
    ]);

    // Within the same visit the answer stays: reloading the page does not empty it.
    world.clock.set(later(world.clock(), VISIT_GAP_MS - 1000));
    expect((await recordVisit(world.as('member'))).since).toBe(end);
  });

  it('is for signed-in persons only', async () => {
    const world = await createTestWorld();
    await expect(recordVisit(world.as('public'))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
