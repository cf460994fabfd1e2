import {
  bodyKindLabels,
  formatDate,
  frequencyLabels,
  meetingStatusLabels,
  memberPositionLabels,
  TEXT_LIMITS,
} from '@maille/domain';
import type { BodySheet } from '@maille/domain/use-cases';
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
import { bodyPath, governancePath, meetingPath } from '../paths.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';
import { meetingFields, whenOf } from './meeting.ts';

/** The fields of a body people set, with their French labels: the edit and creation forms. */
export const BODY_FIELDS = {
  name: fr.body.name,
  kind: fr.body.kind,
  frequency: fr.body.frequency,
  description: fr.body.description,
} as const;

export type BodyForm = 'instance' | 'membre' | 'reunion' | `fin-${number}`;

/** A body's value as a reader says it: the label of a kind or a frequency. */
function bodyValue(name: string, value: string): string {
  const labels: Readonly<Record<string, string>> =
    name === 'kind' ? bodyKindLabels : name === 'frequency' ? frequencyLabels : {};
  return labels[value] ?? value;
}

/** A body's values as its edit form shows them. */
export function typedBody(body: BodySheet['body']): Typed {
  return {
    name: body.name,
    kind: body.kind,
    frequency: body.frequency,
    description: body.description ?? '',
  };
}

/**
 * The name, kind, frequency and description of a body: its edit form, and the creation form on
 * the governance's page, whose fields take `prefix` so that no id is the page's twice.
 */
export function bodyFields(field: { typed: Typed; errors: FieldErrors }, prefix = ''): Html {
  const name = (key: keyof typeof BODY_FIELDS) => `${prefix}${key}`;
  return html`${textField({ name: name('name'), label: BODY_FIELDS.name, required: true, maxlength: TEXT_LIMITS.name, ...field })}
${selectField({ name: name('kind'), label: BODY_FIELDS.kind, choices: choicesOf(bodyKindLabels), ...field })}
${selectField({ name: name('frequency'), label: BODY_FIELDS.frequency, choices: choicesOf(frequencyLabels), ...field })}
${textArea({ name: name('description'), label: BODY_FIELDS.description, maxlength: TEXT_LIMITS.text, ...field })}`;
}

/**
 * « Instance »: who sits on it (positions and dates), its meetings, and for the coordination
 * the forms to change it, seat or unseat a member and plan a meeting. A refused form comes back
 * filled, with its French errors.
 */
export function bodyPage(
  sheet: BodySheet,
  signedInAs: string,
  refused?: Refused<BodyForm>,
  history?: Html,
): Html {
  const { body, governance } = sheet;
  const t = fr.body;
  const current = sheet.seats.filter((s) => s.current);
  const former = sheet.seats.filter((s) => !s.current);
  const edit = stateOf(refused, 'instance', typedBody(body));
  const member = stateOf(refused, 'membre', { position: 'membre', since: sheet.today });
  const meeting = stateOf(refused, 'reunion', { durationMinutes: '120' });
  const seatList = (seats: typeof sheet.seats) =>
    html`<ul class="items">${seats.map(
      (s) =>
        html`<li>${s.person.name} <span class="muted">— ${memberPositionLabels[s.position]}, ${t.seatDates(formatDate(s.since), s.until ? formatDate(s.until) : null)}</span>${
          s.current && sheet.may['body.manage']
            ? endSeatForm(body, s, stateOf(refused, `fin-${s.index}`))
            : ''
        }</li>`,
    )}</ul>`;
  const pageBody = html`
<section class="card" aria-labelledby="instance"><h2 id="instance">${t.about}</h2>
<dl class="facts"><dt>${t.kind}</dt><dd>${bodyKindLabels[body.kind]}</dd>
<dt>${t.frequency}</dt><dd>${frequencyLabels[body.frequency]}</dd></dl>
${body.description ? html`<p class="text">${body.description}</p>` : ''}
${
  sheet.may['body.manage']
    ? html`<details${refused?.form === 'instance' ? ' open' : ''}><summary>${t.edit}</summary>
${refused?.form === 'instance' && refused.now ? staleAlert(BODY_FIELDS, refused.now, refused.typed, bodyValue) : ''}
${formAlert(edit.errors, Object.keys(BODY_FIELDS))}
<form method="post" action="${bodyPath(body.id)}" novalidate>
<input type="hidden" name="version" value="${body.version}">
${bodyFields(edit)}
<p><button type="submit">${t.save}</button></p>
</form></details>`
    : ''
}
</section>
<section class="card" aria-labelledby="membres"><h2 id="membres">${t.members}</h2>
${current.length === 0 ? html`<p class="muted">${t.noMember}</p>` : seatList(current)}
${
  sheet.may['body.manage']
    ? html`<details${refused?.form === 'membre' ? ' open' : ''}><summary>${t.addMember}</summary>
${formAlert(member.errors, ['personId', 'position', 'since'])}
<form method="post" action="${bodyPath(body.id)}/membres" novalidate>
<input type="hidden" name="version" value="${body.version}">
${selectField({ name: 'personId', label: t.person, hint: t.peopleHint, blank: t.choosePerson, choices: sheet.people.map((p) => ({ value: p.id, label: p.name })), ...member })}
${selectField({ name: 'position', label: t.position, choices: choicesOf(memberPositionLabels), ...member })}
${textField({ name: 'since', label: t.since, type: 'date', ...member })}
<p><button type="submit">${t.addMember}</button></p>
</form></details>`
    : ''
}
${former.length > 0 ? html`<h3>${t.formerMembers}</h3>${seatList(former)}` : ''}
</section>
<section class="card" aria-labelledby="reunions"><h2 id="reunions">${t.meetings}</h2>
${
  sheet.meetings.length === 0
    ? html`<p class="muted">${t.noMeeting}</p>`
    : html`<ul class="items">${sheet.meetings.map(
        (m) =>
          html`<li><a href="${meetingPath(m.id)}">${m.title ?? body.name}</a> — ${whenOf(m.startsAt, governance.timeZone)} <span class="tag">${meetingStatusLabels[m.status]}</span></li>`,
      )}</ul>`
}
${
  sheet.may['meeting.manage']
    ? html`<details${refused?.form === 'reunion' ? ' open' : ''}><summary>${fr.meeting.schedule}</summary>
${formAlert(meeting.errors, MEETING_FORM_NAMES)}
<form method="post" action="${bodyPath(body.id)}/reunions" novalidate>
${meetingFields(meeting, governance.timeZone)}
<p><button type="submit">${fr.meeting.scheduleButton}</button></p>
</form></details>`
    : ''
}
</section>`;
  return layout({
    demo: governance.demo === true,
    title: body.name,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: body.name, href: bodyPath(body.id) },
      ],
    },
    signedInAs,
    history,
    body: pageBody,
  });
}

const MEETING_FORM_NAMES = ['title', 'date', 'time', 'durationMinutes', 'place', 'link', 'agenda'];

/** The form that ends a seat on a given day (today unless told otherwise). */
function endSeatForm(
  body: BodySheet['body'],
  seat: BodySheet['seats'][number],
  state: { typed: Typed; errors: FieldErrors },
): Html {
  const name = `until-${seat.index}`;
  return html`<details${Object.keys(state.errors).length > 0 ? ' open' : ''}><summary>${fr.body.endSeat(seat.person.name)}</summary>
<form method="post" action="${bodyPath(body.id)}/membres/${seat.index}/fin" novalidate>
<input type="hidden" name="version" value="${body.version}">
${textField({ name, label: fr.body.until, type: 'date', typed: state.typed, errors: state.errors })}
<p><button type="submit" class="secondary">${fr.body.endSeatButton}</button></p>
</form></details>`;
}
