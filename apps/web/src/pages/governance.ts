import { formatDate } from '@maille/domain';
import type { GovernanceDashboard } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout, progressBar } from './layout.ts';
import { roadmapPath } from './roadmap.ts';

const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/**
 * « Gouvernance »: what a coordinator opens before a steering committee — late and upcoming
 * milestones, each roadmap's progress and funding, the indicators against their targets, the
 * latest updates. Everything comes from the kernel's dashboard.
 */
export function governancePage(dashboard: GovernanceDashboard, signedInAs: string): Html {
  const { governance } = dashboard;
  const t = fr.governance;
  const owner = (o: { name: string } | null) => (o ? t.owner(o.name) : t.noOwner);
  const body = html`
<section class="card" aria-labelledby="retards"><h2 id="retards">${t.late}</h2>
${
  dashboard.lateMilestones.length === 0
    ? html`<p class="muted">${t.noLate}</p>`
    : html`<ul class="items">${dashboard.lateMilestones.map(
        (m) =>
          html`<li><span class="late">${m.title}</span> — ${formatDate(m.dueDate)}, ${t.daysLate(m.daysLate)} <span class="muted">(${m.roadmap.title} ; ${owner(m.owner)})</span></li>`,
      )}</ul>`
}
</section>
<section class="card" aria-labelledby="prochains"><h2 id="prochains">${t.upcoming(dashboard.upcomingDays)}</h2>
${
  dashboard.upcomingMilestones.length === 0
    ? html`<p class="muted">${t.noUpcoming}</p>`
    : html`<ul class="items">${dashboard.upcomingMilestones.map(
        (m) =>
          html`<li>${m.title} — ${formatDate(m.dueDate)}, ${t.daysUntil(m.daysUntil)} <span class="muted">(${owner(m.owner)})</span></li>`,
      )}</ul>`
}
</section>
<section class="card" aria-labelledby="feuilles"><h2 id="feuilles">${t.roadmaps}</h2>
<ul class="items">${dashboard.roadmaps.map(
    (
      r,
    ) => html`<li><a href="${roadmapPath(r.roadmap.id)}"><strong>${r.roadmap.title}</strong></a> (${r.roadmap.fromYear}–${r.roadmap.toYear})<br>
${t.progress} : ${progressBar(r.progress.progress, `${t.progress} — ${r.roadmap.title}`)}<br>
<span class="muted">${t.funding} : ${r.funding.summary}</span></li>`,
  )}</ul>
</section>
<section class="card" aria-labelledby="indicateurs"><h2 id="indicateurs">${t.indicators}</h2>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="indicateurs"><table>
<thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.period}</th><th scope="col">${t.value}</th><th scope="col">${t.target}</th></tr></thead>
<tbody>${dashboard.indicators.map(
    (s) =>
      html`<tr><th scope="row">${s.indicator.label}</th><td>${s.periodLabel}</td><td>${figure(s.value)}</td><td>${figure(s.target)}</td></tr>`,
  )}</tbody>
</table></div>
</section>
<section class="card" aria-labelledby="points"><h2 id="points">${t.recentUpdates}</h2>
${
  dashboard.recentUpdates.length === 0
    ? html`<p class="muted">${t.noUpdate}</p>`
    : html`<ul class="items">${dashboard.recentUpdates.map(
        (u) =>
          html`<li><strong>${u.subject.title}</strong> — ${u.text} <span class="muted">(${u.author.name}, ${formatDate(u.createdAt)})</span></li>`,
      )}</ul>`
}
</section>`;
  return layout({
    title: governance.name,
    trail: {
      steps: [HOME_STEP, { label: governance.name, href: `/gouvernances/${governance.id}` }],
    },
    signedInAs,
    body,
  });
}

function figure(value: number | null): string {
  return value === null ? fr.governance.noValue : numbers.format(value);
}
