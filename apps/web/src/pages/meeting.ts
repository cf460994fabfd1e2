import { attendanceLabels, meetingStatusLabels, TEXT_LIMITS, toLocal } from '@maille/domain';
import type { MeetingSheet } from '@maille/domain/use-cases';
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
import { actionPath, bodyPath, governancePath, meetingPath } from '../paths.ts';
import { decisionForm, outcomeLink } from './decision.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

/** The fields of the meeting forms, with their French labels (attendance fields aside). */
export const MEETING_FIELDS = {
  title: fr.meeting.title,
  date: fr.meeting.date,
  time: fr.meeting.time,
  durationMinutes: fr.meeting.duration,
  place: fr.meeting.place,
  link: fr.meeting.link,
  agenda: fr.meeting.agenda,
  status: fr.meeting.status,
  minutes: fr.meeting.minutes,
  decisions: fr.meeting.decisions,
} as const;

/** An attendance field's name: one select per person. */
export const attendanceField = (personId: string) => `presence-${personId}`;

/** A meeting's day and hour in its governance's time zone, as a French reader says them. */
export function whenOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}

/** A meeting's values as its edit form shows them: local day and hour, one line per item. */
export function typedMeeting(sheet: MeetingSheet): Typed {
  const { meeting, governance } = sheet;
  const local = toLocal(meeting.startsAt, governance.timeZone);
  const typed: Record<string, string> = {
    title: meeting.title ?? '',
    date: local.date,
    time: `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`,
    durationMinutes: String(meeting.durationMinutes),
    place: meeting.place ?? '',
    link: meeting.link ?? '',
    agenda: meeting.agenda.map((i) => i.title).join('\n'),
    status: meeting.status,
    minutes: meeting.minutes ?? '',
    // A decision that acted stays as it is: the edit form shows only those that did not.
    decisions: meeting.decisions
      .filter((d) => d.effect === undefined)
      .map((d) => d.text)
      .join('\n'),
  };
  for (const row of sheet.attendance) typed[attendanceField(row.person.id)] = row.status ?? '';
  return typed;
}

/** When, how long, where and the agenda: the fields of planning a meeting and of editing one. */
export function meetingFields(
  field: { typed: Typed; errors: FieldErrors },
  timeZone: string,
): Html {
  const t = fr.meeting;
  return html`${textField({ name: 'title', label: t.title, hint: t.titleHint, maxlength: TEXT_LIMITS.title, ...field })}
${textField({ name: 'date', label: t.date, type: 'date', required: true, ...field })}
${textField({ name: 'time', label: t.time, hint: t.timeHint(timeZone), required: true, maxlength: 5, ...field })}
${textField({ name: 'durationMinutes', label: t.duration, type: 'number', ...field })}
${textField({ name: 'place', label: t.place, maxlength: 300, ...field })}
${textField({ name: 'link', label: t.link, maxlength: 2000, ...field })}
${textArea({ name: 'agenda', label: t.agenda, hint: t.agendaHint, maxlength: 50 * (TEXT_LIMITS.title + 1), ...field })}`;
}

/**
 * « Réunion »: when and where, the agenda, the minutes, the decisions (with the sheets they
 * concern) and who attended; for the coordination, one form to change all of it.
 */
export function meetingPage(
  sheet: MeetingSheet,
  signedInAs: string,
  refused?: Refused<'reunion' | 'decision'>,
  history?: Html,
): Html {
  const { meeting, governance, body } = sheet;
  const t = fr.meeting;
  const title = meeting.title ?? body.name;
  const edit = stateOf(refused, 'reunion', typedMeeting(sheet));
  const pageBody = html`
<section class="card" aria-labelledby="reunion"><h2 id="reunion">${t.about}</h2>
<dl class="facts"><dt>${t.when}</dt><dd>${whenOf(meeting.startsAt, governance.timeZone)} (${t.durationValue(meeting.durationMinutes)})</dd>
<dt>${t.body}</dt><dd><a href="${bodyPath(body.id)}">${body.name}</a></dd>
<dt>${t.status}</dt><dd>${meetingStatusLabels[meeting.status]}</dd>
${meeting.place ? html`<dt>${t.where}</dt><dd>${meeting.place}</dd>` : ''}
${meeting.link ? html`<dt>${t.online}</dt><dd><a href="${meeting.link}" rel="noopener noreferrer">${meeting.link}</a></dd>` : ''}</dl>
</section>
<section class="card" aria-labelledby="ordre-du-jour"><h2 id="ordre-du-jour">${t.agenda}</h2>
${
  sheet.agenda.length === 0
    ? html`<p class="muted">${t.noAgenda}</p>`
    : html`<ol>${sheet.agenda.map(
        (item) =>
          html`<li>${item.title}${item.action ? html` (<a href="${actionPath(item.action.id)}">${item.action.code}</a>)` : ''}${
            item.presenter
              ? html` <span class="muted">— ${t.presenter(item.presenter.name)}</span>`
              : ''
          }</li>`,
      )}</ol>`
}
</section>
<section class="card" aria-labelledby="compte-rendu"><h2 id="compte-rendu">${t.minutes}</h2>
${meeting.minutes ? html`<p class="text">${meeting.minutes}</p>` : html`<p class="muted">${t.noMinutes}</p>`}
<h3>${t.decisions}</h3>
${
  sheet.decisions.length === 0
    ? html`<p class="muted">${t.noDecision}</p>`
    : html`<ul class="items">${sheet.decisions.map(
        (d) =>
          html`<li>${d.text}${d.action ? html` (<a href="${actionPath(d.action.id)}">${d.action.code}</a>)` : ''}${
            d.outcome ? html`<br><span class="muted">→ ${outcomeLink(d)}</span>` : ''
          }</li>`,
      )}</ul>`
}
</section>
<section class="card" aria-labelledby="presences"><h2 id="presences">${t.attendance}</h2>
${
  sheet.attendance.length === 0
    ? html`<p class="muted">${t.noAttendee}</p>`
    : html`<ul class="items">${sheet.attendance.map(
        (row) =>
          html`<li>${row.person.name} <span class="muted">— ${row.status ? attendanceLabels[row.status] : t.notNoted}</span></li>`,
      )}</ul>`
}
</section>
${
  sheet.decisionChoices
    ? decisionForm(
        meeting.id,
        sheet.decisionChoices,
        stateOf(refused, 'decision'),
        refused?.form === 'decision',
      )
    : ''
}
${sheet.may['meeting.manage'] ? editForm(sheet, edit, refused?.form === 'reunion' ? refused : undefined) : ''}`;
  return layout({
    demo: governance.demo === true,
    title,
    trail: {
      steps: [
        HOME_STEP,
        { label: governance.name, href: governancePath(governance.id) },
        { label: body.name, href: bodyPath(body.id) },
        { label: title, href: meetingPath(meeting.id) },
      ],
    },
    signedInAs,
    history,
    body: pageBody,
  });
}

function editForm(
  sheet: MeetingSheet,
  field: { typed: Typed; errors: FieldErrors },
  refused: Refused | undefined,
): Html {
  const t = fr.meeting;
  const { meeting } = sheet;
  const attendanceLabelsOf = Object.fromEntries(
    sheet.attendance.map((row) => [attendanceField(row.person.id), row.person.name]),
  );
  const names = [...Object.keys(MEETING_FIELDS), ...Object.keys(attendanceLabelsOf)];
  return html`<section class="card" aria-label="${t.edit}"><details${refused ? ' open' : ''}><summary>${t.edit}</summary>
${refused?.now ? staleAlert({ ...MEETING_FIELDS, ...attendanceLabelsOf }, refused.now, refused.typed, meetingValue) : ''}
${formAlert(field.errors, names)}
<form method="post" action="${meetingPath(meeting.id)}" novalidate>
<input type="hidden" name="version" value="${meeting.version}">
<fieldset><legend>${t.when}</legend>
${meetingFields(field, sheet.governance.timeZone)}
${selectField({ name: 'status', label: t.status, choices: choicesOf(meetingStatusLabels), ...field })}
</fieldset>
<fieldset><legend>${t.minutes}</legend>
${textArea({ name: 'minutes', label: t.minutes, maxlength: TEXT_LIMITS.long, rows: 8, ...field })}
${textArea({ name: 'decisions', label: t.decisions, hint: t.decisionsHint, maxlength: 100 * (TEXT_LIMITS.text + 1), ...field })}
</fieldset>
${
  sheet.attendance.length === 0
    ? ''
    : html`<fieldset><legend>${t.attendance}</legend><p class="hint">${t.attendanceHint}</p>
${sheet.attendance.map((row) =>
  selectField({
    name: attendanceField(row.person.id),
    label: row.person.name,
    blank: t.notNoted,
    choices: choicesOf(attendanceLabels),
    ...field,
  }),
)}</fieldset>`
}
<p><button type="submit">${t.save}</button></p>
</form></details></section>`;
}

/** A meeting's value as a reader says it: the label of a status or of an attendance. */
function meetingValue(name: string, value: string): string {
  const labels: Readonly<Record<string, string>> =
    name === 'status'
      ? meetingStatusLabels
      : name.startsWith(attendanceField(''))
        ? attendanceLabels
        : {};
  return labels[value] ?? value;
}
