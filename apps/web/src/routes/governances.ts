import {
  assignRole,
  createBody,
  createPerson,
  createRoadmap,
  getSteeringBrief,
  sameTransaction,
  updateGovernance,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import {
  given,
  givenNumber,
  type Refusal,
  readForm,
  refusedOrStale,
  type Typed,
} from '../forms.ts';
import { fr } from '../messages.ts';
import {
  briefPage,
  type GovernanceForm,
  governancePage,
  typedGovernance,
} from '../pages/governance.ts';
import { messagePage } from '../pages/messages-page.ts';
import { bodyPath, governancePath, roadmapPath } from '../paths.ts';
import type { PrintToPdf } from '../pdf.ts';
import { STYLESHEET, STYLESHEET_PATH } from '../style.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/**
 * « Gouvernance » and its « Point COPIL »: the page a coordinator opens before a steering
 * committee, and the same facts as a brief to print on A4 or download as a PDF.
 */
export function governanceRoutes(printer: PrintToPdf | undefined) {
  return new Hono<WebEnv>()
    .get('/gouvernances/:id', async (c) =>
      sendPage(
        c,
        await c.var.cached(c.req.url, async () => {
          const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
          return String(await governancePage(brief, me(c).name));
        }),
      ),
    )
    .post('/gouvernances/:id', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const outcome = await refusedOrStale(() =>
        updateGovernance(c.var.kernel, {
          id: governanceId,
          expectedVersion: givenNumber(typed, 'version'),
          patch: {
            name: given(typed, 'name') ?? null,
            formality: given(typed, 'formality') ?? null,
            timeZone: given(typed, 'timeZone') ?? null,
            description: given(typed, 'description') ?? null,
          },
        }),
      );
      return onGovernancePage(c, governanceId, 'gouvernance', typed, outcome, () =>
        governancePath(governanceId),
      );
    })
    .post('/gouvernances/:id/instances', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const field = (name: string) => given(typed, `instance-${name}`);
      const outcome = await refusedOrStale(
        () =>
          createBody(c.var.kernel, {
            governanceId,
            name: field('name'),
            kind: field('kind'),
            frequency: field('frequency'),
            description: field('description'),
          }),
        (path) => `instance-${path}`,
      );
      return onGovernancePage(c, governanceId, 'instance', typed, outcome, (body) =>
        bodyPath(body.id),
      );
    })
    .post('/gouvernances/:id/feuilles-de-route', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const outcome = await refusedOrStale(() =>
        createRoadmap(c.var.kernel, {
          governanceId,
          title: given(typed, 'title'),
          fromYear: givenNumber(typed, 'fromYear'),
          toYear: givenNumber(typed, 'toYear'),
        }),
      );
      return onGovernancePage(c, governanceId, 'feuille', typed, outcome, (roadmap) =>
        roadmapPath(roadmap.id),
      );
    })
    .post('/gouvernances/:id/roles', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const personId = given(typed, 'personId') ?? '';
      const form = `role-${personId}` as const;
      const role = given(typed, form);
      const outcome = await refusedOrStale(
        () =>
          assignRole(c.var.kernel, {
            governanceId,
            personId,
            role: role === 'aucun' ? null : role,
            expectedVersion: givenNumber(typed, 'version'),
          }),
        () => form,
      );
      return onGovernancePage(
        c,
        governanceId,
        form,
        typed,
        outcome,
        () => `${governancePath(governanceId)}#personnes`,
      );
    })
    .post('/gouvernances/:id/personnes', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const kernel = c.var.kernel;
      // The person and their role are written together, or neither is.
      const outcome = await refusedOrStale(() =>
        kernel.store.transaction(async (repos) => {
          const inside = { ...kernel, store: sameTransaction(repos) };
          const person = await createPerson(inside, {
            displayName: given(typed, 'displayName'),
            email: given(typed, 'email'),
            phone: given(typed, 'phone'),
          });
          return assignRole(inside, {
            governanceId,
            personId: person.id,
            role: given(typed, 'role'),
            expectedVersion: givenNumber(typed, 'version'),
          });
        }),
      );
      return onGovernancePage(
        c,
        governanceId,
        'personne',
        typed,
        outcome,
        () => `${governancePath(governanceId)}#personnes`,
      );
    })
    .get('/gouvernances/:id/point-copil', async (c) =>
      sendPage(
        c,
        await c.var.cached(c.req.url, async () => {
          const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
          return String(await briefPage(brief, me(c).name, printer !== undefined));
        }),
      ),
    )
    .get('/gouvernances/:id/point-copil.pdf', async (c) => {
      const brief = await getSteeringBrief(c.var.kernel, { governanceId: c.req.param('id') });
      if (!printer) {
        return c.html(messagePage(fr.brief.noPdfTitle, fr.brief.noPdf, me(c).name), 503);
      }
      // Printed away from the server: the page carries its stylesheet instead of linking it.
      const page = String(await briefPage(brief, me(c).name, false)).replace(
        `<link rel="stylesheet" href="${STYLESHEET_PATH}">`,
        `<style>${STYLESHEET}</style>`,
      );
      const pdf = await printer(page);
      c.header('Content-Type', 'application/pdf');
      c.header(
        'Content-Disposition',
        `attachment; filename="point-copil-${brief.governance.id}-${brief.today}.pdf"`,
      );
      return c.body(pdf as Uint8Array<ArrayBuffer>);
    });
}

/**
 * A form of the governance's page: done, on to `next` (what was created, or back to the page);
 * refused, the page again with the form filled and its French errors.
 */
async function onGovernancePage<T>(
  c: Context<WebEnv>,
  governanceId: string,
  form: GovernanceForm,
  typed: Typed,
  outcome: { done: T } | Refusal,
  next: (done: T) => string,
) {
  if ('done' in outcome) return c.redirect(next(outcome.done), 303);
  const brief = await getSteeringBrief(c.var.kernel, { governanceId });
  // The governance's own form says itself what changed meanwhile.
  const changed =
    outcome.stale && form === 'gouvernance'
      ? { now: typedGovernance(brief.governance), errors: {} }
      : {};
  return c.html(
    governancePage(brief, me(c).name, { form, typed, errors: outcome.errors, ...changed }),
    outcome.status,
  );
}
