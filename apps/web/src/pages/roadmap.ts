import {
  actionKindLabels,
  actionStatusLabels,
  formatDate,
  ROADMAP_TRANSITIONS,
  roadmapStatusLabels,
  versionReasonLabels,
} from '@maille/domain';
import type { OverviewAction, RoadmapOverview } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  type Refused,
  selectField,
  stateOf,
  type Typed,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPath, governancePath, roadmapPath } from '../paths.ts';
import { decidedByLine } from './decision.ts';
import { HOME_STEP, type Html, layout, progressBar } from './layout.ts';

/**
 * « Feuille de route »: the roadmap as a tree, axes → fiches, each with its weighted progress;
 * filters by axis, status, owner and lateness (a GET form, so a filtered view is a link one can
 * share); the adoption state and the frozen versions.
 */
export function roadmapPage(
  overview: RoadmapOverview,
  filters: Typed,
  signedInAs: string,
  refused?: Refused<'adoption' | 'statut'>,
  history?: Html,
): Html {
  const { roadmap, governance, health } = overview;
  const t = fr.roadmap;
  const filtered = Object.values(filters).some((v) => v !== '');
  const body = html`
<section class="card" aria-labelledby="etat"><h2 id="etat">${t.state}</h2>
<p>${roadmapStatusLabels[roadmap.status]} · ${roadmap.fromYear}–${roadmap.toYear}${
    roadmap.adoption
      ? html` · ${t.adopted(formatDate(roadmap.adoption.date), roadmap.adoption.assembly)}${
          roadmap.adoption.deliberationRef ? `, n° ${roadmap.adoption.deliberationRef}` : ''
        }`
      : html` · ${t.notAdopted}`
  }</p>
${roadmap.status === 'adoptee' && roadmap.decidedBy ? decidedByLine(roadmap.decidedBy) : ''}
<p>${progressBar(health.progress.overall.progress, t.overall)}</p>
<p class="muted">${t.counts(health.actions.total, health.lateMilestones.length)}</p>
${
  overview.versions.length === 0
    ? html`<p class="muted">${t.noVersion}</p>`
    : html`<h3>${t.versions}</h3><ul class="items">${overview.versions.map(
        (v) =>
          html`<li>${t.version(v.number)} — ${versionReasonLabels[v.reason]}, ${formatDate(v.takenAt)}</li>`,
      )}</ul>`
}
${overview.may['action.create'] ? html`<p><a class="button" href="${roadmapPath(roadmap.id)}/fiches/nouvelle">${t.newAction}</a></p>` : ''}
${overview.may['roadmap.edit'] ? html`<p><a href="${roadmapPath(roadmap.id)}/modifier">${fr.roadmapForm.edit}</a></p>` : ''}
${overview.may['roadmap.adopt'] ? adoptionForms(overview, refused) : ''}
</section>
<form class="card filters" method="get" action="${roadmapPath(roadmap.id)}" aria-labelledby="filtres">
<h2 id="filtres">${t.filters}</h2>
<div class="row">
${selectField({
  name: 'axe',
  label: t.axis,
  typed: filters,
  errors: {},
  blank: t.all,
  choices: [
    ...roadmap.axes.map((a) => ({
      value: a.id,
      label: a.code ? `${a.code} · ${a.title}` : a.title,
    })),
    { value: 'sans_axe', label: t.noAxis },
  ],
})}
${selectField({
  name: 'statut',
  label: t.status,
  typed: filters,
  errors: {},
  blank: t.all,
  choices: choicesOf(actionStatusLabels),
})}
${selectField({
  name: 'responsable',
  label: t.owner,
  typed: filters,
  errors: {},
  blank: t.all,
  choices: overview.owners.map((p) => ({ value: p.id, label: p.name })),
})}
<div class="field check"><input type="checkbox" id="retard" name="retard" value="1"${filters.retard ? html` checked` : ''}><label for="retard">${t.lateOnly}</label></div>
</div>
<p><button type="submit">${t.apply}</button>${filtered ? html` <a href="${roadmapPath(roadmap.id)}">${t.reset}</a>` : ''}</p>
<p class="muted" role="status">${t.shown(overview.shown, overview.total)}</p>
</form>
${overview.axes
  .filter((axis) => axis.actions.length > 0 || (!filtered && axis.axisId !== null))
  .map(
    (axis) => html`<section class="card" aria-labelledby="axe-${axis.axisId ?? 'sans'}">
<h2 id="axe-${axis.axisId ?? 'sans'}">${axis.code ? `${axis.code} · ` : ''}${axis.title}</h2>
<p>${progressBar(axis.progress, t.axisProgress(axis.title))} <span class="muted">${t.actionCount(axis.actionCount)}</span></p>
${
  axis.actions.length === 0
    ? html`<p class="muted">${t.noAction}</p>`
    : html`<ul class="tree">${axis.actions.map(actionRow)}</ul>`
}
</section>`,
  )}`;
  return layout({
    demo: governance.demo === true,
    title: roadmap.title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: roadmap.title, href: roadmapPath(roadmap.id) },
      ],
    },
    signedInAs,
    history,
    body,
  });
}

/** Recording the adoption, and the other changes of status the roadmap's state allows. */
function adoptionForms(overview: RoadmapOverview, refused: Refused | undefined): Html {
  const t = fr.roadmapForm;
  const { roadmap } = overview;
  const next = ROADMAP_TRANSITIONS[roadmap.status];
  const adoption: { typed: Typed; errors: FieldErrors } = stateOf(refused, 'adoption');
  const status = stateOf(refused, 'statut');
  const others = next.filter((s) => s !== 'adoptee');
  return html`${
    next.includes('adoptee')
      ? html`<details${refused?.form === 'adoption' ? ' open' : ''}><summary>${t.adopt}</summary>
<p class="hint">${t.adoptHint}</p>
${formAlert(adoption.errors, ['date', 'assembly', 'deliberationRef'])}
<form method="post" action="${roadmapPath(roadmap.id)}/adoption" novalidate>
<input type="hidden" name="version" value="${roadmap.version}">
${textField({ name: 'date', label: t.adoptionDate, type: 'date', required: true, ...adoption })}
${textField({ name: 'assembly', label: t.assembly, hint: t.assemblyHint, required: true, maxlength: 200, ...adoption })}
${textField({ name: 'deliberationRef', label: t.deliberationRef, maxlength: 100, ...adoption })}
<p><button type="submit">${t.adoptButton}</button></p>
</form></details>`
      : ''
  }${
    others.length > 0
      ? html`<details${refused?.form === 'statut' ? ' open' : ''}><summary>${t.changeStatus}</summary>
${formAlert(status.errors, ['status'])}
<form method="post" action="${roadmapPath(roadmap.id)}/statut" novalidate>
<input type="hidden" name="version" value="${roadmap.version}">
${selectField({ name: 'status', label: t.newStatus, choices: others.map((value) => ({ value, label: roadmapStatusLabels[value] })), ...status })}
<p><button type="submit">${t.statusButton}</button></p>
</form></details>`
      : ''
  }`;
}

function actionRow(action: OverviewAction): Html {
  const t = fr.roadmap;
  return html`<li>
<a href="${actionPath(action.id)}"><strong>${action.code}</strong> · ${action.title}</a>
<span class="tag">${actionKindLabels[action.kind]}</span> <span class="tag">${actionStatusLabels[action.status]}</span>${
    action.lateMilestoneCount > 0
      ? html` <span class="tag late">${t.lateCount(action.lateMilestoneCount)}</span>`
      : ''
  }<br>
${progressBar(action.progress, t.actionProgress(action.code))}
<span class="muted">${action.owner ? fr.governance.owner(action.owner.name) : fr.governance.noOwner}${
    action.nextDueDate ? ` · ${t.nextDue(formatDate(action.nextDueDate))}` : ''
  }</span>
</li>`;
}
