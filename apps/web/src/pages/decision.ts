import {
  actionStatusLabels,
  type DecidedBy,
  type Decision,
  decisionEffectLabels,
  formatDate,
  TEXT_LIMITS,
} from '@maille/domain';
import type { DecisionChoices } from '@maille/domain/use-cases';
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
import { actionPath, meetingPath, roadmapPath } from '../paths.ts';
import type { Html } from './layout.ts';

/** The fields of the « Consigner une décision » form, with their French labels. */
export const DECISION_FIELDS = {
  decisionText: fr.decision.text,
  effect: fr.decision.effect,
  roadmapId: fr.decision.roadmap,
  deliberationRef: fr.decision.deliberationRef,
  actionCode: fr.decision.actionCode,
  actionTitle: fr.decision.actionTitle,
  actionId: fr.decision.action,
  actionStatus: fr.decision.actionStatus,
  actionNewTitle: fr.decision.actionNewTitle,
  actionEndDate: fr.decision.actionEndDate,
  milestoneId: fr.decision.milestone,
  to: fr.decision.to,
  reason: fr.decision.reason,
} as const;

/**
 * « Décidé en séance du 12 mars 2027 (Comité de pilotage) : … », with a link back to the meeting:
 * what an action, a milestone or a roadmap shows of the decision that changed it.
 */
export function decidedByLine(decidedBy: DecidedBy): Html {
  return html`<p class="decided">${fr.decision.decidedOn} <a href="${meetingPath(decidedBy.meetingId)}">${formatDate(decidedBy.on)}</a> (${decidedBy.bodyName}) : ${decidedBy.text}</p>`;
}

/** What a decision changed, as a link to the changed record; nothing for a plain decision. */
export function outcomeLink(
  decision: Pick<Decision, 'effect' | 'outcome'> & { action?: { id: string } | null },
): Html | '' {
  const { effect, outcome } = decision;
  if (!effect || !outcome) return '';
  const t = fr.decision.changed;
  if (outcome.entity === 'milestone') {
    const text = t.milestone(
      outcome.label,
      outcome.from ? formatDate(outcome.from) : '…',
      outcome.to ? formatDate(outcome.to) : '…',
    );
    // A milestone is shown on its action's page (a roadmap's own milestone on the roadmap's).
    return decision.action
      ? html`<a href="${actionPath(decision.action.id)}#jalon-${outcome.id}">${text}</a>`
      : html`${text}`;
  }
  if (outcome.entity === 'action') {
    const text =
      effect.kind === 'creer_action'
        ? t.creer_action(outcome.label)
        : t.modifier_action(outcome.label);
    return html`<a href="${actionPath(outcome.id)}">${text}</a>`;
  }
  return html`<a href="${roadmapPath(outcome.id)}">${t.roadmap(outcome.label, outcome.roadmapVersion?.number ?? 1)}</a>`;
}

/** The form that records a decision, and the fields of each effect it may have. */
export function decisionForm(
  meetingId: string,
  choices: DecisionChoices,
  field: { typed: Typed; errors: FieldErrors },
  open: boolean,
): Html {
  const t = fr.decision;
  const roadmaps = choices.roadmaps.map((r) => ({ value: r.id, label: r.title }));
  const actions = choices.actions.map((a) => ({
    value: a.id,
    label: `${a.code} — ${a.title} (${actionStatusLabels[a.status]})`,
  }));
  const milestones = choices.milestones.map((m) => ({
    value: m.id,
    label: t.milestoneChoice(m.title, formatDate(m.dueDate), m.actionCode),
  }));
  return html`<section class="card" aria-labelledby="consigner"><details${open ? ' open' : ''}><summary id="consigner">${t.record}</summary>
<p class="hint">${t.lead}</p>
${formAlert(field.errors, Object.keys(DECISION_FIELDS))}
<form method="post" action="${meetingPath(meetingId)}/decisions" novalidate>
${textArea({ name: 'decisionText', label: t.text, hint: t.textHint, required: true, maxlength: TEXT_LIMITS.text, rows: 3, ...field })}
${selectField({ name: 'effect', label: t.effect, hint: t.effectHint, blank: t.noEffect, choices: choicesOf(decisionEffectLabels), ...field })}
<fieldset><legend>${t.adoptOrCreate}</legend>
${selectField({ name: 'roadmapId', label: t.roadmap, blank: t.choose, choices: roadmaps, ...field })}
${textField({ name: 'deliberationRef', label: t.deliberationRef, maxlength: 100, ...field })}
${textField({ name: 'actionCode', label: t.actionCode, maxlength: TEXT_LIMITS.code, ...field })}
${textField({ name: 'actionTitle', label: t.actionTitle, maxlength: TEXT_LIMITS.title, ...field })}
</fieldset>
<fieldset><legend>${t.change}</legend>
${selectField({ name: 'actionId', label: t.action, blank: t.choose, choices: actions, ...field })}
${selectField({ name: 'actionStatus', label: t.actionStatus, blank: t.unchanged, choices: choicesOf(actionStatusLabels), ...field })}
${textField({ name: 'actionNewTitle', label: t.actionNewTitle, maxlength: TEXT_LIMITS.title, ...field })}
${textField({ name: 'actionEndDate', label: t.actionEndDate, type: 'date', ...field })}
</fieldset>
<fieldset><legend>${t.reschedule}</legend>
${selectField({ name: 'milestoneId', label: t.milestone, blank: t.choose, choices: milestones, ...field })}
${textField({ name: 'to', label: t.to, type: 'date', ...field })}
${textArea({ name: 'reason', label: t.reason, hint: t.reasonHint, maxlength: TEXT_LIMITS.text, rows: 2, ...field })}
</fieldset>
<p><button type="submit">${t.save}</button></p>
</form></details></section>`;
}
