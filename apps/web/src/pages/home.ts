import { formatDate, milestoneStateLabels } from '@maille/domain';
import type { MyWorkInGovernance } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/**
 * « Accueil »: the person's governances, and in each what they carry. Milestones come soonest
 * first, as `listMyWork` gives them, so the late ones lead.
 */
export function homePage(name: string, work: readonly MyWorkInGovernance[]): Html {
  const body =
    work.length === 0
      ? html`<p>${fr.home.noGovernance}</p>`
      : html`${work.map(
          ({
            governance,
            milestones,
            actions,
          }) => html`<section class="card" aria-labelledby="g-${governance.id}">
<h2 id="g-${governance.id}"><a href="/gouvernances/${governance.id}">${governance.name}</a></h2>
<h3>${fr.home.myMilestones}</h3>
${
  milestones.length === 0
    ? html`<p class="muted">${fr.home.noMilestone}</p>`
    : html`<ul class="items">${milestones.map(
        ({ milestone, state, actionTitle }) =>
          html`<li${state === 'en_retard' ? html` class="late"` : ''}>${milestone.title}${
            actionTitle ? html` <span class="muted">(${actionTitle})</span>` : ''
          } — ${formatDate(milestone.dueDate)} · ${milestoneStateLabels[state]}</li>`,
      )}</ul>`
}
<h3>${fr.home.myActions}</h3>
${
  actions.length === 0
    ? html`<p class="muted">${fr.home.noAction}</p>`
    : html`<ul class="items">${actions.map((action) => html`<li>${action.code} · ${action.title}</li>`)}</ul>`
}
</section>`,
        )}`;
  return layout({
    title: fr.home.welcome(name),
    trail: { steps: [HOME_STEP] },
    signedInAs: name,
    body,
  });
}
