import { idOf, NotFoundError, searchKey, ValidationError } from '@maille/domain';
import {
  addGovernanceOrganization,
  assignRole,
  createBody,
  createPerson,
  createRoadmap,
  getOrganization,
  getSteeringBrief,
  listOrganizations,
  removeGovernanceOrganization,
  sameTransaction,
  type UseCaseContext,
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
import { latestHistory } from './history.ts';

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
          const governanceId = c.req.param('id');
          const brief = await getSteeringBrief(c.var.kernel, { governanceId });
          const history = await latestHistory(c.var.kernel, { governanceId });
          return String(await governancePage(brief, me(c).name, undefined, history));
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
    .post('/gouvernances/:id/structures', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const outcome = await refusedOrStale(
        async () =>
          addGovernanceOrganization(c.var.kernel, {
            governanceId,
            organizationId: await organizationTyped(c.var.kernel, given(typed, 'structure-query')),
            role: given(typed, 'structure-role'),
            expectedVersion: givenNumber(typed, 'version'),
          }),
        // The search's refusals (`query`) and the kernel's (`organizationId`) concern the text typed.
        (path) => (path === 'role' ? 'structure-role' : 'structure-query'),
      );
      return onGovernancePage(
        c,
        governanceId,
        'structure',
        typed,
        outcome,
        () => `${governancePath(governanceId)}#structures`,
      );
    })
    .post('/gouvernances/:id/structures/retrait', async (c) => {
      const governanceId = c.req.param('id');
      const typed = await readForm(c);
      const form = `structure-${given(typed, 'organizationId') ?? ''}` as const;
      const outcome = await refusedOrStale(
        () =>
          removeGovernanceOrganization(c.var.kernel, {
            governanceId,
            organizationId: given(typed, 'organizationId'),
            expectedVersion: givenNumber(typed, 'version'),
          }),
        () => '',
      );
      return onGovernancePage(
        c,
        governanceId,
        form,
        typed,
        outcome,
        () => `${governancePath(governanceId)}#structures`,
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

const ORGANIZATION_ID = idOf('organization');
/** How many names a « several match » message shows. */
const NAMES_SHOWN = 5;

/**
 * The organization of the directory a person typed: its id, or a name (or part of one) that only
 * one organization matches — or the one whose whole name it is. Otherwise a `ValidationError`
 * saying why, in French.
 */
async function organizationTyped(
  kernel: UseCaseContext,
  text: string | undefined,
): Promise<string> {
  const t = fr.governance;
  const refuse = (message: string) => new ValidationError([{ path: ['organizationId'], message }]);
  if (text === undefined) throw refuse(t.organizationQueryMissing);
  if (ORGANIZATION_ID.safeParse(text).success) {
    try {
      return (await getOrganization(kernel, { organizationId: text })).id;
    } catch (error) {
      throw error instanceof NotFoundError ? refuse(t.unknownOrganizationId(text)) : error;
    }
  }
  const page = await listOrganizations(kernel, { query: text, limit: 100 });
  // A merged record lives on in the one it was merged into.
  const matches = page.items.filter((o) => o.mergedInto === undefined);
  const exact = matches.filter((o) => searchKey(o.name) === searchKey(text));
  const [only] = matches.length === 1 ? matches : exact.length === 1 ? exact : [];
  if (only) return only.id;
  if (matches.length === 0) throw refuse(t.noOrganizationMatch(text));
  const names = matches.map((o) => o.name).sort((a, b) => a.localeCompare(b, 'fr'));
  throw refuse(
    t.severalOrganizationsMatch(
      text,
      names.slice(0, NAMES_SHOWN),
      names.length > NAMES_SHOWN || page.next !== undefined,
    ),
  );
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
