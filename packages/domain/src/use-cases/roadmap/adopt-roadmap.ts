import { z } from 'zod';
import { Adoption, Roadmap } from '../../roadmap/roadmap.ts';
import { checkRoadmapTransition } from '../../roadmap/roadmap-status.ts';
import { RoadmapVersion } from '../../roadmap/roadmap-version.ts';
import { idOf } from '../../shared/ids.ts';
import { Text } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { actingPersonId, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, recordAudit } from '../helpers.ts';

export const AdoptRoadmapInput = z.object({
  roadmapId: idOf('roadmap'),
  expectedVersion: z.number().int().min(1).optional(),
  adoption: Adoption,
  note: Text.optional(),
});
export type AdoptRoadmapInput = z.input<typeof AdoptRoadmapInput>;

/**
 * Records the adoption of a roadmap by its assembly (date, assembly, deliberation) and freezes an
 * immutable version of it with its actions, milestones and funding: the first adoption is version
 * 1, each re-adoption after a revision the next one.
 */
export async function adoptRoadmap(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ roadmap: Roadmap; version: RoadmapVersion }> {
  const { roadmapId, expectedVersion, adoption, note } = validate(AdoptRoadmapInput, input);
  const byId = actingPersonId(ctx);
  return ctx.store.transaction(async (repos) => {
    const before = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
    await authorize(ctx, repos, 'roadmap.adopt', before.governanceId, {
      roadmap: before,
      asked: ['Feuille de route', before.id],
    });
    checkVersion(before, expectedVersion);
    checkRoadmapTransition(before.status, 'adoptee');
    const now = ctx.clock();
    const decidedBy = ctx.decision ? { decidedBy: ctx.decision } : {};
    const roadmap = nextVersion(
      Roadmap,
      before,
      { status: 'adoptee', adoption, ...decidedBy },
      now,
    );
    const [actions, milestones, fundingLines, versions] = await Promise.all([
      repos.actions.listByRoadmap(roadmapId),
      repos.milestones.listByRoadmap(roadmapId),
      repos.fundingLines.listByGovernance(before.governanceId),
      repos.roadmapVersions.listByRoadmap(roadmapId),
    ]);
    const actionIds = new Set(actions.map((a) => a.id));
    const version = validate(RoadmapVersion, {
      id: ctx.ids('roadmapVersion'),
      roadmapId,
      governanceId: before.governanceId,
      number: versions.length + 1,
      reason: versions.length === 0 ? 'adoption' : 'revision',
      ...(note ? { note } : {}),
      takenAt: now,
      takenById: byId,
      ...decidedBy,
      snapshot: {
        roadmap,
        actions,
        milestones,
        fundingLines: fundingLines.filter((f) => actionIds.has(f.actionId)),
      },
    });
    await repos.roadmaps.update(roadmap);
    await repos.roadmapVersions.insert(version);
    await recordAudit(ctx, repos, {
      entity: 'roadmap',
      entityId: roadmapId,
      governanceId: before.governanceId,
      action: 'adopt',
      before,
      after: roadmap,
    });
    return { roadmap, version };
  });
}
