import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { FundingLine, FundingLineFields, FundingPayment, ValidationError } from '@maille/domain';
import type { UseCaseContext } from '@maille/domain/use-cases';
import {
  addFundingLine,
  correctFundingPayment,
  GetFundingCalendarInput,
  GetFundingLineInput,
  getFundingCalendar,
  getFundingLine,
  ListFundingLinesInput,
  listFundingLines,
  recordFundingPayment,
  updateFundingLine,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { OPTIONAL_KEY, problemResponses, READ_PROBLEMS } from './openapi-helpers.ts';
import {
  registerChange,
  registerCreate,
  registerList,
  registerPatch,
  registerRead,
} from './resource-routes.ts';

const FUNDING_LINES = { tag: 'Financements', one: 'FundingLine', many: 'FundingLines' };
const actionParams = z.object({ actionId: ListFundingLinesInput.shape.actionId });
const params = z.object({ fundingLineId: GetFundingLineInput.shape.fundingLineId });
const paymentParams = params.extend({
  index: z.coerce
    .number()
    .int()
    .min(0)
    .max(49)
    .openapi({ description: 'Le rang du versement dans `payments`, à partir de 0.' }),
});

/**
 * The kernel points at `/payment/<field>` for the corrected payment; the caller sent the payment
 * itself as the body, so its issues are re-pointed at the body as written.
 */
async function correctPayment(ctx: UseCaseContext, input: unknown) {
  try {
    return await correctFundingPayment(ctx, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(
      error.issues.map((issue) =>
        issue.path[0] === 'payment' ? { ...issue, path: issue.path.slice(1) } : issue,
      ),
    );
  }
}

const calendarRoute = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/funding-calendar',
  tags: [FUNDING_LINES.tag],
  operationId: 'getFundingCalendar',
  summary: fr.openapi.fundingCalendar,
  description: fr.openapi.fundingCalendarDescription,
  security: OPTIONAL_KEY,
  request: {
    params: z.object({ governanceId: GetFundingCalendarInput.shape.governanceId }),
    query: z.object({
      aheadDays: z.coerce.number().int().min(1).max(366).optional().openapi({
        description: 'Combien de jours regarder pour les échéances à venir (90 par défaut).',
      }),
    }),
  },
  responses: {
    // The kernel describes the calendar as TypeScript interfaces: main fields, the rest let through.
    200: {
      description: fr.openapi.fundingCalendar,
      content: {
        'application/json': {
          schema: z.looseObject({
            today: z.string(),
            due: z.array(z.looseObject({ fundingLineId: z.string(), date: z.string() })),
            lines: z.array(z.looseObject({ line: FundingLine })),
            funders: z.array(z.looseObject({ label: z.string(), askedCents: z.number() })),
          }),
        },
      },
    },
    ...problemResponses(...READ_PROBLEMS),
  },
});

/**
 * An action's funding lines: its list, one line, a new one, its changes and payments under
 * If-Match; a governance's funding calendar and funder view.
 */
export function registerFundingLineRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  app.openapi(calendarRoute, async (c) => {
    const { aheadDays } = c.req.valid('query');
    const calendar = await getFundingCalendar(useCaseContext(deps, c), {
      ...c.req.valid('param'),
      ...(aheadDays === undefined ? {} : { aheadDays }),
    });
    // The kernel's interfaces carry optional fields the loose document cannot name one by one.
    return c.json(calendar as never, 200);
  });
  registerChange(
    app,
    deps,
    {
      path: '/funding-lines/{fundingLineId}/payments',
      resource: FUNDING_LINES,
      operationId: 'recordFundingPayment',
      summary: fr.openapi.recordFundingPayment,
      description: fr.openapi.recordFundingPaymentDescription,
      params,
      body: FundingPayment,
      schema: FundingLine,
    },
    recordFundingPayment,
    (params, body) => ({ ...params, payment: body }),
  );
  registerChange(
    app,
    deps,
    {
      path: '/funding-lines/{fundingLineId}/payments/{index}',
      method: 'put',
      resource: FUNDING_LINES,
      operationId: 'correctFundingPayment',
      summary: fr.openapi.correctFundingPayment,
      description: fr.openapi.correctFundingPaymentDescription,
      params: paymentParams,
      body: FundingPayment,
      schema: FundingLine,
    },
    correctPayment,
    (params, body) => ({ ...params, payment: body }),
  );
  registerChange(
    app,
    deps,
    {
      path: '/funding-lines/{fundingLineId}/payments/{index}',
      method: 'delete',
      resource: FUNDING_LINES,
      operationId: 'deleteFundingPayment',
      summary: fr.openapi.deleteFundingPayment,
      description: fr.openapi.deleteFundingPaymentDescription,
      params: paymentParams,
      schema: FundingLine,
    },
    correctPayment,
    (params) => ({ ...params, payment: null }),
  );
  registerList(
    app,
    deps,
    {
      path: '/actions/{actionId}/funding-lines',
      resource: FUNDING_LINES,
      summary: fr.openapi.listFundingLines,
      params: actionParams,
      item: FundingLine,
      cursorId: ListFundingLinesInput.shape.after.unwrap(),
    },
    listFundingLines,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/actions/{actionId}/funding-lines',
      resource: FUNDING_LINES,
      summary: fr.openapi.addFundingLine,
      params: actionParams,
      body: FundingLineFields.omit({ actionId: true }),
      schema: FundingLine,
      versioned: true,
      location: (line) => `/funding-lines/${line.id}`,
    },
    addFundingLine,
  );
  registerRead(
    app,
    deps,
    {
      path: '/funding-lines/{fundingLineId}',
      resource: FUNDING_LINES,
      summary: fr.openapi.getFundingLine,
      params,
      schema: FundingLine,
      versioned: true,
    },
    getFundingLine,
  );
  registerPatch(
    app,
    deps,
    {
      path: '/funding-lines/{fundingLineId}',
      resource: FUNDING_LINES,
      summary: fr.openapi.updateFundingLine,
      params,
      schema: FundingLine,
    },
    updateFundingLine,
  );
}
