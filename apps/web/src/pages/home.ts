import {
  formalityLabels,
  formatDate,
  milestoneStateLabels,
  TEXT_LIMITS,
  territoryLevelLabels,
} from '@maille/domain';
import type { ChangesSinceLastVisit, MyWorkInGovernance } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import { choicesOf, formAlert, type Refused, selectField, stateOf, textField } from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPath, governancePath } from '../paths.ts';
import { demoBadge, HOME_STEP, type Html, layout } from './layout.ts';

/**
 * « Accueil »: the person's governances, and in each what they carry. Milestones come soonest
 * first, as `listMyWork` gives them, so the late ones lead.
 */
export function homePage(
  name: string,
  work: readonly MyWorkInGovernance[],
  changes: ChangesSinceLastVisit,
  refused?: Refused<'gouvernance'>,
): Html {
  const body = html`${
    work.length === 0
      ? html`<p>${fr.home.noGovernance}</p>`
      : html`${sinceLastVisit(changes)}${work.map(
          ({
            governance,
            milestones,
            actions,
          }) => html`<section class="card" aria-labelledby="g-${governance.id}">
<h2 id="g-${governance.id}"><a href="${governancePath(governance.id)}">${governance.name}</a>${demoBadge(governance)}</h2>
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
        )}`
  }
${newGovernanceForm(refused)}`;
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
              html`<li><strong>${u.subject.type === 'action' ? html`<a href="${actionPath(u.subject.id)}">${u.subject.title}</a>` : u.subject.title}</strong> — ${u.text} <span class="muted">(${u.author.name}, ${formatDate(u.createdAt)})</span></li>`,
          )}</ul>${count > updates.length ? html`<p><a href="${governancePath(governance.id)}#points">${t.more(count - updates.length)}</a></p>` : ''}`,
        )
}
</section>`;
}

/** The levels a governance coordinates; communes join through their intercommunality. */
const GOVERNANCE_LEVELS = ['epci', 'departement', 'region'] as const;

/** Opening the coordination of a territory, by its official code. */
function newGovernanceForm(refused: Refused | undefined): Html {
  const t = fr.home;
  const field = stateOf(refused, 'gouvernance', { level: 'epci', formality: 'informelle' });
  return html`<section class="card" aria-label="${t.newGovernance}"><details${refused ? ' open' : ''}><summary>${t.newGovernance}</summary>
<p class="hint">${t.newGovernanceLead}</p>
${formAlert(field.errors, ['name', 'level', 'code', 'formality'])}
<form method="post" action="/gouvernances/nouvelle" novalidate>
${textField({ name: 'name', label: t.governanceName, hint: t.governanceNameHint, required: true, maxlength: TEXT_LIMITS.name, ...field })}
${selectField({ name: 'level', label: t.level, choices: GOVERNANCE_LEVELS.map((value) => ({ value, label: territoryLevelLabels[value] })), ...field })}
${textField({ name: 'code', label: t.code, hint: t.codeHint, required: true, maxlength: 14, ...field })}
${selectField({ name: 'formality', label: t.formality, choices: choicesOf(formalityLabels), ...field })}
<p><button type="submit">${t.openGovernance}</button></p>
</form></details></section>`;
}
