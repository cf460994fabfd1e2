import { InvalidTransitionError } from '../shared/errors.ts';
import { type RoadmapStatus, roadmapStatusLabels } from './roadmap.ts';

/**
 * How a roadmap's status may move. Adoption (to `adoptee`) is its own use case because it records
 * the deliberation and freezes a version.
 *
 * | from            | to                                    |
 * |-----------------|---------------------------------------|
 * | brouillon       | en_concertation, adoptee, archivee    |
 * | en_concertation | brouillon, adoptee, archivee          |
 * | adoptee         | en_revision, archivee                 |
 * | en_revision     | adoptee, archivee                     |
 * | archivee        | —                                     |
 */
export const ROADMAP_TRANSITIONS: Readonly<Record<RoadmapStatus, readonly RoadmapStatus[]>> = {
  brouillon: ['en_concertation', 'adoptee', 'archivee'],
  en_concertation: ['brouillon', 'adoptee', 'archivee'],
  adoptee: ['en_revision', 'archivee'],
  en_revision: ['adoptee', 'archivee'],
  archivee: [],
};

/**
 * Throws an `InvalidTransitionError` in French when a roadmap may not go from `from` to `to`.
 *
 * @example
 * checkRoadmapTransition('adoptee', 'brouillon'); // throws: « Adoptée » → « Brouillon » refusé
 */
export function checkRoadmapTransition(from: RoadmapStatus, to: RoadmapStatus): void {
  if (ROADMAP_TRANSITIONS[from].includes(to)) return;
  const allowed = ROADMAP_TRANSITIONS[from].map((s) => `« ${roadmapStatusLabels[s]} »`);
  throw new InvalidTransitionError(
    `La feuille de route ne peut pas passer de « ${roadmapStatusLabels[from]} » à « ${roadmapStatusLabels[to]} ».`,
    [
      allowed.length > 0
        ? `Statuts possibles : ${allowed.join(', ')}.`
        : 'Une feuille de route archivée ne change plus.',
    ],
  );
}
