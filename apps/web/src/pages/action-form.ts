import { priorityLabels, TEXT_LIMITS } from '@maille/domain';
import type { PersonRef } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  selectField,
  type Typed,
  textArea,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPath, governancePath, roadmapPath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** The fields of the sheet's form, in the order they are shown, with their French labels. */
export const ACTION_FIELDS = {
  code: 'Code',
  title: 'Intitulé',
  axisId: 'Axe',
  ownerId: 'Responsable',
  priority: 'Priorité',
  weight: 'Poids dans l’avancement',
  startDate: 'Début',
  endDate: 'Fin',
  budget: 'Budget (€)',
  description: 'Description',
  objectives: 'Objectifs',
} as const;
export type ActionFieldName = keyof typeof ACTION_FIELDS;

/** What the page around the form needs: where it sits, and the choices of its lists. */
export interface ActionFormContext {
  governance: { id: string; name: string };
  roadmap: {
    id: string;
    title: string;
    axes: readonly { id: string; title: string; code?: string | undefined }[];
  };
  members: readonly PersonRef[];
}

/** The form's state: what is typed, the errors, and for an edit the version it was read at. */
export interface ActionFormState {
  typed: Typed;
  errors: FieldErrors;
  /** An edit: the version read, and the values read then (to tell what the person changed). */
  edit?: {
    actionId: string;
    code: string;
    version: number;
    before: Typed;
    /** Someone saved the sheet meanwhile: the fields they changed, what they hold now. */
    changedMeanwhile?: { field: ActionFieldName; now: string; yours: string }[];
  };
}

/**
 * Creating or editing a sheet. An edit carries the version it was read at and the values read
 * then: when someone saved the sheet meanwhile, the page shows what they changed beside what the
 * person typed, keeps both, and lets them save again — never a silent overwrite.
 */
export function actionFormPage(
  context: ActionFormContext,
  state: ActionFormState,
  signedInAs: string,
): Html {
  const t = fr.actionForm;
  const { typed, errors, edit } = state;
  const field = { typed, errors };
  const action = edit
    ? `${actionPath(edit.actionId)}/modifier`
    : `${roadmapPath(context.roadmap.id)}/fiches/nouvelle`;
  const names = [...Object.keys(ACTION_FIELDS), 'milestoneTitle', 'milestoneDueDate'];
  const body = html`
${
  edit?.changedMeanwhile
    ? html`<div class="alert" role="alert"><p><strong>${t.staleTitle}</strong> ${t.stale}</p>
<ul>${edit.changedMeanwhile.map(
        (c) =>
          html`<li>${ACTION_FIELDS[c.field]} : ${t.now} « ${c.now || t.empty} » — ${t.yours} « ${c.yours || t.empty} »</li>`,
      )}</ul></div>`
    : ''
}
${formAlert(errors, names)}
<form method="post" action="${action}" class="card" novalidate>
${
  edit
    ? html`<input type="hidden" name="version" value="${edit.version}"><input type="hidden" name="avant" value="${JSON.stringify(edit.before)}">`
    : ''
}
<fieldset><legend>${t.identity}</legend>
${textField({ name: 'code', label: ACTION_FIELDS.code, hint: t.codeHint, required: true, maxlength: TEXT_LIMITS.code, ...field })}
${textField({ name: 'title', label: ACTION_FIELDS.title, required: true, maxlength: TEXT_LIMITS.title, ...field })}
${selectField({
  name: 'axisId',
  label: ACTION_FIELDS.axisId,
  blank: t.noAxis,
  choices: context.roadmap.axes.map((a) => ({
    value: a.id,
    label: a.code ? `${a.code} · ${a.title}` : a.title,
  })),
  ...field,
})}
${selectField({
  name: 'ownerId',
  label: ACTION_FIELDS.ownerId,
  blank: t.noOwner,
  choices: context.members.map((p) => ({ value: p.id, label: p.name })),
  ...field,
})}
${selectField({
  name: 'priority',
  label: ACTION_FIELDS.priority,
  choices: choicesOf(priorityLabels),
  ...field,
})}
${textField({ name: 'weight', label: ACTION_FIELDS.weight, hint: t.weightHint, type: 'number', step: 'any', ...field })}
</fieldset>
<fieldset><legend>${t.planning}</legend>
${textField({ name: 'startDate', label: ACTION_FIELDS.startDate, type: 'date', ...field })}
${textField({ name: 'endDate', label: ACTION_FIELDS.endDate, type: 'date', ...field })}
${textField({ name: 'budget', label: ACTION_FIELDS.budget, hint: t.budgetHint, maxlength: 30, ...field })}
</fieldset>
<fieldset><legend>${t.content}</legend>
${textArea({ name: 'description', label: ACTION_FIELDS.description, maxlength: TEXT_LIMITS.long, rows: 6, ...field })}
${textArea({ name: 'objectives', label: ACTION_FIELDS.objectives, maxlength: TEXT_LIMITS.text, ...field })}
</fieldset>
${
  edit
    ? ''
    : html`<fieldset><legend>${t.firstMilestone}</legend><p class="hint">${t.firstMilestoneHint}</p>
${textField({ name: 'milestoneTitle', label: t.milestoneTitle, maxlength: TEXT_LIMITS.title, ...field })}
${textField({ name: 'milestoneDueDate', label: t.milestoneDueDate, type: 'date', ...field })}
</fieldset>`
}
<p><button type="submit">${edit ? (edit.changedMeanwhile ? t.saveAgain : t.save) : t.create}</button>
<a href="${edit ? actionPath(edit.actionId) : roadmapPath(context.roadmap.id)}">${t.back}</a></p>
</form>`;
  const here = edit
    ? { label: t.editTitle(edit.code), href: action }
    : { label: t.newTitle, href: action };
  return layout({
    title: here.label,
    trail: {
      steps: [
        HOME_STEP,
        { label: context.governance.name, href: governancePath(context.governance.id) },
        { label: context.roadmap.title, href: roadmapPath(context.roadmap.id) },
        ...(edit ? [{ label: edit.code, href: actionPath(edit.actionId) }] : []),
        here,
      ],
    },
    signedInAs,
    body,
  });
}
