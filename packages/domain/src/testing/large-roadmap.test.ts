import { describe, expect, it } from 'vitest';
import { Action } from '../roadmap/action.ts';
import { FundingLine } from '../roadmap/funding-line.ts';
import { Milestone } from '../roadmap/milestone.ts';
import { Roadmap } from '../roadmap/roadmap.ts';
import { Update } from '../roadmap/update.ts';
import { buildLargeRoadmap } from './large-roadmap.ts';

describe('buildLargeRoadmap', () => {
  const data = buildLargeRoadmap({
    governanceId: 'gov_grande',
    roadmapId: 'rdm_grande',
    organizationIds: ['org_porteuse1', 'org_partenaire'],
    personIds: ['per_premiere', 'per_seconde'],
    from: '2026-01-01',
  });

  it('builds entities the kernel’s schemas accept, so storage can read them back', () => {
    expect(Roadmap.safeParse(data.roadmap).error).toBeUndefined();
    for (const [schema, entities] of [
      [Action, data.actions],
      [Milestone, data.milestones],
      [FundingLine, data.fundingLines],
      [Update, data.updates],
    ] as const) {
      for (const entity of entities) expect(schema.safeParse(entity).error).toBeUndefined();
    }
  });

  it('has the announced size, every id unique, all in the given roadmap', () => {
    expect(data.actions).toHaveLength(200);
    expect(data.milestones).toHaveLength(1000);
    expect(data.fundingLines).toHaveLength(400);
    expect(data.updates).toHaveLength(400);
    const ids = [data.actions, data.milestones, data.fundingLines, data.updates].flatMap((list) =>
      list.map((entity) => entity.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.milestones.every((m) => m.roadmapId === 'rdm_grande')).toBe(true);
  });
});
