import { type BodyMember, ValidationError } from '@maille/domain';
import {
  type BodySheet,
  getBody,
  getBodySheet,
  scheduleMeeting,
  updateBody,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import {
  type FieldErrors,
  given,
  givenNumber,
  readForm,
  refusal,
  refusedOrStale,
  type Typed,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { type BodyForm, bodyPage, typedBody } from '../pages/body.ts';
import { bodyPath, meetingPath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';
import { meetingFieldOf, meetingInput } from './meetings.ts';

/**
 * « Instance »: its page, and the coordination's forms — change it, seat a member, end a seat, plan a meeting. Each form carries the version it
 * was read at: a body changed meanwhile is shown again as it is now, with what was typed.
 */
export const bodyRoutes = new Hono<WebEnv>()
  .get('/instances/:id', async (c) =>
    sendPage(
      c,
      await c.var.cached(c.req.url, async () => {
        const sheet = await getBodySheet(c.var.kernel, { bodyId: c.req.param('id') });
        const history = await latestHistory(c.var.kernel, {
          governanceId: sheet.governance.id,
          entity: 'body',
          entityId: sheet.body.id,
        });
        return String(await bodyPage(sheet, me(c).name, undefined, history));
      }),
    ),
  )

  .post('/instances/:id', async (c) => {
    const typed = await readForm(c);
    return changeBody(c, 'instance', typed, () => ({
      name: given(typed, 'name') ?? null,
      kind: given(typed, 'kind') ?? null,
      frequency: given(typed, 'frequency') ?? null,
      description: given(typed, 'description') ?? null,
    }));
  })

  .post('/instances/:id/membres', async (c) => {
    const typed = await readForm(c);
    return changeBody(
      c,
      'membre',
      typed,
      (body) => ({
        members: [
          ...body.members,
          {
            personId: given(typed, 'personId'),
            position: given(typed, 'position'),
            since: given(typed, 'since'),
          },
        ],
      }),
      // The new seat is the last one: its refusals go next to the form's fields.
      (path, body) => path.replace(new RegExp(`^patch\\.members\\.${body.members.length}\\.`), ''),
    );
  })

  .post('/instances/:id/membres/:index/fin', async (c) => {
    const typed = await readForm(c);
    const index = Number(c.req.param('index'));
    const name = `until-${index}`;
    return changeBody(
      c,
      `fin-${index}`,
      typed,
      (body) => {
        const seat = Number.isInteger(index) ? body.members[index] : undefined;
        if (!seat) {
          throw new ValidationError([{ path: [name], message: fr.errors.tamperedForm }]);
        }
        const ended: Partial<BodyMember> = { ...seat, until: given(typed, name) };
        return { members: body.members.map((m, i) => (i === index ? ended : m)) };
      },
      (path) => (path.startsWith(`patch.members.${index}.`) ? name : ''),
    );
  })

  .post('/instances/:id/reunions', async (c) => {
    const bodyId = c.req.param('id');
    const sheet = await getBodySheet(c.var.kernel, { bodyId });
    const typed = await readForm(c);
    const { fields, errors } = meetingInput(typed, sheet.governance.timeZone);
    const outcome =
      Object.keys(errors).length > 0
        ? refusal(errors)
        : await refusedOrStale(
            () => scheduleMeeting(c.var.kernel, { bodyId, ...fields }),
            meetingFieldOf,
          );
    if ('done' in outcome) return c.redirect(meetingPath(outcome.done.id), 303);
    return refusedOnBody(
      c,
      bodyId,
      { form: 'reunion', typed, errors: outcome.errors },
      outcome.status,
    );
  });

/**
 * Changes the body with the version its page showed: `patch` builds the change from the body as
 * it is now. Refused: the page again, with what was typed, 400; changed meanwhile, 409.
 */
async function changeBody(
  c: Context<WebEnv>,
  form: BodyForm,
  typed: Typed,
  patch: (body: BodySheet['body']) => Record<string, unknown>,
  rename?: (path: string, body: BodySheet['body']) => string,
) {
  const bodyId = c.req.param('id') ?? '';
  const body = await getBody(c.var.kernel, { bodyId });
  const outcome = await refusedOrStale(
    async () =>
      updateBody(c.var.kernel, {
        id: bodyId,
        expectedVersion: givenNumber(typed, 'version'),
        patch: patch(body),
      }),
    (path) => (rename ? rename(path, body) : path.replace(/^patch\./, '')),
  );
  if ('done' in outcome) return c.redirect(bodyPath(bodyId), 303);
  return refusedOnBody(
    c,
    bodyId,
    { form, typed, errors: outcome.errors, stale: outcome.stale },
    outcome.status,
  );
}

async function refusedOnBody(
  c: Context<WebEnv>,
  bodyId: string,
  refused: { form: BodyForm; typed: Typed; errors: FieldErrors; stale?: boolean },
  status: 400 | 409,
) {
  const sheet = await getBodySheet(c.var.kernel, { bodyId });
  const { stale, ...form } = refused;
  // The edit form says itself what changed meanwhile; the others say it above them.
  const now = stale && form.form === 'instance' ? { now: typedBody(sheet.body), errors: {} } : {};
  return c.html(bodyPage(sheet, me(c).name, { ...form, ...now }), status);
}
