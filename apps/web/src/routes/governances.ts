import {
  assignRole,
  createPerson,
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
import { briefPage, governancePage, governancePath, typedGovernance } from '../pages/governance.ts';
import { messagePage } from '../pages/messages-page.ts';
import type { PrintToPdf } from '../pdf.ts';
import { STYLESHEET, STYLESHEET_PATH } from '../style.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';

/** Back to the governance's page when done; otherwise the page with the form filled. */
async function onGovernancePage(
  c: Context<WebEnv>,
  governanceId: string,
  form: 'personne' | `role-${string}`,
  typed: Typed,
  outcome: { done: unknown } | Refusal,
  anchor: string,
) {
  if ('done' in outcome) return c.redirect(`${governancePath(governanceId)}${anchor}`, 303);
  const brief = await getSteeringBrief(c.var.kernel, { governanceId });
  return c.html(
    governancePage(brief, me(c).name, { form, typed, errors: outcome.errors }),
    outcome.status,
  );
}

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
      if ('done' in outcome) return c.redirect(governancePath(governanceId), 303);
      const brief = await getSteeringBrief(c.var.kernel, { governanceId });
      return c.html(
        governancePage(brief, me(c).name, {
          form: 'gouvernance',
          typed,
          errors: outcome.stale ? {} : outcome.errors,
          ...(outcome.stale ? { now: typedGovernance(brief.governance) } : {}),
        }),
        outcome.status,
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
      return onGovernancePage(c, governanceId, form, typed, outcome, '#personnes');
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
      return onGovernancePage(c, governanceId, 'personne', typed, outcome, '#personnes');
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
