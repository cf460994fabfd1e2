import {
  actionStatusLabels,
  displayNameOf,
  formatEuros,
  type Governance,
  type Person,
  plural,
  type Roadmap,
  type RoadmapHealth,
  roadmapStatusLabels,
} from '@maille/domain';
import { formatDate, formatPercent, formatRatio } from '../french.ts';

/**
 * The health of a roadmap as lines of French text for a terminal: what a coordinator reads before
 * a steering committee.
 */
export function formatRoadmapHealth(
  governance: Governance,
  roadmap: Roadmap,
  health: RoadmapHealth,
  persons: ReadonlyMap<string, Person>,
): string[] {
  const owner = (id: string | null) =>
    id ? ` (${displayNameOf(persons.get(id))})` : ' (sans responsable)';
  const code = (action: { code: string } | null) => (action ? `[${action.code}] ` : '');
  const { actions, funding } = health;
  const statusCounts = Object.entries(actions.byStatus)
    .filter(([, count]) => count > 0)
    .map(
      ([status, count]) =>
        `${actionStatusLabels[status as keyof typeof actionStatusLabels].toLowerCase()} : ${count}`,
    );

  const lines = [
    // Demonstration data says so wherever it is named.
    `━━ ${governance.name}${governance.demo ? ' · Démonstration' : ''} ━━`,
    `Feuille de route « ${roadmap.title} » (${roadmap.fromYear}–${roadmap.toYear}) · ${roadmapStatusLabels[roadmap.status]}${
      roadmap.adoption
        ? ` le ${formatDate(roadmap.adoption.date)} par le ${roadmap.adoption.assembly}`
        : ''
    }`,
    `Avancement global : ${formatPercent(health.progress.overall.progress)}`,
    `Fiches : ${actions.total} (${statusCounts.join(', ')})`,
  ];
  if (health.doneRate !== null) {
    lines.push(`Taux de réalisation des fiches-actions : ${formatRatio(health.doneRate)}`);
  }
  lines.push(
    funding.budgetCents > 0
      ? `Financements : ${formatEuros(funding.securedCents)} obtenus sur ${formatEuros(funding.budgetCents)} de budget (${formatRatio(funding.securedRatio ?? 0)}), reste à trouver ${formatEuros(funding.gapCents)}`
      : `Financements : ${formatEuros(funding.securedCents)} obtenus, aucun budget saisi`,
  );

  lines.push(
    `Jalons en retard : ${health.lateMilestones.length === 0 ? 'aucun' : health.lateMilestones.length}`,
  );
  for (const m of health.lateMilestones) {
    lines.push(
      `  • ${code(m.action)}${m.title} — prévu le ${formatDate(m.dueDate)}, ${plural(m.daysLate, 'jour', 'jours')} de retard${owner(m.ownerId)}`,
    );
  }
  lines.push(
    `Prochains jalons (30 jours) : ${health.upcomingMilestones.length === 0 ? 'aucun' : health.upcomingMilestones.length}`,
  );
  for (const m of health.upcomingMilestones) {
    const when = m.daysUntil === 0 ? 'aujourd’hui' : `dans ${plural(m.daysUntil, 'jour', 'jours')}`;
    lines.push(
      `  • ${code(m.action)}${m.title} — le ${formatDate(m.dueDate)}, ${when}${owner(m.ownerId)}`,
    );
  }
  if (health.actionsWithoutOwner.length > 0) {
    lines.push(
      `Fiches sans responsable : ${health.actionsWithoutOwner.map((a) => `[${a.code}] ${a.title}`).join(' ; ')}`,
    );
  }
  for (const wait of health.awaitingPromotion) {
    lines.push(
      wait.blockers.length === 0
        ? `Fiche-projet prête à devenir fiche-action : [${wait.action.code}] ${wait.action.title}`
        : `Fiche-projet en maturation : [${wait.action.code}] ${wait.action.title} — ${wait.blockers.join(' ')}`,
    );
  }
  if (health.progress.byAxis.length > 0) {
    lines.push('Avancement par axe :');
    for (const axis of health.progress.byAxis) {
      lines.push(
        `  • ${axis.title} : ${formatPercent(axis.progress)} (${plural(axis.actionCount, 'fiche', 'fiches')})`,
      );
    }
  }
  return lines;
}
