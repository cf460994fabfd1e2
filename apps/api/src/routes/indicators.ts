import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { Indicator, IndicatorFields } from '@maille/domain';
import {
  createIndicator,
  GetIndicatorInput,
  getIndicator,
  InstallDefaultIndicatorsInput,
  installDefaultIndicators,
  ListIndicatorsInput,
  listIndicators,
  updateIndicator,
} from '@maille/domain/use-cases';
import { type ApiEnv, type AppDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { problemResponses, REQUIRED_KEY, WRITE_PROBLEMS } from './openapi-helpers.ts';
import { registerCreate, registerList, registerPatch, registerRead } from './resource-routes.ts';

const INDICATORS = { tag: 'Indicateurs', one: 'Indicator', many: 'Indicators' };
const governanceParams = z.object({ governanceId: ListIndicatorsInput.shape.governanceId });
const params = z.object({ indicatorId: GetIndicatorInput.shape.indicatorId });

const installDefaults = createRoute({
  method: 'post',
  path: '/governances/{governanceId}/indicators/defaults',
  tags: [INDICATORS.tag],
  operationId: 'installDefaultIndicators',
  summary: fr.openapi.installDefaultIndicators,
  description: fr.openapi.installDefaultIndicatorsDescription,
  security: REQUIRED_KEY,
  request: {
    params: z.object({ governanceId: InstallDefaultIndicatorsInput.shape.governanceId }),
  },
  responses: {
    200: {
      description: fr.openapi.installDefaultIndicators,
      content: { 'application/json': { schema: z.object({ items: z.array(Indicator) }) } },
    },
    ...problemResponses(...WRITE_PROBLEMS),
  },
});

/**
 * A governance's steering indicators: the list, one indicator, a new one, its changes under
 * If-Match, and Maille's default referential.
 */
export function registerIndicatorRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/governances/{governanceId}/indicators',
      resource: INDICATORS,
      summary: fr.openapi.listIndicators,
      params: governanceParams,
      item: Indicator,
      cursorId: ListIndicatorsInput.shape.after.unwrap(),
    },
    listIndicators,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/governances/{governanceId}/indicators',
      resource: INDICATORS,
      summary: fr.openapi.createIndicator,
      params: governanceParams,
      body: IndicatorFields.omit({ governanceId: true }),
      schema: Indicator,
      versioned: true,
      location: (indicator) => `/indicators/${indicator.id}`,
      problems: ['conflit'],
    },
    createIndicator,
  );
  registerRead(
    app,
    deps,
    {
      path: '/indicators/{indicatorId}',
      resource: INDICATORS,
      summary: fr.openapi.getIndicator,
      params,
      schema: Indicator,
      versioned: true,
    },
    getIndicator,
  );
  registerPatch(
    app,
    deps,
    {
      path: '/indicators/{indicatorId}',
      resource: INDICATORS,
      summary: fr.openapi.updateIndicator,
      params,
      schema: Indicator,
      problems: ['conflit'],
    },
    updateIndicator,
  );

  app.openapi(installDefaults, async (c) => {
    const created = await installDefaultIndicators(useCaseContext(deps, c), c.req.valid('param'));
    return c.json({ items: created }, 200);
  });
}
