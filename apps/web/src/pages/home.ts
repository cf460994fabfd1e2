import { formatDate, milestoneStateLabels } from '@maille/domain';
import type { ChangesSinceLastVisit, MyWorkInGovernance } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/**
 * « Accueil »: the person's governances, and in each what they carry. Milestones come soonest
 * first, as `listMyWork` gives them, so the late ones lead.
 */
export function homePage(
  name: string,
  work: readonly MyWorkInGovernance[],
  changes: ChangesSinceLastVisit,
): Html {
  const body =
    work.length === 0
      ? html`<p>${fr.home.noGovernance}</p>`
      : html`${sinceLastVisit(changes)}${work.map(
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

/** « Depuis votre dernière visite »: what others posted in one's governances meanwhile. */
function sinceLastVisit({ since, governances }: ChangesSinceLastVisit): Html {
  const t = fr.home;
  if (!since) return html``;
  const total = governances.reduce((sum, g) => sum + g.count, 0);
  return html`<section class="card" aria-labelledby="nouveautes"><h2 id="nouveautes">${t.sinceTitle(formatDate(since))}</h2>
${
  total === 0
    ? html`<p class="muted">${t.nothingNew}</p>`
    : governances
        .filter((g) => g.count > 0)
        .map(
          ({
            governance,
            count,
            updates,
          }) => html`<h3>${governance.name} <span class="muted">(${t.newCount(count)})</span></h3>
<ul class="items">${updates.map(
            (u) =>
              html`<li><strong>${u.subject.type === 'action' ? html`<a href="/fiches/${u.subject.id}">${u.subject.title}</a>` : u.subject.title}</strong> — ${u.text} <span class="muted">(${u.author.name}, ${formatDate(u.createdAt)})</span></li>`,
          )}</ul>${count > updates.length ? html`<p><a href="/gouvernances/${governance.id}#points">${t.more(count - updates.length)}</a></p>` : ''}`,
        )
}
</section>`;
}
