import { Governance } from '@maille/domain/governance';
import {
  createDemoContext,
  DEFAULT_DEMO_NOW,
  type DemoDataset,
  type DemoSlice,
} from './context.ts';
import { buildDronneEtBelle, DRONNE_ET_BELLE_IDS } from './dronne-et-belle.ts';
import { buildLaRochelle, LA_ROCHELLE_IDS } from './la-rochelle.ts';
import { buildTerritories } from './territories.ts';

export type { DemoDataset } from './context.ts';

export interface DemoOptions {
  /** The instant the demo is built for (UTC ISO string); defaults to `DEFAULT_DEMO_NOW`. */
  now?: string;
}

/** Well-known ids of the demo, for the start command, tests and the seed. */
export const DEMO_IDS = {
  laRochelle: LA_ROCHELLE_IDS,
  dronneEtBelle: DRONNE_ET_BELLE_IDS,
} as const;

/**
 * The demo dataset: two real territories (the CDA de La Rochelle and the CC Dronne et Belle)
 * with fictional people, their governances, roadmaps, actions, milestones, funding, updates and
 * indicators. Deterministic: the same `now` gives the same dataset, and every date that matters
 * for a live demo (late milestones, milestones of the coming days, recent updates) is placed
 * relative to `now`. Every entity has been parsed by its kernel schema.
 *
 * @example
 * const demo = buildDemoDataset({ now: '2026-11-24T09:00:00.000Z' });
 * demo.roadmaps.map((roadmap) => roadmap.title);
 */
export function buildDemoDataset(options: DemoOptions = {}): DemoDataset {
  const ctx = createDemoContext(options.now ?? DEFAULT_DEMO_NOW);
  const slices: DemoSlice[] = [buildLaRochelle(ctx), buildDronneEtBelle(ctx)];
  const merge = <T>(pick: (slice: DemoSlice) => T[]): T[] => slices.flatMap(pick);
  return {
    territories: buildTerritories(ctx),
    organizations: merge((s) => s.organizations),
    persons: merge((s) => s.persons),
    // Marked as demonstration data wherever they show, and for `maille demo supprimer`.
    governances: merge((s) => s.governances).map((g) => Governance.parse({ ...g, demo: true })),
    bodies: merge((s) => s.bodies),
    meetings: merge((s) => s.meetings),
    roadmaps: merge((s) => s.roadmaps),
    actions: merge((s) => s.actions),
    milestones: merge((s) => s.milestones),
    fundingLines: merge((s) => s.fundingLines),
    updates: merge((s) => s.updates),
    indicators: merge((s) => s.indicators),
    measurements: merge((s) => s.measurements),
  };
}
