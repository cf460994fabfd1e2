import { type BenchRow, formatMs, measure } from '@maille/bench';
import { roadmapHealth } from '../src/roadmap/health.ts';
import { buildLargeRoadmap } from '../src/testing/large-roadmap.ts';

/** Times `roadmapHealth` on a 200-action roadmap (the data is built before measuring). */
export function benchRoadmap(): BenchRow[] {
  const data = buildLargeRoadmap({
    governanceId: 'gov_bench0001',
    roadmapId: 'rdm_bench0001',
    organizationIds: ['org_bench0001', 'org_bench0002'],
    personIds: Array.from({ length: 40 }, (_, i) => `per_bench${String(i).padStart(4, '0')}`),
    from: '2024-01-01',
  });
  const today = '2024-12-15';
  const timing = measure(() => roadmapHealth({ ...data, today }), { runs: 200, warmup: 50 });
  return [
    {
      what: 'Santé d’une feuille de route de 200 actions',
      result: formatMs(timing.medianMs),
      target: '< 1 ms',
      met: timing.medianMs < 1,
    },
  ];
}
