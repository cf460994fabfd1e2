import {
  InvalidTransitionError,
  IsoDate,
  type Meeting,
  TimeOfDay,
  toInstant,
  ValidationError,
  validate,
} from '@maille/domain';
import { getMeetingSheet, recordDecision, updateMeeting } from '@maille/domain/use-cases';
import { Hono } from 'hono';
import { given, givenNumber, readForm, refusal, refusedOrStale, type Typed } from '../forms.ts';
import { fr } from '../messages.ts';
import { attendanceField, meetingPage, typedMeeting } from '../pages/meeting.ts';
import { meetingPath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';

/**
 * « Réunion »: its page, and the one form where the coordination changes it — moves it, sets its
 * agenda, records its minutes, decisions and attendance. A refusal comes back as the same page
 * with what was typed and the French errors; nothing is written.
 */
export const meetingRoutes = new Hono<WebEnv>()
  .get('/reunions/:id', async (c) =>
    sendPage(
      c,
      await c.var.cached(c.req.url, async () => {
        const sheet = await getMeetingSheet(c.var.kernel, { meetingId: c.req.param('id') });
        const history = await latestHistory(c.var.kernel, {
          governanceId: sheet.governance.id,
          entity: 'meeting',
          entityId: sheet.meeting.id,
        });
        return String(await meetingPage(sheet, me(c).name, undefined, history));
      }),
    ),
  )

  .post('/reunions/:id', async (c) => {
    const meetingId = c.req.param('id');
    const sheet = await getMeetingSheet(c.var.kernel, { meetingId });
    const typed = await readForm(c);
    const { fields, errors } = meetingInput(typed, sheet.governance.timeZone, sheet.meeting);
    const outcome =
      Object.keys(errors).length > 0
        ? refusal(errors)
        : await refusedOrStale(
            () =>
              updateMeeting(c.var.kernel, {
                id: meetingId,
                expectedVersion: givenNumber(typed, 'version'),
                patch: {
                  ...fields,
                  status: given(typed, 'status'),
                  minutes: given(typed, 'minutes') ?? null,
                  decisions: decisionsOf(typed, sheet.meeting),
                  attendance: attendanceOf(typed),
                },
              }),
            meetingFieldOf,
          );
    if ('done' in outcome) return c.redirect(meetingPath(meetingId), 303);
    const now = await getMeetingSheet(c.var.kernel, { meetingId });
    return c.html(
      meetingPage(now, me(c).name, {
        form: 'reunion',
        typed,
        errors: outcome.stale ? {} : outcome.errors,
        ...(outcome.stale ? { now: typedMeeting(now) } : {}),
      }),
      outcome.status,
    );
  })

  .post('/reunions/:id/decisions', async (c) => {
    const meetingId = c.req.param('id');
    const typed = await readForm(c);
    const outcome = await refusedOrStale(
      () =>
        withTransitionRefused(() => recordDecision(c.var.kernel, decisionInput(meetingId, typed))),
      decisionFieldOf,
    );
    if ('done' in outcome) return c.redirect(`${meetingPath(meetingId)}#decisions`, 303);
    const now = await getMeetingSheet(c.var.kernel, { meetingId });
    return c.html(
      meetingPage(now, me(c).name, { form: 'decision', typed, errors: outcome.errors }),
      outcome.status,
    );
  });

/**
 * The kernel's input for a decision from its form: its text and, for the effect chosen, the
 * fields of that effect (the others are ignored). A field left empty is not sent, so that the
 * kernel names it when it is needed.
 */
function decisionInput(meetingId: string, typed: Typed): Record<string, unknown> {
  const kind = given(typed, 'effect');
  const fields = (entries: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  const effect = (() => {
    switch (kind) {
      case undefined:
        return undefined;
      case 'adopter_feuille_de_route':
        return fields({
          kind,
          roadmapId: given(typed, 'roadmapId'),
          deliberationRef: given(typed, 'deliberationRef'),
        });
      case 'creer_action':
        return {
          kind,
          action: fields({
            roadmapId: given(typed, 'roadmapId'),
            code: given(typed, 'actionCode'),
            title: given(typed, 'actionTitle'),
          }),
        };
      case 'modifier_action':
        return {
          ...fields({
            kind,
            actionId: given(typed, 'actionId'),
            status: given(typed, 'actionStatus'),
          }),
          changes: fields({
            title: given(typed, 'actionNewTitle'),
            endDate: given(typed, 'actionEndDate'),
          }),
        };
      default:
        return fields({
          kind,
          milestoneId: given(typed, 'milestoneId'),
          to: given(typed, 'to'),
          reason: given(typed, 'reason'),
        });
    }
  })();
  return {
    meetingId,
    ...fields({ text: given(typed, 'decisionText') }),
    ...(effect ? { effect } : {}),
  };
}

/** Where the decision form shows the kernel's refusal of a field of the decision. */
const DECISION_PATHS: Readonly<Record<string, string>> = {
  text: 'decisionText',
  effect: 'effect',
  'effect.kind': 'effect',
  'effect.roadmapId': 'roadmapId',
  'effect.deliberationRef': 'deliberationRef',
  'effect.action.roadmapId': 'roadmapId',
  'effect.action.code': 'actionCode',
  'effect.action.title': 'actionTitle',
  'effect.actionId': 'actionId',
  'effect.status': 'actionStatus',
  'effect.changes': 'actionStatus',
  'effect.changes.title': 'actionNewTitle',
  'effect.changes.endDate': 'actionEndDate',
  'effect.milestoneId': 'milestoneId',
  'effect.to': 'to',
  'effect.reason': 'reason',
};

/** A kernel field path as the decision form names it; others are shown above the form. */
function decisionFieldOf(path: string): string {
  return DECISION_PATHS[path] ?? '';
}

/** A status move the action's circuit refuses is the form's refusal too, not an error page. */
async function withTransitionRefused<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InvalidTransitionError)) throw error;
    throw new ValidationError([{ path: ['effect', 'status'], message: error.message }]);
  }
}

/**
 * The kernel's input for a meeting's time, place and agenda from its typed form. The day and hour
 * are read in the governance's time zone; their own refusals come from the kernel's schemas. An
 * agenda line kept as it was keeps its presenter and sheet.
 */
export function meetingInput(
  typed: Typed,
  timeZone: string,
  before?: Meeting,
): { fields: Record<string, unknown>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const date = given(typed, 'date');
  const time = given(typed, 'time');
  const checked = (
    name: 'date' | 'time',
    value: string | undefined,
    schema: Parameters<typeof validate>[0],
  ) => {
    if (value === undefined) {
      errors[name] = name === 'date' ? fr.meeting.dateRequired : fr.meeting.timeRequired;
      return;
    }
    try {
      validate(schema, value);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors[name] = error.issues.map((i) => i.message).join(' ');
    }
  };
  checked('date', date, IsoDate);
  checked('time', time, TimeOfDay);
  const edit = before !== undefined;
  const optional = (name: string) => given(typed, name) ?? (edit ? null : undefined);
  const agenda = kept(
    linesOf(typed.agenda),
    before?.agenda ?? [],
    (item) => item.title,
    (title) => ({
      title,
    }),
  );
  return {
    fields: {
      title: optional('title'),
      startsAt: date && time && !errors.date && !errors.time ? toInstant(date, time, timeZone) : '',
      durationMinutes: givenNumber(typed, 'durationMinutes'),
      place: optional('place'),
      link: optional('link'),
      agenda,
    },
    errors,
  };
}

/**
 * The decisions typed one per line; a line kept as it was keeps its id and its sheet. Those that
 * acted are not in the text area: they stay first, as they are.
 */
function decisionsOf(typed: Typed, before: Meeting) {
  const acting = before.decisions.filter((d) => d.effect !== undefined);
  return [
    ...acting,
    ...kept(
      linesOf(typed.decisions),
      before.decisions.filter((d) => d.effect === undefined),
      (d) => d.text,
      (text) => ({ text }),
    ),
  ];
}

/** The attendance noted in the form's selects; a person left « non renseigné » is not noted. */
function attendanceOf(typed: Typed) {
  const prefix = attendanceField('');
  return Object.entries(typed).flatMap(([name, status]) =>
    name.startsWith(prefix) && status !== ''
      ? [{ personId: name.slice(prefix.length), status }]
      : [],
  );
}

/** Each line as the item it was (each item kept once), or a new one. */
function kept<T>(
  lines: string[],
  before: readonly T[],
  textOf: (item: T) => string,
  fresh: (line: string) => Partial<T>,
): Partial<T>[] {
  const left = [...before];
  return lines.map((line) => {
    const index = left.findIndex((item) => textOf(item) === line);
    return index >= 0 ? (left.splice(index, 1)[0] as T) : fresh(line);
  });
}

/** The non-blank lines of a text area, trimmed. */
function linesOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A kernel field path as the meeting forms name it: `agenda.3.title` is the agenda field. */
export function meetingFieldOf(path: string): string {
  const first = path.replace(/^patch\./, '').split('.')[0] ?? '';
  if (first === 'startsAt') return 'date';
  if (first === 'attendance') return '';
  return first;
}
