import { describe, expect, it } from 'vitest';
import { InvalidTransitionError } from '../shared/errors.ts';
import { checkRoadmapTransition } from './roadmap-status.ts';

describe('checkRoadmapTransition', () => {
  it('lets a draft go to consultation and an adopted roadmap into revision', () => {
    expect(() => checkRoadmapTransition('brouillon', 'en_concertation')).not.toThrow();
    expect(() => checkRoadmapTransition('adoptee', 'en_revision')).not.toThrow();
  });

  it('refuses to turn an adopted roadmap back into a draft, saying what is possible', () => {
    expect(() => checkRoadmapTransition('adoptee', 'brouillon')).toThrow(InvalidTransitionError);
    expect(() => checkRoadmapTransition('adoptee', 'brouillon')).toThrow(/En révision/);
  });

  it('freezes an archived roadmap', () => {
    expect(() => checkRoadmapTransition('archivee', 'adoptee')).toThrow(/archivée ne change plus/);
  });
});
