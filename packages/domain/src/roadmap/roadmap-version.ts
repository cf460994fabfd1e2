import { z } from 'zod';
import { DecidedBy } from '../governance/decided-by.ts';
import { enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Text } from '../shared/text.ts';
import { Instant } from '../shared/time.ts';
import { Action } from './action.ts';
import { FundingLine } from './funding-line.ts';
import { Milestone } from './milestone.ts';
import { Roadmap } from './roadmap.ts';

export const versionReasonLabels = {
  adoption: 'Adoption',
  revision: 'Révision',
} as const;
export const VersionReason = enumOf(versionReasonLabels);
export type VersionReason = z.infer<typeof VersionReason>;

/**
 * An immutable snapshot of a roadmap with its actions, milestones and funding, taken at adoption
 * and at each revision: what the assembly voted stays readable whatever changes later.
 */
export const RoadmapVersion = z.object({
  id: idOf('roadmapVersion'),
  roadmapId: idOf('roadmap'),
  governanceId: idOf('governance'),
  number: z.number().int().min(1),
  reason: VersionReason,
  note: Text.optional(),
  takenAt: Instant,
  takenById: idOf('person'),
  /** The meeting decision that adopted this version, when a committee did. */
  decidedBy: DecidedBy.optional(),
  snapshot: z.object({
    roadmap: Roadmap,
    actions: z.array(Action),
    milestones: z.array(Milestone),
    fundingLines: z.array(FundingLine),
  }),
});
export type RoadmapVersion = z.infer<typeof RoadmapVersion>;
