import {
  formalityLabels,
  formatDate,
  formatEuros,
  governanceOrganizationRoleLabels,
  governanceRoleLabels,
  memberPositionLabels,
  TEXT_LIMITS,
} from '@maille/domain';
import type { SteeringBrief } from '@maille/domain/use-cases';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  type Refused,
  selectField,
  staleAlert,
  stateOf,
  type Typed,
  textArea,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import {
  actionPath,
  bodyPath,
  briefPath,
  fundingPath,
  governancePath,
  meetingPath,
  placesPath,
  roadmapPath,
} from '../paths.ts';
import { bodyFields } from './body.ts';
import { outcomeLink } from './decision.ts';
import { HOME_STEP, type Html, layout, progressBar } from './layout.ts';
import { newRoadmapForm } from './roadmap-form.ts';

const numbers = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** The forms of the governance's page, by the name a refusal brings back. */
export type GovernanceForm =
  | 'gouvernance'
  | 'instance'
  | 'feuille'
  | 'personne'
  | `role-${string}`
  | 'structure'
  | `structure-${string}`;

/**
 * « Gouvernance »: the page a coordinator opens before a steering committee — late and upcoming
 * milestones, the roadmaps with their axes and funding, the indicators against their targets,
 * the bodies and who sits on them, the next meetings, the latest updates.
 */
export function governancePage(
  brief: SteeringBrief,
  signedInAs: string,
  refused?: Refused<GovernanceForm>,
  history?: Html,
): Html {
  const { governance } = brief;
  const body = html`
<p><a class="button" href="${briefPath(governance.id)}">${fr.brief.open}</a> <a href="${governancePath(governance.id)}/indicateurs">${fr.indicators.open}</a> <a href="${placesPath(governance.id)}">${fr.places.open}</a> <a href="${fundingPath(governance.id)}">${fr.funding.open}</a></p>
${governance.description ? html`<p class="text">${governance.description}</p>` : ''}
${brief.may['governance.manage'] ? editForm(brief, refused) : ''}
${lateSection(brief)}
${upcomingSection(brief)}
${roadmapsSection(brief)}
${
  brief.may['roadmap.edit']
    ? newRoadmapForm(
        governance.id,
        stateOf(refused, 'feuille', {
          fromYear: brief.today.slice(0, 4),
          toYear: String(Number(brief.today.slice(0, 4)) + 3),
        }),
        refused?.form === 'feuille',
      )
    : ''
}
${indicatorsSection(brief)}
${meetingsSection(brief)}
${bodiesSection(brief, refused)}
${peopleSection(brief, refused)}
${organizationsSection(brief, refused)}
${updatesSection(brief)}`;
  return layout({
    demo: governance.demo === true,
    title: governance.name,
    trail: { steps: [HOME_STEP, { label: governance.name, href: governancePath(governance.id) }] },
    signedInAs,
    history,
    body,
  });
}

/**
 * « Point COPIL »: the same facts as a brief for the committee — health per axis, late and
 * upcoming milestones, decisions to follow up, funding, indicators — laid out for A4 paper.
 */
export function briefPage(brief: SteeringBrief, signedInAs: string, pdf: boolean): Html {
  const { governance } = brief;
  const t = fr.brief;
  const body = html`
<p class="muted">${t.asOf(formatDate(brief.today))}</p>
<p class="screen-only">${
    pdf
      ? html`<a class="button" href="${briefPath(governance.id)}.pdf">${t.pdf}</a> `
      : html`<span>${t.noPdf}</span> `
  }<span class="muted">${t.print}</span></p>
${roadmapsSection(brief)}
${lateSection(brief)}
${upcomingSection(brief)}
${decisionsSection(brief)}
${fundingSection(brief)}
${indicatorsSection(brief)}
${meetingsSection(brief)}`;
  return layout({
    demo: governance.demo === true,
    title: t.title(governance.name),
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: t.step, href: briefPath(governance.id) },
      ],
    },
    signedInAs,
    body,
  });
}

const owner = (o: { name: string } | null) =>
  o ? fr.governance.owner(o.name) : fr.governance.noOwner;

function lateSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  return html`<section class="card" aria-labelledby="retards"><h2 id="retards">${t.late}</h2>
${
  brief.lateMilestones.length === 0
    ? html`<p class="muted">${t.noLate}</p>`
    : html`<ul class="items">${brief.lateMilestones.map(
        (m) =>
          html`<li><span class="late">${m.title}</span>${m.action ? html` (<a href="${actionPath(m.action.id)}">${m.action.code}</a>)` : ''} — ${formatDate(m.dueDate)}, ${t.daysLate(m.daysLate)} <span class="muted">(${owner(m.owner)})</span></li>`,
      )}</ul>`
}
</section>`;
}

function upcomingSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  return html`<section class="card" aria-labelledby="prochains"><h2 id="prochains">${t.upcoming(brief.upcomingDays)}</h2>
${
  brief.upcomingMilestones.length === 0
    ? html`<p class="muted">${t.noUpcoming}</p>`
    : html`<ul class="items">${brief.upcomingMilestones.map(
        (m) =>
          html`<li>${m.title}${m.action ? html` (<a href="${actionPath(m.action.id)}">${m.action.code}</a>)` : ''} — ${formatDate(m.dueDate)}, ${t.daysUntil(m.daysUntil)} <span class="muted">(${owner(m.owner)})</span></li>`,
      )}</ul>`
}
</section>`;
}

function roadmapsSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  return html`<section class="card" aria-labelledby="feuilles"><h2 id="feuilles">${t.roadmaps}</h2>
${
  brief.roadmaps.length === 0
    ? html`<p class="muted">${t.noRoadmap}</p>`
    : brief.roadmaps.map(
        (
          r,
        ) => html`<h3><a href="${roadmapPath(r.roadmap.id)}">${r.roadmap.title}</a> <span class="muted">(${r.roadmap.fromYear}–${r.roadmap.toYear})</span></h3>
<p>${t.progress} : ${progressBar(r.progress.progress, `${t.progress} — ${r.roadmap.title}`)} · ${t.counts(r.actions.total, r.lateMilestoneCount)}</p>
<ul class="items">${r.axes.map(
          (axis) =>
            html`<li>${axis.code ? `${axis.code} · ` : ''}${axis.title} : ${progressBar(axis.progress, t.axisProgress(axis.title))}</li>`,
        )}</ul>
<p class="muted">${t.funding} : ${r.funding.summary}</p>`,
      )
}
</section>`;
}

function fundingSection(brief: SteeringBrief): Html {
  const t = fr.brief;
  const total = brief.funding.total;
  return html`<section class="card" aria-labelledby="financement"><h2 id="financement">${t.funding}</h2>
<p>${total.summary}${total.pendingCents > 0 ? html` · ${t.pending(formatEuros(total.pendingCents))}` : ''}${
    total.gapCents > 0 ? html` · ${t.gap(formatEuros(total.gapCents))}` : ''
  }</p>
</section>`;
}

function indicatorsSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  return html`<section class="card" aria-labelledby="indicateurs"><h2 id="indicateurs">${t.indicators}</h2>
${
  brief.indicators.length === 0
    ? html`<p class="muted">${t.noIndicator}</p>`
    : html`<div class="table-scroll" tabindex="0" role="region" aria-labelledby="indicateurs"><table>
<thead><tr><th scope="col">${t.indicator}</th><th scope="col">${t.period}</th><th scope="col">${t.value}</th><th scope="col">${t.target}</th></tr></thead>
<tbody>${brief.indicators.map(
        (s) =>
          html`<tr><th scope="row">${s.indicator.label}</th><td>${s.periodLabel}</td><td>${s.missing ? html`${figure(s.value)} <span class="muted">${s.missing}</span>` : figure(s.value)}</td><td>${figure(s.target)}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>`;
}

function meetingsSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  const dateTime = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: brief.governance.timeZone,
  });
  return html`<section class="card" aria-labelledby="reunions"><h2 id="reunions">${t.meetings}</h2>
${
  brief.nextMeetings.length === 0
    ? html`<p class="muted">${t.noMeeting}</p>`
    : html`<ul class="items">${brief.nextMeetings.map(
        ({ meeting, body }) =>
          html`<li><strong><a href="${meetingPath(meeting.id)}">${meeting.title ?? body.name}</a></strong> — ${dateTime.format(new Date(meeting.startsAt))}${
            meeting.place ? `, ${meeting.place}` : ''
          } <span class="muted">(${body.name})</span>${
            meeting.agenda.length > 0
              ? html`<br><span class="muted">${t.agenda} : ${meeting.agenda.map((i) => i.title).join(' ; ')}</span>`
              : ''
          }</li>`,
      )}</ul>`
}
</section>`;
}

function decisionsSection(brief: SteeringBrief): Html {
  const t = fr.brief;
  return html`<section class="card" aria-labelledby="decisions"><h2 id="decisions">${t.decisions}</h2>
${
  brief.recentDecisions.length === 0
    ? html`<p class="muted">${t.noDecision}</p>`
    : html`<ul class="items">${brief.recentDecisions.map(
        ({ decision, meeting, body, action }) =>
          html`<li>${decision.text}${action ? html` (<a href="${actionPath(action.id)}">${action.code}</a>)` : ''} <span class="muted">— ${body.name}, ${formatDate(meeting.startsAt)}</span>${
            decision.outcome
              ? html`<br><span class="muted">→ ${outcomeLink({ ...decision, action })}</span>`
              : ''
          }</li>`,
      )}</ul>`
}
</section>`;
}

function bodiesSection(brief: SteeringBrief, refused?: Refused): Html {
  const t = fr.governance;
  const create = stateOf(refused, 'instance', {
    kind: 'comite_pilotage',
    frequency: 'trimestrielle',
  });
  return html`<section class="card" aria-labelledby="instances"><h2 id="instances">${t.bodies}</h2>
${
  brief.bodies.length === 0
    ? html`<p class="muted">${t.noBody}</p>`
    : brief.bodies.map(
        ({ body, members }) => html`<h3><a href="${bodyPath(body.id)}">${body.name}</a></h3>
${
  members.length === 0
    ? html`<p class="muted">${t.noMember}</p>`
    : html`<ul class="items">${members.map(
        (m) =>
          html`<li>${m.person.name} <span class="muted">— ${memberPositionLabels[m.position]}</span></li>`,
      )}</ul>`
}`,
      )
}
${
  brief.may['body.manage']
    ? html`<details${refused?.form === 'instance' ? ' open' : ''}><summary>${fr.body.newBody}</summary>
${formAlert(create.errors, ['instance-name', 'instance-kind', 'instance-frequency', 'instance-description'])}
<form method="post" action="${governancePath(brief.governance.id)}/instances" novalidate>
${bodyFields(create, 'instance-')}
<p><button type="submit">${fr.body.create}</button></p>
</form></details>`
    : ''
}
</section>`;
}

/** Who holds a role; for the coordination, a role changed or removed, a person added. */
function peopleSection(brief: SteeringBrief, refused: Refused | undefined): Html {
  const t = fr.governance;
  const manage = brief.may['governance.manage'];
  const path = governancePath(brief.governance.id);
  const version = html`<input type="hidden" name="version" value="${brief.governance.version}">`;
  const roleChoices = choicesOf(governanceRoleLabels);
  const add = stateOf(refused, 'personne', { role: 'membre' });
  return html`<section class="card" aria-labelledby="personnes"><h2 id="personnes">${t.people}</h2>
${
  brief.roles.length === 0
    ? html`<p class="muted">${t.noRole}</p>`
    : html`<ul class="items">${brief.roles.map(({ person, role }) => {
        const form = `role-${person.id}`;
        const state = stateOf(refused, form, { [form]: role });
        return html`<li>${person.name} <span class="muted">— ${governanceRoleLabels[role]}</span>${
          manage
            ? html`<details${refused?.form === form ? ' open' : ''}><summary>${t.roleOf(person.name)}</summary>
${formAlert(state.errors, [form])}
<form method="post" action="${path}/roles" novalidate>${version}<input type="hidden" name="personId" value="${person.id}">
${selectField({ name: form, label: t.role, choices: [...roleChoices, { value: 'aucun', label: t.removeRole }], ...state })}
<p><button type="submit" class="secondary">${t.changeRole}</button></p></form></details>`
            : ''
        }</li>`;
      })}</ul>`
}
${
  manage
    ? html`<details${refused?.form === 'personne' ? ' open' : ''}><summary>${t.addPerson}</summary>
${formAlert(add.errors, ['displayName', 'email', 'phone', 'role'])}
<form method="post" action="${path}/personnes" novalidate>${version}
${textField({ name: 'displayName', label: t.displayName, required: true, maxlength: TEXT_LIMITS.name, ...add })}
${textField({ name: 'email', label: t.email, hint: t.emailHint, maxlength: 254, ...add })}
${textField({ name: 'phone', label: t.phone, maxlength: 30, ...add })}
${selectField({ name: 'role', label: t.role, choices: roleChoices, ...add })}
<p><button type="submit">${t.addPersonButton}</button></p></form></details>`
    : ''
}
</section>`;
}

/**
 * The organizations taking part and their role; for the coordination, one added (found in the
 * directory by its name or id) or its role changed, and one taken out.
 */
function organizationsSection(brief: SteeringBrief, refused: Refused | undefined): Html {
  const t = fr.governance;
  const manage = brief.may['governance.manage'];
  const path = `${governancePath(brief.governance.id)}/structures`;
  const version = html`<input type="hidden" name="version" value="${brief.governance.version}">`;
  const add = stateOf(refused, 'structure', { 'structure-role': 'membre' });
  return html`<section class="card" aria-labelledby="structures"><h2 id="structures">${t.organizations}</h2>
${
  brief.organizations.length === 0
    ? html`<p class="muted">${t.noOrganization}</p>`
    : html`<ul class="items">${brief.organizations.map(({ id, name, role }) => {
        const form = `structure-${id}`;
        return html`<li>${name} <span class="muted">— ${governanceOrganizationRoleLabels[role]}</span>${
          manage
            ? html`${formAlert(stateOf(refused, form).errors, [])}
<form method="post" action="${path}/retrait" novalidate>${version}<input type="hidden" name="organizationId" value="${id}">
<button type="submit" class="secondary" aria-label="${t.removeOrganization(name)}">${t.removeOrganizationButton}</button></form>`
            : ''
        }</li>`;
      })}</ul>`
}
${
  manage
    ? html`<details${refused?.form === 'structure' ? ' open' : ''}><summary>${t.addOrganization}</summary>
${formAlert(add.errors, ['structure-query', 'structure-role'])}
<form method="post" action="${path}" novalidate>${version}
${textField({ name: 'structure-query', label: t.organizationQuery, hint: t.organizationQueryHint, required: true, maxlength: 100, ...add })}
${selectField({ name: 'structure-role', label: t.organizationRole, choices: choicesOf(governanceOrganizationRoleLabels), ...add })}
<p><button type="submit">${t.addOrganizationButton}</button></p></form></details>`
    : ''
}
</section>`;
}

/** The fields of the governance its coordination changes here, with their French labels. */
export const GOVERNANCE_FIELDS = {
  name: fr.governance.name,
  formality: fr.governance.formality,
  timeZone: fr.governance.timeZone,
  description: fr.governance.description,
} as const;

/** The governance's values as its edit form shows them. */
export function typedGovernance(governance: SteeringBrief['governance']): Typed {
  return {
    name: governance.name,
    formality: governance.formality,
    timeZone: governance.timeZone,
    description: governance.description ?? '',
  };
}

function editForm(brief: SteeringBrief, refused: Refused | undefined): Html {
  const t = fr.governance;
  const { governance } = brief;
  const field: { typed: Typed; errors: FieldErrors } = stateOf(
    refused,
    'gouvernance',
    typedGovernance(governance),
  );
  return html`<details${refused?.form === 'gouvernance' ? ' open' : ''}><summary>${t.edit}</summary>
${
  refused?.form === 'gouvernance' && refused.now
    ? staleAlert(GOVERNANCE_FIELDS, refused.now, refused.typed, (name, value) =>
        name === 'formality'
          ? (formalityLabels[value as keyof typeof formalityLabels] ?? value)
          : value,
      )
    : ''
}
${formAlert(field.errors, Object.keys(GOVERNANCE_FIELDS))}
<form method="post" action="${governancePath(governance.id)}" class="card" novalidate>
<input type="hidden" name="version" value="${governance.version}">
${textField({ name: 'name', label: t.name, required: true, maxlength: TEXT_LIMITS.name, ...field })}
${selectField({ name: 'formality', label: t.formality, choices: choicesOf(formalityLabels), ...field })}
${textField({ name: 'timeZone', label: t.timeZone, hint: t.timeZoneHint, maxlength: 64, ...field })}
${textArea({ name: 'description', label: t.description, maxlength: TEXT_LIMITS.text, ...field })}
<p><button type="submit">${t.save}</button></p>
</form></details>`;
}

function updatesSection(brief: SteeringBrief): Html {
  const t = fr.governance;
  return html`<section class="card" aria-labelledby="points"><h2 id="points">${t.recentUpdates}</h2>
${
  brief.recentUpdates.length === 0
    ? html`<p class="muted">${t.noUpdate}</p>`
    : html`<ul class="items">${brief.recentUpdates.map(
        (u) =>
          html`<li><strong>${u.subject.type === 'action' ? html`<a href="${actionPath(u.subject.id)}">${u.subject.title}</a>` : u.subject.title}</strong> — ${u.text} <span class="muted">(${u.author.name}, ${formatDate(u.createdAt)})</span></li>`,
      )}</ul>`
}
</section>`;
}

function figure(value: number | null): string {
  return value === null ? fr.governance.noValue : numbers.format(value);
}
