import { getGovernanceDashboard, getRoadmapHealth, listRoadmaps } from '@maille/domain/use-cases';
import { privately } from '../conversation/format.ts';
import { myWork } from '../conversation/subjects.ts';
import { fr } from '../messages/fr.ts';
import type { BotCommand } from './command.ts';

const texts = fr.feuille;

/**
 * `/feuille`: the health of the roadmaps of my governances, a few lines each, and the indicators
 * Maille computes from the data (places, communes covered, mediators…).
 */
export const feuille: BotCommand = {
  definition: { name: 'feuille', description: texts.description, options: [] },
  texts,
  async execute(call) {
    const me = await call.session();
    const lines: string[] = [];
    for (const entry of await myWork(me, 0)) {
      const roadmaps = await listRoadmaps(me.kernel, {
        governanceId: entry.governance.id,
        limit: 10,
      });
      for (const roadmap of roadmaps.items) {
        const { health } = await getRoadmapHealth(me.kernel, { roadmapId: roadmap.id });
        lines.push(
          texts.roadmap({
            title: roadmap.title,
            progress: Math.round(health.progress.overall.progress),
            actions: health.actions.total,
            done: health.actions.byStatus.realisee,
            late: health.lateMilestones.length,
            upcoming: health.upcomingMilestones.length,
            withoutOwner: health.actionsWithoutOwner.length,
          }),
        );
      }
      const { indicators } = await getGovernanceDashboard(me.kernel, {
        governanceId: entry.governance.id,
      });
      const computed = indicators.filter((s) => s.indicator.method === 'calcul');
      if (computed.length > 0)
        lines.push(
          texts.computed(
            entry.governance.name,
            computed.map((s) => ({
              label: s.indicator.label,
              value: s.value,
              unit: s.indicator.unit,
              period: s.periodLabel,
            })),
          ),
        );
    }
    if (lines.length === 0) return privately(texts.none);
    return privately([`**${texts.title}**`, ...lines].join('\n'));
  },
};
