import {
  adoptRoadmap,
  changeRoadmapStatus,
  recordMeasurement,
  recordUpdate,
  type UseCaseContext,
} from '@maille/domain/use-cases';
import type { DemoDataset } from './context.ts';
import { DEMO_IDS } from './demo-dataset.ts';

/**
 * What only use cases produce on top of the demo dataset, for La Rochelle: a revision adopted
 * again (a frozen roadmap version), an update, a corrected figure (a third revision) and their
 * audit trail — so tests of exports, imports and erasure see every kind of record. `coordinator`
 * acts as La Rochelle's coordinator on the store holding `dataset`.
 *
 * @example
 * await addDemoHistory({ store, clock, ids, actor: { personId: DEMO_IDS.laRochelle.coordinator, channel: 'api' } }, demo);
 */
export async function addDemoHistory(
  coordinator: UseCaseContext,
  dataset: DemoDataset,
): Promise<void> {
  const roadmapId = DEMO_IDS.laRochelle.roadmap;
  await changeRoadmapStatus(coordinator, { roadmapId, status: 'en_revision' });
  await adoptRoadmap(coordinator, {
    roadmapId,
    adoption: { date: '2026-11-20', assembly: 'Conseil communautaire' },
    note: 'Révision à mi-parcours.',
  });
  await recordUpdate(coordinator, {
    subject: { type: 'roadmap', id: roadmapId },
    kind: 'decision',
    text: 'Feuille de route révisée adoptée en conseil communautaire.',
  });
  const figure = dataset.measurements.find((m) => m.id === 'mes_lrq3actionsr2');
  if (!figure) throw new Error('the demo should hold a revised figure');
  await recordMeasurement(coordinator, {
    indicatorId: figure.indicatorId,
    territory: figure.territory,
    period: figure.period,
    value: figure.value + 4,
    status: 'valide',
    comment: 'Deux permanences oubliées.',
  });
}
