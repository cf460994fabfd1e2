import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { FundingLine, FundingLineFields } from '@maille/domain';
import {
  addFundingLine,
  GetFundingLineInput,
  getFundingLine,
  ListFundingLinesInput,
  listFundingLines,
  updateFundingLine,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const FUNDING_LINES = { tag: 'Financements', one: 'FundingLine', many: 'FundingLines' };
const actionParams = z.object({ actionId: ListFundingLinesInput.shape.actionId });
const params = z.object({ fundingLineId: GetFundingLineInput.shape.fundingLineId });

/** An action's funding lines: its list, one line, a new one, and its changes under If-Match. */
export function registerFundingLineRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
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
