import {
  actionKindLabels,
  actionStatusLabels,
  formatDate,
  formatEuros,
  funderKindLabels,
  fundingDateLabels,
  fundingDatesOf,
  fundingStatusLabels,
  grantedCentsOf,
  milestoneStateLabels,
  paidCentsOf,
  priorityLabels,
  TEXT_LIMITS,
  updateChannelLabels,
  updateKindLabels,
} from '@maille/domain';
import type { ActionSheet, SheetMilestone } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  type Refused,
  selectField,
  stateOf,
  type Typed,
  textArea,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPath, governancePath, roadmapPath } from '../paths.ts';
import { decidedByLine } from './decision.ts';
import { HOME_STEP, type Html, layout, progressBar } from './layout.ts';

/** A form of the page that was refused: which one, what was typed, what to correct. */
export type RefusedForm = Refused<
  | 'point'
  | 'jalon'
  | 'statut'
  | 'financement'
  | `report-${string}`
  | `modif-${string}`
  | `point-${string}`
  | `fin-${string}`
  | `versement-${string}`
>;

/**
 * « Fiche-action »: the sheet, who carries it, its milestones (mark reached, reschedule with a
 * reason, cancel), its funding lines, the timeline of its updates and a form to post one. Only the
 * forms the reader's permissions allow are shown; a refused form comes back filled, with its
 * errors.
 */
export function actionPage(
  sheet: ActionSheet,
  signedInAs: string,
  refused?: RefusedForm,
  history?: Html,
): Html {
  const { action, roadmap, governance } = sheet;
  const t = fr.action;
  const typedFor = (form: RefusedForm['form']) => stateOf(refused, form);
  const body = html`
<section class="card" aria-labelledby="fiche"><h2 id="fiche">${t.sheet}</h2>
<p><span class="tag">${actionKindLabels[action.kind]}</span> <span class="tag">${actionStatusLabels[action.status]}</span> <span class="tag">${t.priority(priorityLabels[action.priority])}</span></p>
<p>${progressBar(sheet.progress, t.progress)}</p>
<dl class="facts">
<dt>${t.axis}</dt><dd>${sheet.axis ? sheet.axis.title : t.none}</dd>
<dt>${t.owner}</dt><dd>${sheet.owner ? sheet.owner.name : t.noOwner}</dd>
<dt>${t.leads}</dt><dd>${sheet.leads.length > 0 ? sheet.leads.map((o) => o.name).join(', ') : t.none}</dd>
<dt>${t.partners}</dt><dd>${sheet.partners.length > 0 ? sheet.partners.map((o) => o.name).join(', ') : t.none}</dd>
<dt>${t.dates}</dt><dd>${
    action.startDate || action.endDate
      ? `${action.startDate ? formatDate(action.startDate) : '…'} → ${action.endDate ? formatDate(action.endDate) : '…'}`
      : t.none
  }</dd>
<dt>${t.budget}</dt><dd>${action.budgetCents === undefined ? t.none : formatEuros(action.budgetCents)}</dd>
</dl>
${action.decidedBy ? decidedByLine(action.decidedBy) : ''}
${action.description ? html`<h3>${t.description}</h3><p class="text">${action.description}</p>` : ''}
${action.objectives ? html`<h3>${t.objectives}</h3><p class="text">${action.objectives}</p>` : ''}
${sheet.may['action.edit'] ? html`<p><a class="button" href="${actionPath(action.id)}/modifier">${t.edit}</a></p>` : ''}
${sheet.may['action.transition'] && sheet.nextStatuses.length > 0 ? statusForm(sheet, typedFor('statut')) : ''}
</section>
<section class="card" aria-labelledby="jalons"><h2 id="jalons">${t.milestones}</h2>
${
  sheet.milestones.length === 0
    ? html`<p class="muted">${t.noMilestone}</p>`
    : html`<ul class="milestones">${sheet.milestones.map((m) =>
        milestoneItem(m, sheet.members, typedFor(`report-${m.milestone.id}`), refused),
      )}</ul>`
}
${sheet.may['milestone.edit'] ? newMilestoneForm(action.id, typedFor('jalon')) : ''}
</section>
<section class="card" aria-labelledby="financements"><h2 id="financements">${t.funding}</h2>
${
  sheet.fundingLines.length === 0
    ? html`<p class="muted">${t.noFunding}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="financements"><table>
<thead><tr><th scope="col">${t.funder}</th><th scope="col">${t.programme}</th><th scope="col">${t.fundingStatus}</th><th scope="col">${t.amount}</th><th scope="col">${t.grantedCol}</th><th scope="col">${t.paidCol}</th><th scope="col">${t.nextDate}</th></tr></thead>
<tbody>${sheet.fundingLines.map((line) => {
        const next = fundingDatesOf(line).find((step) => step.open);
        return html`<tr><th scope="row">${funderKindLabels[line.funderKind]}</th><td>${line.programme ?? '—'}</td><td>${fundingStatusLabels[line.status]}</td><td>${formatEuros(line.amountCents)}</td><td>${formatEuros(grantedCentsOf(line))}</td><td>${formatEuros(paidCentsOf(line))}</td><td>${next ? `${fundingDateLabels[next.kind]} : ${formatDate(next.date)}` : '—'}</td></tr>`;
      })}</tbody></table></div>`
}
${sheet.may['funding.edit'] ? sheet.fundingLines.map((line) => fundingLineForm(line, refused, sheet.funders, sheet.fundingAuthors)) : ''}
${sheet.fundingLines.filter((line) => line.payments.length > 0).map((line) => paymentList(line, sheet.may['funding.edit'], refused))}
${sheet.may['funding.edit'] ? sheet.fundingLines.filter((line) => line.status === 'accorde').map((line) => paymentForm(line, refused)) : ''}
${sheet.may['funding.edit'] ? fundingForm(action.id, typedFor('financement'), sheet.funders) : ''}
</section>
<section class="card" aria-labelledby="points"><h2 id="points">${t.updates}</h2>
${sheet.may['update.create'] ? updateForm(sheet, typedFor('point')) : ''}
${
  sheet.updates.length === 0
    ? html`<p class="muted">${t.noUpdate}</p>`
    : html`<ol class="timeline">${sheet.updates.map(
        ({ update, author, milestoneTitle }) => html`<li>
<p class="muted">${formatDate(update.createdAt)} · ${author.name} · ${updateKindLabels[update.kind]}${
          milestoneTitle ? ` · ${t.onMilestone(milestoneTitle)}` : ''
        }${update.progress === undefined ? '' : ` · ${t.progressValue(update.progress)}`}</p>
<p class="text">${update.text}</p></li>`,
      )}</ol>`
}
</section>`;
  return layout({
    demo: governance.demo === true,
    title: `${action.code} · ${action.title}`,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: roadmap.title, href: roadmapPath(roadmap.id) },
        { label: action.code, href: actionPath(action.id) },
      ],
    },
    signedInAs,
    history,
    body,
  });
}

function milestoneItem(
  { milestone, state, owner, may }: SheetMilestone,
  members: ActionSheet['members'],
  form: { typed: Typed; errors: FieldErrors },
  refused: RefusedForm | undefined,
): Html {
  const t = fr.action;
  const open = milestone.status === 'a_venir' || milestone.status === 'reporte';
  const base = `/jalons/${milestone.id}`;
  const version = html`<input type="hidden" name="version" value="${milestone.version}">`;
  const reschedulePrefix = `report-${milestone.id}`;
  return html`<li id="jalon-${milestone.id}">
<p><strong${state === 'en_retard' ? html` class="late"` : ''}>${milestone.title}</strong> — ${formatDate(milestone.dueDate)} · ${milestoneStateLabels[state]}${
    milestone.completedOn ? ` ${t.reachedOn(formatDate(milestone.completedOn))}` : ''
  } <span class="muted">(${owner ? fr.governance.owner(owner.name) : fr.governance.noOwner})</span></p>
${milestone.description ? html`<p class="text">${milestone.description}</p>` : ''}
${
  milestone.reschedules.length > 0
    ? html`<p class="muted">${milestone.reschedules.map((r) => t.rescheduled(formatDate(r.from), formatDate(r.to), r.reason)).join(' ')}</p>`
    : ''
}
${milestone.decidedBy ? decidedByLine(milestone.decidedBy) : ''}
${
  open && (may['milestone.complete'] || may['milestone.reschedule'] || may['milestone.edit'])
    ? html`<div class="actions">
${may['milestone.complete'] ? html`<form method="post" action="${base}/atteint">${version}<button type="submit">${t.markReached}</button></form>` : ''}
${may['milestone.edit'] ? html`<form method="post" action="${base}/annulation">${version}<button type="submit" class="secondary">${t.cancel}</button></form>` : ''}
${
  may['milestone.reschedule']
    ? html`<details${Object.keys(form.errors).length > 0 ? html` open` : ''}><summary>${t.reschedule}</summary>
<form method="post" action="${base}/report">${version}
${formAlert(form.errors, [`${reschedulePrefix}-to`, `${reschedulePrefix}-reason`])}
${textField({ name: `${reschedulePrefix}-to`, label: t.newDate, type: 'date', typed: form.typed, errors: form.errors, required: true })}
${textArea({ name: `${reschedulePrefix}-reason`, label: t.reason, typed: form.typed, errors: form.errors, required: true, maxlength: TEXT_LIMITS.text, rows: 2 })}
<button type="submit">${t.confirmReschedule}</button></form></details>`
    : ''
}
</div>`
    : ''
}
${open && may['update.create'] ? milestoneUpdateForm(milestone.id, stateOf(refused, `point-${milestone.id}`)) : ''}
${may['milestone.edit'] ? milestoneEditForm(milestone, members, refused) : ''}
</li>`;
}

/**
 * A point d'étape on one milestone: where the link of its reminder leads its owner, who may hold
 * no role on the action itself (entered by the coordination only to carry this milestone).
 */
function milestoneUpdateForm(
  milestoneId: string,
  form: { typed: Typed; errors: FieldErrors },
): Html {
  const t = fr.action;
  const prefix = `point-${milestoneId}`;
  const open = Object.keys(form.errors).length > 0;
  return html`<details${open ? html` open` : ''}><summary>${t.postMilestoneUpdate}</summary>
<form method="post" action="/jalons/${milestoneId}/points">
${formAlert(form.errors, [`${prefix}-kind`, `${prefix}-text`])}
${selectField({
  name: `${prefix}-kind`,
  label: t.kind,
  typed: form.typed,
  errors: form.errors,
  choices: choicesOf(updateKindLabels),
})}
${textArea({ name: `${prefix}-text`, label: t.text, typed: form.typed, errors: form.errors, required: true, maxlength: TEXT_LIMITS.text, rows: 3 })}
<button type="submit">${t.publish}</button></form></details>`;
}

/** A milestone's title, description, owner and weight; its date moves only by a reschedule. */
function milestoneEditForm(
  milestone: SheetMilestone['milestone'],
  members: ActionSheet['members'],
  refused: RefusedForm | undefined,
): Html {
  const t = fr.action;
  const prefix = `modif-${milestone.id}`;
  const name = (field: string) => `${prefix}-${field}`;
  const state = stateOf(refused, prefix, {
    [name('title')]: milestone.title,
    [name('description')]: milestone.description ?? '',
    [name('ownerId')]: milestone.ownerId ?? '',
    [name('weight')]: String(milestone.weight),
  });
  const names = ['title', 'description', 'ownerId', 'weight'].map(name);
  return html`<details${refused?.form === prefix ? html` open` : ''}><summary>${t.editMilestone}</summary>
<form method="post" action="/jalons/${milestone.id}/modifier" novalidate>
<input type="hidden" name="version" value="${milestone.version}">
${formAlert(state.errors, names)}
${textField({ name: name('title'), label: t.milestoneTitle, required: true, maxlength: TEXT_LIMITS.title, ...state })}
${textArea({ name: name('description'), label: t.milestoneDescription, maxlength: TEXT_LIMITS.text, rows: 2, ...state })}
${selectField({ name: name('ownerId'), label: t.owner, blank: fr.actionForm.noOwner, choices: members.map((p) => ({ value: p.id, label: p.name })), ...state })}
${textField({ name: name('weight'), label: t.milestoneWeight, hint: t.milestoneWeightHint, type: 'number', step: 'any', ...state })}
<button type="submit">${t.saveMilestone}</button></form></details>`;
}

function newMilestoneForm(actionId: string, form: { typed: Typed; errors: FieldErrors }): Html {
  const t = fr.action;
  return html`<details${Object.keys(form.errors).length > 0 ? html` open` : ''}><summary>${t.addMilestone}</summary>
<form method="post" action="${actionPath(actionId)}/jalons">
${formAlert(form.errors, ['title', 'dueDate'])}
${textField({ name: 'title', label: t.milestoneTitle, typed: form.typed, errors: form.errors, required: true, maxlength: TEXT_LIMITS.title })}
${textField({ name: 'dueDate', label: t.dueDate, type: 'date', typed: form.typed, errors: form.errors, required: true })}
<button type="submit">${t.addMilestone}</button></form></details>`;
}

function updateForm(sheet: ActionSheet, form: { typed: Typed; errors: FieldErrors }): Html {
  const t = fr.action;
  return html`<form method="post" action="${actionPath(sheet.action.id)}/points" class="update-form">
<h3>${t.postUpdate}</h3>
${formAlert(form.errors, ['kind', 'text', 'progress'])}
${selectField({
  name: 'kind',
  label: t.kind,
  typed: form.typed,
  errors: form.errors,
  choices: choicesOf(updateKindLabels),
})}
${textArea({ name: 'text', label: t.text, typed: form.typed, errors: form.errors, required: true, maxlength: TEXT_LIMITS.text })}
${
  sheet.may['action.edit'] && sheet.milestones.length === 0
    ? textField({
        name: 'progress',
        label: t.progressField,
        hint: t.progressHint,
        type: 'number',
        typed: form.typed,
        errors: form.errors,
      })
    : ''
}
<button type="submit">${t.publish}</button></form>`;
}

function statusForm(sheet: ActionSheet, form: { typed: Typed; errors: FieldErrors }): Html {
  const t = fr.action;
  return html`<details${Object.keys(form.errors).length > 0 ? html` open` : ''}><summary>${t.changeStatus}</summary>
<form method="post" action="${actionPath(sheet.action.id)}/statut" novalidate>
<input type="hidden" name="version" value="${sheet.action.version}">
${formAlert(form.errors, ['to', 'reason'])}
${selectField({
  name: 'to',
  label: t.newStatus,
  choices: sheet.nextStatuses.map((status) => ({
    value: status,
    label: actionStatusLabels[status],
  })),
  ...form,
})}
${textArea({ name: 'reason', label: t.statusReason, hint: t.statusReasonHint, maxlength: TEXT_LIMITS.text, rows: 2, ...form })}
<button type="submit">${t.changeStatus}</button></form></details>`;
}

/**
 * A funding line's funder (its kind, and the organization among the governance's), programme,
 * amount in euros and status, under `name`'s field names.
 */
function fundingFields(
  name: (field: string) => string,
  form: { typed: Typed; errors: FieldErrors },
  funders: ActionSheet['funders'],
) {
  const t = fr.action;
  return html`${selectField({
    name: name('funderKind'),
    label: t.funder,
    choices: choicesOf(funderKindLabels),
    ...form,
  })}
${selectField({
  name: name('funderOrganizationId'),
  label: t.funderOrganization,
  hint: t.funderOrganizationHint,
  blank: t.funderOrganizationBlank,
  choices: funders.map((o) => ({ value: o.id, label: o.name })),
  ...form,
})}
${textField({ name: name('programme'), label: t.programme, maxlength: 200, ...form })}
${textField({ name: name('amount'), label: t.amountEuros, hint: fr.actionForm.budgetHint, maxlength: 30, required: true, ...form })}
${selectField({
  name: name('status'),
  label: t.fundingStatus,
  choices: choicesOf(fundingStatusLabels),
  ...form,
})}
<fieldset><legend>${t.calendarLegend}</legend>
${textField({ name: name('applicationDeadline'), label: t.applicationDeadline, type: 'date', ...form })}
${textField({ name: name('decidedOn'), label: t.decidedOn, type: 'date', ...form })}
${textField({ name: name('granted'), label: t.grantedEuros, hint: t.grantedHint, maxlength: 30, ...form })}
${textField({ name: name('agreementEndsOn'), label: t.agreementEndsOn, type: 'date', ...form })}
${textField({ name: name('reportDueOn'), label: t.reportDueOn, type: 'date', ...form })}
${textField({ name: name('reportSubmittedOn'), label: t.reportSubmittedOn, type: 'date', ...form })}
</fieldset>`;
}

/** The fields of a funding line's form, in the order the page shows them. */
export const FUNDING_FIELDS = [
  'funderKind',
  'funderOrganizationId',
  'programme',
  'amount',
  'status',
  'applicationDeadline',
  'decidedOn',
  'granted',
  'agreementEndsOn',
  'reportDueOn',
  'reportSubmittedOn',
] as const;

function fundingForm(
  actionId: string,
  form: { typed: Typed; errors: FieldErrors },
  funders: ActionSheet['funders'],
): Html {
  const t = fr.action;
  const name = (field: string) => field;
  return html`<details${Object.keys(form.errors).length > 0 ? html` open` : ''}><summary>${t.addFunding}</summary>
<form method="post" action="${actionPath(actionId)}/financements" novalidate>
${formAlert(form.errors, FUNDING_FIELDS)}
${fundingFields(name, form, funders)}
<button type="submit">${t.addFunding}</button></form></details>`;
}

/** The euros of a sum in cents as the forms show them: « 12 000 » or « 1 234,50 ». */
export function eurosTyped(cents: number): string {
  return (cents / 100).toFixed(cents % 100 === 0 ? 0 : 2).replace('.', ',');
}

/** Changing a funding line: its status as the request moves on, its amount, its funder. */
function fundingLineForm(
  line: ActionSheet['fundingLines'][number],
  refused: RefusedForm | undefined,
  funders: ActionSheet['funders'],
  authors: ActionSheet['fundingAuthors'],
) {
  const t = fr.action;
  const prefix = `fin-${line.id}` as const;
  const name = (field: string) => `${prefix}-${field}`;
  const form = stateOf(refused, prefix, {
    [name('funderKind')]: line.funderKind,
    [name('funderOrganizationId')]: line.funderOrganizationId ?? '',
    [name('programme')]: line.programme ?? '',
    [name('amount')]: eurosTyped(line.amountCents),
    [name('status')]: line.status,
    [name('applicationDeadline')]: line.applicationDeadline ?? '',
    [name('decidedOn')]: line.decidedOn ?? '',
    [name('granted')]: line.grantedCents === undefined ? '' : eurosTyped(line.grantedCents),
    [name('agreementEndsOn')]: line.agreementEndsOn ?? '',
    [name('reportDueOn')]: line.reportDueOn ?? '',
    [name('reportSubmittedOn')]: line.reportSubmittedOn ?? '',
  });
  return html`<details${refused?.form === prefix ? html` open` : ''}><summary>${t.editFunding(line.programme ?? funderKindLabels[line.funderKind], formatEuros(line.amountCents))}</summary>
<form method="post" action="/financements/${line.id}" novalidate>
<input type="hidden" name="version" value="${line.version}">
${formAlert(form.errors, FUNDING_FIELDS.map(name))}
${fundingFields(name, form, funders)}
<button type="submit">${t.saveFunding}</button></form>
${
  line.statusHistory.length > 0
    ? html`<p class="hint">${t.statusHistory} : ${line.statusHistory.map((change) => t.statusChange(fundingStatusLabels[change.status], formatDate(change.at), authors.find((a) => a.id === change.by)?.name, updateChannelLabels[change.channel])).join(' ; ')}.</p>`
    : ''
}</details>`;
}

/** A payment received on a granted line: its date, amount and a note. */
function paymentForm(line: ActionSheet['fundingLines'][number], refused: RefusedForm | undefined) {
  const t = fr.action;
  const prefix = `versement-${line.id}` as const;
  const name = (field: string) => `${prefix}-${field}`;
  const form = stateOf(refused, prefix);
  return html`<details${refused?.form === prefix ? html` open` : ''}><summary>${t.addPayment} — ${line.programme ?? funderKindLabels[line.funderKind]}</summary>
<form method="post" action="/financements/${line.id}/versements" novalidate>
<input type="hidden" name="version" value="${line.version}">
${formAlert(form.errors, ['on', 'amount', 'note'].map(name))}
${textField({ name: name('on'), label: t.paymentOn, type: 'date', required: true, ...form })}
${textField({ name: name('amount'), label: t.paymentAmount, maxlength: 30, required: true, ...form })}
${textField({ name: name('note'), label: t.paymentNote, hint: t.paymentNoteHint, maxlength: 200, ...form })}
<button type="submit">${t.savePayment}</button></form></details>`;
}

/**
 * The payments received on a line, each with a form to correct it (date, amount, note) or delete
 * it when it was recorded by mistake; only the list for a reader who may not change funding.
 */
function paymentList(
  line: ActionSheet['fundingLines'][number],
  editable: boolean,
  refused: RefusedForm | undefined,
): Html {
  const t = fr.action;
  const what = line.programme ?? funderKindLabels[line.funderKind];
  const id = `versements-${line.id}`;
  return html`<h3 id="${id}">${t.payments(what)}</h3>
<ol class="payments" aria-labelledby="${id}">${line.payments.map((payment, index) => {
    const summary = t.paymentSummary(
      formatDate(payment.on),
      formatEuros(payment.amountCents),
      payment.note,
    );
    if (!editable) return html`<li>${summary}</li>`;
    const prefix = `versement-${line.id}-${index}` as const;
    const name = (field: string) => `${prefix}-${field}`;
    const form = stateOf(refused, prefix, {
      [name('on')]: payment.on,
      [name('amount')]: eurosTyped(payment.amountCents),
      [name('note')]: payment.note ?? '',
    });
    const action = `/financements/${line.id}/versements/${index}`;
    return html`<li><details${refused?.form === prefix ? html` open` : ''}><summary>${summary}</summary>
<form method="post" action="${action}" novalidate>
<input type="hidden" name="version" value="${line.version}">
${formAlert(form.errors, ['on', 'amount', 'note'].map(name))}
${textField({ name: name('on'), label: t.paymentOn, type: 'date', required: true, ...form })}
${textField({ name: name('amount'), label: t.paymentAmount, maxlength: 30, required: true, ...form })}
${textField({ name: name('note'), label: t.paymentNote, hint: t.paymentNoteHint, maxlength: 200, ...form })}
<button type="submit">${t.correctPayment}</button></form>
<form method="post" action="${action}/suppression">
<input type="hidden" name="version" value="${line.version}">
<button type="submit" class="secondary">${t.deletePayment}</button></form></details></li>`;
  })}</ol>`;
}
