import {
  deliveryKindLabels,
  deliveryMediumLabels,
  formatDate,
  type Person,
  reminderChannelLabels,
} from '@maille/domain';
import { html } from 'hono/html';
import {
  choicesOf,
  type FieldErrors,
  formAlert,
  selectField,
  type Typed,
  textField,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { HOME_STEP, type Html, layout } from './layout.ts';

export const ACCOUNT_PATH = '/compte';

/** A form of the account page that was refused, or the chat code just issued (shown once). */
export type AccountNotice =
  | { form: 'rappels' | 'pause'; typed: Typed; errors: FieldErrors }
  | { code: string; expiresAt: string };

/** The person's own agenda link, if they have one, and whether it was just renewed. */
export interface AgendaLink {
  url?: string | undefined;
  renewed?: boolean;
}

/** The reminder preferences as their form shows them. */
export function typedReminders(person: Person): Typed {
  const r = person.reminders;
  return {
    channel: r.channel,
    medium: r.medium ?? '',
    email: person.email ?? '',
    ...Object.fromEntries(
      Object.keys(deliveryKindLabels).map((kind) => [
        `kind_${kind}`,
        r.pausedKinds?.includes(kind as keyof typeof deliveryKindLabels) ? '' : '1',
      ]),
    ),
    ...Object.fromEntries(
      Object.keys(deliveryKindLabels).map((kind) => [
        `medium_${kind}`,
        r.mediumByKind?.[kind as keyof typeof deliveryKindLabels] ?? '',
      ]),
    ),
    quietFrom: r.quietHours.from,
    quietTo: r.quietHours.to,
    weekends: r.weekends ? '1' : '',
    version: String(person.version),
  };
}

/**
 * « Mon compte »: how and when reminders come, a pause during a leave, a code to link a Discord
 * account, the link of their own agenda, and signing out of every device.
 */
export function accountPage(person: Person, notice?: AccountNotice, agenda: AgendaLink = {}): Html {
  const t = fr.account;
  const refused = (form: 'rappels' | 'pause') =>
    notice && 'form' in notice && notice.form === form ? notice : undefined;
  const reminders = refused('rappels') ?? { typed: typedReminders(person), errors: {} };
  const pause = refused('pause') ?? {
    typed: { until: person.reminders.pausedUntil ?? '' },
    errors: {},
  };
  const paused = person.reminders.pausedUntil;
  const body = html`
<section class="card" aria-labelledby="rappels"><h2 id="rappels">${t.reminders}</h2>
<form method="post" action="${ACCOUNT_PATH}/rappels" novalidate>
<input type="hidden" name="version" value="${reminders.typed.version ?? person.version}">
${formAlert(reminders.errors, [
  'medium',
  'email',
  'channel',
  'quietFrom',
  'quietTo',
  ...Object.keys(deliveryKindLabels).map((kind) => `medium_${kind}`),
])}
${selectField({
  name: 'medium',
  label: t.medium,
  hint: t.mediumHint,
  choices: choicesOf(deliveryMediumLabels),
  blank: t.mediumAuto,
  ...reminders,
})}
${textField({ name: 'email', label: t.email, type: 'text', maxlength: 254, ...reminders })}
${selectField({
  name: 'channel',
  label: t.channel,
  choices: choicesOf(reminderChannelLabels),
  ...reminders,
})}
${textField({ name: 'quietFrom', label: t.quietFrom, hint: t.quietHint, type: 'text', maxlength: 5, ...reminders })}
${textField({ name: 'quietTo', label: t.quietTo, type: 'text', maxlength: 5, ...reminders })}
<div class="field check"><input type="checkbox" id="weekends" name="weekends" value="1"${reminders.typed.weekends ? html` checked` : ''}><label for="weekends">${t.weekends}</label></div>
<fieldset><legend>${t.kinds}</legend><input type="hidden" name="kinds" value="1">
${Object.entries(deliveryKindLabels).map(
  ([kind, label]) =>
    html`<div class="field check"><input type="checkbox" id="kind_${kind}" name="kind_${kind}" value="1"${reminders.typed[`kind_${kind}`] ? html` checked` : ''}><label for="kind_${kind}">${label}</label></div>`,
)}
</fieldset>
<fieldset><legend>${t.byKind}</legend>
${Object.entries(deliveryKindLabels).map(([kind, label]) =>
  selectField({
    name: `medium_${kind}`,
    label,
    choices: t.byKindChoices,
    blank: t.byKindUsual,
    ...reminders,
  }),
)}
</fieldset>
<button type="submit">${t.save}</button>
</form>
</section>
<section class="card" aria-labelledby="pause"><h2 id="pause">${t.pause}</h2>
<p>${paused ? t.pausedUntil(formatDate(paused)) : t.notPaused}</p>
<form method="post" action="${ACCOUNT_PATH}/pause" novalidate>
${formAlert(pause.errors, ['until'])}
${textField({ name: 'until', label: t.until, hint: t.untilHint, type: 'date', ...pause })}
<button type="submit">${t.pauseButton}</button>
</form>
${paused ? html`<form method="post" action="${ACCOUNT_PATH}/pause"><input type="hidden" name="until" value=""><button type="submit" class="secondary">${t.resume}</button></form>` : ''}
</section>
<section class="card" aria-labelledby="discord"><h2 id="discord">${t.chat}</h2>
<p>${person.chatAccounts.length > 0 ? t.linked(person.chatAccounts.length) : t.notLinked}</p>
${
  notice && 'code' in notice
    ? html`<div class="alert notice" role="status"><p>${t.codeIs} <strong class="code">${notice.code}</strong></p><p>${t.codeHow(formatDate(notice.expiresAt))}</p></div>`
    : html`<form method="post" action="${ACCOUNT_PATH}/code-chat"><button type="submit">${t.codeButton}</button></form>`
}
</section>
<section class="card" aria-labelledby="agenda"><h2 id="agenda">${t.agenda}</h2>
<p>${t.agendaLead}</p>
${agenda.renewed ? html`<div class="alert notice" role="status"><p>${t.agendaRenewed}</p></div>` : ''}
${
  agenda.url
    ? html`<div class="field"><label for="agenda-url">${t.agendaUrl}</label><input type="text" id="agenda-url" value="${agenda.url}" readonly aria-describedby="agenda-aide"><p class="hint" id="agenda-aide">${t.agendaHow}</p></div>`
    : html`<p>${t.agendaNone}</p>`
}
<form method="post" action="${ACCOUNT_PATH}/agenda"><button type="submit"${agenda.url ? html` class="secondary"` : ''}>${agenda.url ? t.agendaRenew : t.agendaCreate}</button></form>
${agenda.url ? html`<p class="hint">${t.agendaRenewHint}</p>` : ''}
</section>
<section class="card" aria-labelledby="appareils"><h2 id="appareils">${t.devices}</h2>
<p>${t.devicesLead}</p>
<form method="post" action="${ACCOUNT_PATH}/deconnexion-partout"><button type="submit" class="secondary">${t.signOutEverywhere}</button></form>
</section>`;
  return layout({
    title: t.title,
    trail: { steps: [HOME_STEP, { label: t.title, href: ACCOUNT_PATH }] },
    signedInAs: person.displayName,
    body,
  });
}
