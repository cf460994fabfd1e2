import { ConflictError, type Milestone } from '@maille/domain';
import {
  cancelMilestone,
  completeMilestone,
  getActionSheet,
  getMilestone,
  recordUpdate,
  rescheduleMilestone,
  updateMilestone,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import { given, givenNumber, readForm, refusedFields, refusedOrStale } from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPage, type RefusedForm } from '../pages/action.ts';
import { messagePage } from '../pages/messages-page.ts';
import { actionPath, roadmapPath } from '../paths.ts';
import { me, type WebEnv } from '../web-env.ts';

/**
 * The buttons and forms of a milestone on its sheet: mark reached, reschedule with a reason,
 * cancel. Each carries the version the page showed: a milestone changed meanwhile is not changed
 * again blindly, the person is shown where it stands now.
 */
export const milestoneRoutes = new Hono<WebEnv>()
  .post('/jalons/:id/atteint', (c) =>
    change(c, (milestone, version) =>
      completeMilestone(c.var.kernel, { milestoneId: milestone.id, expectedVersion: version }),
    ),
  )
  .post('/jalons/:id/annulation', (c) =>
    change(c, (milestone, version) =>
      cancelMilestone(c.var.kernel, { milestoneId: milestone.id, expectedVersion: version }),
    ),
  )
  .post('/jalons/:id/modifier', async (c) => {
    const milestone = await getMilestone(c.var.kernel, { milestoneId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `modif-${milestone.id}` as const;
    const field = (name: string) => given(typed, `${prefix}-${name}`);
    const outcome = await refusedOrStale(
      () =>
        updateMilestone(c.var.kernel, {
          id: milestone.id,
          expectedVersion: givenNumber(typed, 'version'),
          patch: {
            title: field('title') ?? null,
            description: field('description') ?? null,
            ownerId: field('ownerId') ?? null,
            weight: givenNumber(typed, `${prefix}-weight`) ?? null,
          },
        }),
      (path) => `${prefix}-${path.replace(/^patch\./, '').split('.')[0]}`,
    );
    const back = milestone.actionId
      ? actionPath(milestone.actionId)
      : roadmapPath(milestone.roadmapId);
    if ('done' in outcome) return c.redirect(`${back}#jalon-${milestone.id}`, 303);
    return refusedOnSheet(
      c,
      milestone,
      { form: prefix, typed, errors: outcome.errors },
      outcome.status,
    );
  })
  .post('/jalons/:id/points', async (c) => {
    const milestone = await getMilestone(c.var.kernel, { milestoneId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `point-${milestone.id}` as const;
    const outcome = await refusedFields(
      () =>
        recordUpdate(c.var.kernel, {
          subject: { type: 'milestone', id: milestone.id },
          kind: given(typed, `${prefix}-kind`),
          text: given(typed, `${prefix}-text`),
        }),
      (path) => `${prefix}-${path}`,
    );
    if ('done' in outcome) {
      const back = milestone.actionId
        ? `${actionPath(milestone.actionId)}#jalon-${milestone.id}`
        : roadmapPath(milestone.roadmapId);
      return c.redirect(back, 303);
    }
    return refusedOnSheet(c, milestone, { form: prefix, typed, errors: outcome.errors }, 400);
  })
  .post('/jalons/:id/report', async (c) => {
    const milestone = await getMilestone(c.var.kernel, { milestoneId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `report-${milestone.id}` as const;
    const outcome = await refusedFields(
      () =>
        guarded(c, milestone, () =>
          rescheduleMilestone(c.var.kernel, {
            milestoneId: milestone.id,
            expectedVersion: givenNumber(typed, 'version'),
            to: given(typed, `${prefix}-to`),
            reason: given(typed, `${prefix}-reason`),
          }),
        ),
      (path) => (path === 'to' || path === 'reason' ? `${prefix}-${path}` : path),
    );
    if (!('done' in outcome)) {
      return refusedOnSheet(c, milestone, { form: prefix, typed, errors: outcome.errors }, 400);
    }
    return outcome.done;
  });

/**
 * A refused milestone form: the sheet again with the form filled. A milestone of the roadmap
 * itself has no sheet (and no form on the pages): its refusal is said on a page of its own.
 */
async function refusedOnSheet(
  c: Context<WebEnv>,
  milestone: Milestone,
  refused: RefusedForm,
  status: 400 | 409,
) {
  if (!milestone.actionId) {
    return c.html(
      messagePage(fr.errors.badRequestTitle, Object.values(refused.errors), me(c).name),
      status,
    );
  }
  const sheet = await getActionSheet(c.var.kernel, { actionId: milestone.actionId });
  return c.html(actionPage(sheet, me(c).name, refused), status);
}

/** Changes a milestone with the version its page showed, then goes back to its sheet. */
async function change(
  c: Context<WebEnv>,
  work: (milestone: Milestone, version: unknown) => Promise<unknown>,
) {
  const milestone = await getMilestone(c.var.kernel, { milestoneId: c.req.param('id') });
  const typed = await readForm(c);
  return guarded(c, milestone, () => work(milestone, givenNumber(typed, 'version')));
}

/** Runs the change; back to the sheet when done, a French page when it changed meanwhile. */
async function guarded(c: Context<WebEnv>, milestone: Milestone, work: () => Promise<unknown>) {
  const back = milestone.actionId
    ? `${actionPath(milestone.actionId)}#jalon-${milestone.id}`
    : roadmapPath(milestone.roadmapId);
  try {
    await work();
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return c.html(
      messagePage(fr.errors.conflictTitle, fr.action.milestoneChanged, me(c).name, {
        href: back,
        label: fr.errors.backToSheet,
      }),
      409,
    );
  }
  return c.redirect(back, 303);
}
