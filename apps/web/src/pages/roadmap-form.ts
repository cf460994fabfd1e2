import { contractLabels, type Roadmap, TEXT_LIMITS } from '@maille/domain';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  type Refused,
  selectField,
  staleAlert,
  type Typed,
  textArea,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { governancePath, roadmapPath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** Blank rows under the axes of the form: as many new axes at a time. */
export const NEW_AXIS_ROWS = 3;

/** The fields of a roadmap its edit form sets (axes aside), with their French labels. */
export const ROADMAP_FIELDS = {
  title: fr.roadmapForm.title,
  fromYear: fr.roadmapForm.fromYear,
  toYear: fr.roadmapForm.toYear,
  contract: fr.roadmapForm.contract,
  public: fr.roadmapForm.public,
  diagnosis: fr.roadmapForm.diagnosis,
} as const;

/** An axis row's field names: its id (hidden, empty on a new row), code and title. */
export const axisRow = (index: number) =>
  ({ id: `axe-${index}-id`, code: `axe-${index}-code`, title: `axe-${index}-titre` }) as const;

/** A roadmap's values as its edit form shows them, its axes one row each then blank rows. */
export function typedRoadmap(roadmap: Roadmap): Typed {
  const typed: Record<string, string> = {
    title: roadmap.title,
    fromYear: String(roadmap.fromYear),
    toYear: String(roadmap.toYear),
    contract: roadmap.contract ?? '',
    public: roadmap.public ? 'oui' : 'non',
    diagnosis: roadmap.diagnosis.summary ?? '',
  };
  const axes = [...roadmap.axes].sort((a, b) => a.position - b.position);
  axes.forEach((axis, index) => {
    const row = axisRow(index);
    typed[row.id] = axis.id;
    typed[row.code] = axis.code ?? '';
    typed[row.title] = axis.title;
  });
  return typed;
}

/** How many axis rows a typed form holds (the rows it was shown with). */
export function axisRowCount(typed: Typed): number {
  let count = 0;
  while (axisRow(count).title in typed) count += 1;
  return count;
}

/** The year, contract, publicity and diagnosis fields, shared by creation and edit. */
function roadmapFields(field: { typed: Typed; errors: FieldErrors }): Html {
  const t = fr.roadmapForm;
  return html`${textField({ name: 'title', label: t.title, required: true, maxlength: TEXT_LIMITS.title, ...field })}
${textField({ name: 'fromYear', label: t.fromYear, type: 'number', required: true, ...field })}
${textField({ name: 'toYear', label: t.toYear, type: 'number', required: true, ...field })}`;
}

/** The creation form on the governance's page: a title and a period are enough to start. */
export function newRoadmapForm(
  governanceId: string,
  field: { typed: Typed; errors: FieldErrors },
  open: boolean,
): Html {
  return html`<details${open ? ' open' : ''}><summary>${fr.roadmapForm.newTitle}</summary>
${formAlert(field.errors, ['title', 'fromYear', 'toYear'])}
<form method="post" action="${governancePath(governanceId)}/feuilles-de-route" novalidate>
${roadmapFields(field)}
<p><button type="submit">${fr.roadmapForm.create}</button></p>
</form></details>`;
}

/**
 * Editing a roadmap: its title, period, contract, publicity, diagnosis and axes. An axis keeps
 * its identity (and its fiches) while its row is edited; emptying a row's title removes it,
 * which the kernel refuses while fiches belong to it.
 */
export function roadmapFormPage(
  context: { governance: { id: string; name: string }; roadmap: Roadmap },
  refused: Refused<'feuille'> | undefined,
  signedInAs: string,
): Html {
  const t = fr.roadmapForm;
  const { roadmap, governance } = context;
  const typed = refused?.typed ?? typedRoadmap(roadmap);
  const errors = refused?.errors ?? {};
  const field = { typed, errors };
  const rows = axisRowCount(typed) + (refused ? 0 : NEW_AXIS_ROWS);
  const axisNames = Array.from({ length: rows }, (_, i) => axisRow(i));
  const path = `${roadmapPath(roadmap.id)}/modifier`;
  const body = html`
${refused?.now ? staleAlert(ROADMAP_FIELDS, refused.now, refused.typed) : ''}
${formAlert(errors, [...Object.keys(ROADMAP_FIELDS), 'axes', ...axisNames.flatMap((r) => [r.code, r.title])])}
<form method="post" action="${path}" class="card" novalidate>
<input type="hidden" name="version" value="${roadmap.version}">
<fieldset><legend>${t.identity}</legend>
${roadmapFields(field)}
${selectField({ name: 'contract', label: t.contract, blank: t.noContract, choices: choicesOf(contractLabels), ...field })}
${selectField({
  name: 'public',
  label: t.public,
  hint: t.publicHint,
  choices: [
    { value: 'non', label: t.private },
    { value: 'oui', label: t.publicYes },
  ],
  ...field,
})}
${textArea({ name: 'diagnosis', label: t.diagnosis, hint: t.diagnosisHint, maxlength: TEXT_LIMITS.long, rows: 6, ...field })}
</fieldset>
<fieldset><legend>${t.axes}</legend><p class="hint">${t.axesHint}</p>
${errors.axes ? html`<p class="error">${errors.axes}</p>` : ''}
${axisNames.map(
  (row, index) => html`<div class="row-axis">
<input type="hidden" name="${row.id}" value="${typed[row.id] ?? ''}">
${textField({ name: row.code, label: t.axisCode(index + 1), maxlength: TEXT_LIMITS.code, ...field })}
${textField({ name: row.title, label: t.axisTitle(index + 1), maxlength: TEXT_LIMITS.title, ...field })}
</div>`,
)}
</fieldset>
<p><button type="submit">${refused?.now ? t.saveAgain : t.save}</button> <a href="${roadmapPath(roadmap.id)}">${t.back}</a></p>
</form>`;
  return layout({
    title: t.editTitle(roadmap.title),
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: roadmap.title, href: roadmapPath(roadmap.id) },
        { label: t.step, href: path },
      ],
    },
    signedInAs,
    body,
  });
}
