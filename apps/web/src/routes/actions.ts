import {
  type Action,
  EurosText,
  priorityLabels,
  StaleVersionError,
  ValidationError,
  validate,
} from '@maille/domain';
import {
  addFundingLine,
  correctFundingPayment,
  createAction,
  createMilestone,
  getAction,
  getActionSheet,
  getFundingLine,
  getRoadmapOverview,
  recordFundingPayment,
  recordUpdate,
  sameTransaction,
  transitionAction,
  updateAction,
  updateFundingLine,
} from '@maille/domain/use-cases';
import { type Context, Hono } from 'hono';
import {
  type FieldErrors,
  fieldErrors,
  given,
  givenNumber,
  readForm,
  refusedFields,
  refusedOrStale,
  type Typed,
} from '../forms.ts';
import { fr } from '../messages.ts';
import { actionPage, eurosTyped, type RefusedForm } from '../pages/action.ts';
import {
  ACTION_FIELDS,
  type ActionFieldName,
  type ActionFormContext,
  actionFormPage,
} from '../pages/action-form.ts';
import { notAllowedPage } from '../pages/messages-page.ts';
import { actionPath } from '../paths.ts';
import { me, sendPage, type WebEnv } from '../web-env.ts';
import { latestHistory } from './history.ts';

const FIELD_NAMES = Object.keys(ACTION_FIELDS) as ActionFieldName[];

/**
 * « Fiche-action »: the sheet's page, its creation and edit forms, and the forms on the page
 * (an update, a new milestone). Each post validates through a use case; a refusal comes back as
 * the same page with what was typed and the French errors, status 400, nothing written.
 */
export const actionRoutes = new Hono<WebEnv>()
  .get('/fiches/:id', async (c) => {
    const page = await c.var.cached(c.req.url, async () => {
      const sheet = await getActionSheet(c.var.kernel, { actionId: c.req.param('id') });
      const history = await latestHistory(c.var.kernel, {
        governanceId: sheet.governance.id,
        entity: 'action',
        entityId: sheet.action.id,
      });
      return String(await actionPage(sheet, me(c).name, undefined, history));
    });
    return sendPage(c, page);
  })

  .post('/fiches/:id/points', async (c) => {
    const actionId = c.req.param('id');
    const typed = await readForm(c);
    const outcome = await refusedFields(() =>
      recordUpdate(c.var.kernel, {
        subject: { type: 'action', id: actionId },
        kind: given(typed, 'kind'),
        text: given(typed, 'text'),
        progress: givenNumber(typed, 'progress'),
      }),
    );
    if ('done' in outcome) return c.redirect(`${actionPath(actionId)}#points`, 303);
    return refusedOnSheet(c, actionId, { form: 'point', typed, errors: outcome.errors });
  })

  .post('/fiches/:id/jalons', async (c) => {
    const action = await getAction(c.var.kernel, { actionId: c.req.param('id') });
    const typed = await readForm(c);
    const outcome = await refusedFields(() =>
      createMilestone(c.var.kernel, {
        roadmapId: action.roadmapId,
        actionId: action.id,
        title: given(typed, 'title'),
        dueDate: given(typed, 'dueDate'),
      }),
    );
    if ('done' in outcome) return c.redirect(`${actionPath(action.id)}#jalons`, 303);
    return refusedOnSheet(c, action.id, { form: 'jalon', typed, errors: outcome.errors });
  })

  .post('/fiches/:id/statut', async (c) => {
    const actionId = c.req.param('id');
    const typed = await readForm(c);
    const outcome = await refusedFields(() =>
      transitionAction(c.var.kernel, {
        actionId,
        expectedVersion: givenNumber(typed, 'version'),
        to: given(typed, 'to'),
        reason: given(typed, 'reason'),
      }),
    );
    if ('done' in outcome) return c.redirect(actionPath(actionId), 303);
    return refusedOnSheet(c, actionId, { form: 'statut', typed, errors: outcome.errors });
  })

  .post('/fiches/:id/financements', async (c) => {
    const actionId = c.req.param('id');
    const typed = await readForm(c);
    const outcome = await refusedFields(
      async () =>
        addFundingLine(c.var.kernel, {
          actionId,
          funderKind: given(typed, 'funderKind'),
          funderOrganizationId: given(typed, 'funderOrganizationId'),
          programme: given(typed, 'programme'),
          status: given(typed, 'status'),
          ...fundingAmountsAndDates((name) => given(typed, name)),
        }),
      fundingFieldFromKernel,
    );
    if ('done' in outcome) return c.redirect(`${actionPath(actionId)}#financements`, 303);
    return refusedOnSheet(c, actionId, { form: 'financement', typed, errors: outcome.errors });
  })

  .post('/financements/:id', async (c) => {
    const line = await getFundingLine(c.var.kernel, { fundingLineId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `fin-${line.id}` as const;
    const field = (name: string) => given(typed, `${prefix}-${name}`);
    const outcome = await refusedOrStale(
      async () => {
        // An emptied field clears the value (`null`), as the kernel's change requests say.
        const values = fundingAmountsAndDates(field);
        const patch = Object.fromEntries(
          Object.entries(values).map(([key, value]) => [key, value ?? null]),
        );
        return updateFundingLine(c.var.kernel, {
          id: line.id,
          expectedVersion: givenNumber(typed, 'version'),
          patch: {
            funderKind: field('funderKind') ?? null,
            funderOrganizationId: field('funderOrganizationId') ?? null,
            programme: field('programme') ?? null,
            status: field('status') ?? null,
            ...patch,
          },
        });
      },
      (path) => `${prefix}-${fundingFieldFromKernel(path)}`,
    );
    if ('done' in outcome) return c.redirect(`${actionPath(line.actionId)}#financements`, 303);
    const sheet = await getActionSheet(c.var.kernel, { actionId: line.actionId });
    return c.html(
      actionPage(sheet, me(c).name, { form: prefix, typed, errors: outcome.errors }),
      outcome.status,
    );
  })

  .post('/financements/:id/versements', async (c) => {
    const line = await getFundingLine(c.var.kernel, { fundingLineId: c.req.param('id') });
    const typed = await readForm(c);
    const prefix = `versement-${line.id}` as const;
    const field = (name: string) => given(typed, `${prefix}-${name}`);
    const outcome = await refusedOrStale(
      async () =>
        recordFundingPayment(c.var.kernel, {
          fundingLineId: line.id,
          expectedVersion: givenNumber(typed, 'version'),
          payment: {
            on: field('on'),
            amountCents: centsOf(field('amount'), 'amountCents'),
            note: field('note'),
          },
        }),
      (path) => {
        // The payment's own fields, and the line's rules about payments, point at the form's.
        const name = path.replace(/^payment\./, '').replace(/^payments(\.\d+)?\.on$/, 'on');
        return `${prefix}-${name === 'amountCents' || name === 'payments' || name === '' ? 'amount' : name}`;
      },
    );
    if ('done' in outcome) return c.redirect(`${actionPath(line.actionId)}#financements`, 303);
    const sheet = await getActionSheet(c.var.kernel, { actionId: line.actionId });
    return c.html(
      actionPage(sheet, me(c).name, { form: prefix, typed, errors: outcome.errors }),
      outcome.status,
    );
  })

  // A payment recorded by mistake: corrected (date, amount, note) or deleted, under the line's
  // version as the page showed it.
  .post('/financements/:id/versements/:index', (c) => paymentCorrection(c, 'correct'))
  .post('/financements/:id/versements/:index/suppression', (c) => paymentCorrection(c, 'delete'))

  .get('/feuilles-de-route/:id/fiches/nouvelle', async (c) => {
    const context = await creationContext(c);
    return context instanceof Response
      ? context
      : c.html(
          actionFormPage(
            context,
            { typed: { priority: 'moyenne', weight: '1' }, errors: {} },
            me(c).name,
          ),
        );
  })

  .post('/feuilles-de-route/:id/fiches/nouvelle', async (c) => {
    const context = await creationContext(c);
    if (context instanceof Response) return context;
    const typed = await readForm(c);
    const { fields, errors } = actionFields(typed, FIELD_NAMES);
    const milestone = {
      title: given(typed, 'milestoneTitle'),
      dueDate: given(typed, 'milestoneDueDate'),
    };
    if (Boolean(milestone.title) !== Boolean(milestone.dueDate)) {
      errors[milestone.title ? 'milestoneDueDate' : 'milestoneTitle'] =
        fr.actionForm.milestoneMissing;
    }
    const refuse = (found: FieldErrors) =>
      c.html(actionFormPage(context, { typed, errors: found }, me(c).name), 400);
    if (Object.keys(errors).length > 0) return refuse(errors);
    const kernel = c.var.kernel;
    // The sheet and its first milestone are written together, or neither is.
    const outcome = await refusedFields(
      () =>
        kernel.store.transaction(async (repos) => {
          const inside = { ...kernel, store: sameTransaction(repos) };
          const created = await createAction(inside, { roadmapId: context.roadmap.id, ...fields });
          if (milestone.title && milestone.dueDate) {
            await createMilestone(inside, {
              roadmapId: context.roadmap.id,
              actionId: created.id,
              ownerId: created.ownerId,
              ...milestone,
            }).catch((error: unknown) => {
              throw error instanceof ValidationError
                ? new ValidationError(
                    error.issues.map((i) => ({
                      ...i,
                      path: [i.path[0] === 'title' ? 'milestoneTitle' : 'milestoneDueDate'],
                    })),
                  )
                : error;
            });
          }
          return created;
        }),
      fieldFromKernel,
    );
    if ('done' in outcome) return c.redirect(actionPath(outcome.done.id), 303);
    return refuse(outcome.errors);
  })

  .get('/fiches/:id/modifier', async (c) => {
    const sheet = await getActionSheet(c.var.kernel, { actionId: c.req.param('id'), updates: 1 });
    if (!sheet.may['action.edit']) return forbidden(c);
    const before = typedAction(sheet.action);
    return c.html(
      actionFormPage(
        sheet,
        {
          typed: before,
          errors: {},
          edit: {
            actionId: sheet.action.id,
            code: sheet.action.code,
            version: sheet.action.version,
            before,
          },
        },
        me(c).name,
      ),
    );
  })

  .post('/fiches/:id/modifier', async (c) => {
    const actionId = c.req.param('id');
    const typed = await readForm(c);
    const before = readBefore(typed.avant);
    const version = givenNumber(typed, 'version');
    const changed = FIELD_NAMES.filter((name) => (typed[name] ?? '') !== (before[name] ?? ''));
    const { fields, errors } = actionFields(typed, changed);
    // A field emptied is a field cleared; the kernel refuses clearing a required one, in French.
    const patch: Record<string, unknown> = {};
    for (const name of changed) {
      const key = name === 'budget' ? 'budgetCents' : name;
      patch[key] = fields[key] ?? null;
    }
    const sheetNow = () => getActionSheet(c.var.kernel, { actionId, updates: 1 });
    const edit = (
      sheet: Awaited<ReturnType<typeof sheetNow>>,
      found: FieldErrors,
      status: 400 | 409,
      extra = {},
    ) =>
      c.html(
        actionFormPage(
          sheet,
          {
            typed,
            errors: found,
            edit: { actionId, code: sheet.action.code, version: Number(version), before, ...extra },
          },
          me(c).name,
        ),
        status,
      );
    if (Object.keys(errors).length > 0) return edit(await sheetNow(), errors, 400);
    try {
      if (changed.length > 0) {
        await updateAction(c.var.kernel, { id: actionId, expectedVersion: version, patch });
      }
      return c.redirect(actionPath(actionId), 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        return edit(await sheetNow(), fieldErrors(error, fieldFromKernel), 400);
      }
      if (!(error instanceof StaleVersionError)) throw error;
      return staleEdit(c, await sheetNow(), typed, before);
    }
  });

/** A payment's correction or deletion from its form on the sheet; refused, the sheet shows why. */
async function paymentCorrection(c: Context<WebEnv>, intent: 'correct' | 'delete') {
  const line = await getFundingLine(c.var.kernel, { fundingLineId: c.req.param('id') });
  const index = Number(c.req.param('index'));
  const typed = await readForm(c);
  const prefix = `versement-${line.id}-${c.req.param('index')}` as const;
  const field = (name: string) => given(typed, `${prefix}-${name}`);
  const outcome = await refusedOrStale(
    async () =>
      correctFundingPayment(c.var.kernel, {
        fundingLineId: line.id,
        index: Number.isInteger(index) ? index : c.req.param('index'),
        expectedVersion: givenNumber(typed, 'version'),
        payment:
          intent === 'delete'
            ? null
            : {
                on: field('on'),
                amountCents: centsOf(field('amount'), 'amountCents'),
                note: field('note'),
              },
      }),
    (path) => {
      // The corrected payment's fields, and the line's rule on the total paid, point at the form's.
      const name = path.replace(/^payment\./, '');
      if (name === 'on' || name === 'note') return `${prefix}-${name}`;
      if (name === 'amountCents' || name === 'payments') return `${prefix}-amount`;
      return '';
    },
  );
  if ('done' in outcome) return c.redirect(`${actionPath(line.actionId)}#financements`, 303);
  const sheet = await getActionSheet(c.var.kernel, { actionId: line.actionId });
  return c.html(
    actionPage(sheet, me(c).name, { form: prefix, typed, errors: outcome.errors }),
    outcome.status,
  );
}

/** The page of a refused form on the sheet: the sheet as it is now, the form as it was typed. */
async function refusedOnSheet(c: Context<WebEnv>, actionId: string, refused: RefusedForm) {
  const sheet = await getActionSheet(c.var.kernel, { actionId });
  return c.html(actionPage(sheet, me(c).name, refused), 400);
}

/** Where a new sheet goes, if the person may create one there; a French refusal otherwise. */
async function creationContext(c: Context<WebEnv>): Promise<ActionFormContext | Response> {
  const overview = await getRoadmapOverview(c.var.kernel, { roadmapId: c.req.param('id') });
  return overview.may['action.create'] ? overview : forbidden(c);
}

function forbidden(c: Context<WebEnv>) {
  return c.html(notAllowedPage(me(c).name), 403);
}

/**
 * Someone saved the sheet since the form was read. The form comes back with, for each field,
 * the person's value where they changed it and the current value elsewhere, the list of what the
 * other person changed, and the current version: saving again applies only the person's changes.
 */
function staleEdit(
  c: Context<WebEnv>,
  sheet: Awaited<ReturnType<typeof getActionSheet>>,
  typed: Typed,
  before: Typed,
) {
  const now = typedAction(sheet.action);
  const merged: Record<string, string> = {};
  for (const name of FIELD_NAMES) {
    merged[name] =
      (typed[name] ?? '') !== (before[name] ?? '') ? (typed[name] ?? '') : (now[name] ?? '');
  }
  const shown = (name: ActionFieldName, value: string) => {
    if (name === 'ownerId') return sheet.members.find((p) => p.id === value)?.name ?? value;
    if (name === 'axisId') return sheet.roadmap.axes.find((a) => a.id === value)?.title ?? value;
    if (name === 'priority') return priorityLabels[value as keyof typeof priorityLabels] ?? value;
    return value;
  };
  const changedMeanwhile = FIELD_NAMES.filter(
    (name) => (now[name] ?? '') !== (before[name] ?? ''),
  ).map((field) => ({
    field,
    now: shown(field, now[field] ?? ''),
    yours: shown(field, typed[field] ?? ''),
  }));
  return c.html(
    actionFormPage(
      sheet,
      {
        typed: merged,
        errors: {},
        edit: {
          actionId: sheet.action.id,
          code: sheet.action.code,
          version: sheet.action.version,
          before: now,
          changedMeanwhile,
        },
      },
      me(c).name,
    ),
    409,
  );
}

/** The sheet's fields as its form shows them. */
function typedAction(action: Action): Typed {
  return {
    code: action.code,
    title: action.title,
    axisId: action.axisId ?? '',
    ownerId: action.ownerId ?? '',
    priority: action.priority,
    weight: String(action.weight),
    startDate: action.startDate ?? '',
    endDate: action.endDate ?? '',
    budget: action.budgetCents === undefined ? '' : eurosTyped(action.budgetCents),
    description: action.description ?? '',
    objectives: action.objectives ?? '',
  };
}

/** The kernel's input from the typed form (these fields only); the budget is read in euros. */
function actionFields(
  typed: Typed,
  names: readonly ActionFieldName[],
): { fields: Record<string, unknown>; errors: Record<string, string> } {
  const fields: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const name of names) {
    if (name === 'weight') fields.weight = givenNumber(typed, name);
    else if (name === 'budget') {
      const text = given(typed, name);
      if (text === undefined) continue;
      try {
        fields.budgetCents = amountInCents(text);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        errors.budget = error.message;
      }
    } else fields[name] = given(typed, name);
  }
  return { fields, errors };
}

/** An amount typed in euros, in cents; the kernel's French refusal when it is not one. */
function amountInCents(text: string): number {
  return validate(EurosText, text);
}

/** An amount typed in euros, in cents; refused under the kernel's name of the field. */
function centsOf(text: string | undefined, field: string): number | undefined {
  if (text === undefined) return undefined;
  try {
    return amountInCents(text);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(error.issues.map((issue) => ({ ...issue, path: [field] })));
  }
}

/** The amounts and calendar of a funding line's form, as the kernel names them. */
function fundingAmountsAndDates(field: (name: string) => string | undefined) {
  return {
    amountCents: centsOf(field('amount'), 'amountCents'),
    grantedCents: centsOf(field('granted'), 'grantedCents'),
    applicationDeadline: field('applicationDeadline'),
    decidedOn: field('decidedOn'),
    agreementEndsOn: field('agreementEndsOn'),
    reportDueOn: field('reportDueOn'),
    reportSubmittedOn: field('reportSubmittedOn'),
  };
}

/** A kernel path of a funding line as its form names the field. */
function fundingFieldFromKernel(path: string): string {
  const name = path.replace(/^patch\./, '');
  if (name === 'amountCents' || name === '') return 'amount';
  if (name === 'grantedCents') return 'granted';
  // Payments are refused when the status no longer allows them: the status is what to change.
  if (name.startsWith('payments')) return 'status';
  return name;
}

/** A kernel field path as the form names it. */
function fieldFromKernel(path: string): string {
  const name = path.replace(/^patch\./, '');
  return name === 'budgetCents' ? 'budget' : name;
}

/** The values the edit form was read with, carried in a hidden field; a tampered one is refused. */
function readBefore(text: string | undefined): Typed {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? '');
  } catch {
    parsed = undefined;
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    Object.entries(parsed).every(
      ([k, v]) => FIELD_NAMES.includes(k as ActionFieldName) && typeof v === 'string',
    );
  if (!valid) {
    throw new ValidationError([{ path: ['avant'], message: fr.errors.tamperedForm }]);
  }
  return parsed as Typed;
}
