import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  ActionKind,
  ActionStatus,
  attainmentStatusLabels,
  Direction,
  Governance,
  Indicator,
  MilestoneStatus,
  Periodicity,
  RoadmapStatus,
  TerritoryLevel,
  territoryValueSourceLabels,
  Unit,
  UpdateChannel,
  UpdateKind,
} from '@maille/domain';
import {
  GetGovernanceDashboardInput,
  GetIndicatorSeriesInput,
  getGovernanceDashboard,
  getIndicatorSeries,
  readerKey,
} from '@maille/domain/use-cases';
import { type ApiEnv, type RouteDependencies, useCaseContext } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { sendReadModel } from '../read-models/send.ts';
import { OPTIONAL_KEY, problemResponses, READ_PROBLEMS } from './openapi-helpers.ts';

/*
 * The read models a coordinator opens: a governance's dashboard and an indicator's series. The
 * kernel computes them (`getGovernanceDashboard`, `getIndicatorSeries`); the schemas below only
 * describe its answers for the OpenAPI document.
 */

const d = fr.openapi.readModels;

const PersonRef = z.object({
  id: z.string(),
  name: z.string().openapi({ description: d.personName }),
});
const RoadmapRef = z.object({ id: z.string(), title: z.string() });
const ActionRef = z.object({ id: z.string(), code: z.string(), title: z.string() });

const DashboardMilestone = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string().openapi({ description: d.dueDate }),
  status: MilestoneStatus,
  ownerId: z.string().nullable(),
  owner: PersonRef.nullable().openapi({ description: d.owner }),
  action: ActionRef.nullable().openapi({ description: d.milestoneAction }),
  roadmap: RoadmapRef,
});

const FundingSummary = z.object({
  budgetCents: z.number().int().openapi({ description: d.budgetCents }),
  securedCents: z.number().int().openapi({ description: d.securedCents }),
  pendingCents: z.number().int().openapi({ description: d.pendingCents }),
  gapCents: z.number().int().openapi({ description: d.gapCents }),
  securedRatio: z.number().nullable().openapi({ description: d.securedRatio }),
  summary: z.string().openapi({ description: d.fundingSummary }),
});

const IndicatorStanding = z.object({
  indicator: z.object({
    id: z.string(),
    code: z.string(),
    label: z.string(),
    unit: Unit,
    periodicity: Periodicity,
    direction: Direction,
    method: z.enum(['saisie', 'calcul']).openapi({ description: d.method }),
  }),
  period: z.string().openapi({ description: d.standingPeriod }),
  periodLabel: z.string(),
  running: z.boolean().openapi({ description: d.running }),
  value: z.number().nullable().openapi({ description: d.standingValue }),
  contributors: z.number().int().openapi({ description: d.contributors }),
  provisional: z.boolean().openapi({ description: d.provisional }),
  target: z.number().nullable(),
  gap: z.number().nullable().openapi({ description: d.gap }),
  attainment: z.object({
    status: z.enum(Object.keys(attainmentStatusLabels) as [keyof typeof attainmentStatusLabels]),
    label: z.string(),
    ratio: z.number().nullable().openapi({ description: d.ratio }),
    target: z.number().nullable(),
    value: z.number().nullable(),
  }),
});

const DashboardBody = z.object({
  governance: Governance,
  today: z.string().openapi({ description: d.today }),
  upcomingDays: z.number().int(),
  lateMilestones: z
    .array(DashboardMilestone.extend({ daysLate: z.number().int() }))
    .openapi({ description: d.lateMilestones }),
  upcomingMilestones: z
    .array(DashboardMilestone.extend({ daysUntil: z.number().int() }))
    .openapi({ description: d.upcomingMilestones }),
  recentUpdates: z
    .array(
      z.object({
        id: z.string(),
        createdAt: z.string(),
        kind: UpdateKind,
        channel: UpdateChannel,
        text: z.string(),
        progress: z.number().nullable(),
        author: PersonRef,
        subject: z.object({
          type: z.enum(['action', 'milestone', 'roadmap', 'governance']),
          id: z.string(),
          title: z.string().openapi({ description: d.subjectTitle }),
        }),
      }),
    )
    .openapi({ description: d.recentUpdates }),
  indicators: z.array(IndicatorStanding).openapi({ description: d.indicators }),
  funding: z.object({
    total: FundingSummary,
    byRoadmap: z.array(FundingSummary.extend({ roadmap: RoadmapRef })),
  }),
  roadmaps: z
    .array(
      z.object({
        roadmap: z.object({
          id: z.string(),
          title: z.string(),
          status: RoadmapStatus,
          fromYear: z.number().int(),
          toYear: z.number().int(),
        }),
        actions: z.object({
          total: z.number().int(),
          byStatus: z.record(ActionStatus, z.number().int()),
          byKind: z.record(ActionKind, z.number().int()),
        }),
        doneRate: z.number().nullable().openapi({ description: d.doneRate }),
        progress: z.object({
          progress: z.number().openapi({ description: d.progress }),
          actionCount: z.number().int(),
          weight: z.number(),
        }),
        axes: z
          .array(
            z.object({
              axisId: z.string().nullable(),
              code: z.string().nullable(),
              title: z.string(),
              progress: z.number(),
              actionCount: z.number().int(),
              weight: z.number(),
            }),
          )
          .openapi({ description: d.axes }),
        lateMilestoneCount: z.number().int(),
        upcomingMilestoneCount: z.number().int(),
        actionsWithoutOwnerCount: z.number().int(),
        promotableCount: z.number().int().openapi({ description: d.promotable }),
        funding: FundingSummary,
      }),
    )
    .openapi({ description: d.roadmaps }),
});

const SeriesBody = z.object({
  indicator: Indicator,
  governance: Governance.pick({ id: true, name: true, territory: true }),
  level: TerritoryLevel.describe(d.level),
  periodicity: Periodicity.describe(d.seriesPeriodicity),
  entryLevel: TerritoryLevel.nullable().describe(d.entryLevel),
  periods: z
    .array(
      z.object({
        period: z.string(),
        label: z.string(),
        target: z.number().nullable(),
        points: z.array(
          z.object({
            territory: z.object({
              level: TerritoryLevel,
              code: z.string(),
              name: z.string().nullable(),
            }),
            value: z.number(),
            source: z
              .enum(Object.keys(territoryValueSourceLabels) as ['mesure', 'consolidation'])
              .openapi({ description: d.source }),
            contributors: z.number().int().openapi({ description: d.pointContributors }),
            expected: z.number().int().openapi({ description: d.expected }),
            partial: z.boolean().openapi({ description: d.partial }),
            provisional: z.boolean().openapi({ description: d.provisional }),
          }),
        ),
      }),
    )
    .openapi({ description: d.periods }),
});

const dashboard = createRoute({
  method: 'get',
  path: '/governances/{governanceId}/dashboard',
  tags: ['Gouvernances'],
  operationId: 'getGovernanceDashboard',
  summary: fr.openapi.governanceDashboard,
  description: fr.openapi.governanceDashboardDescription,
  security: OPTIONAL_KEY,
  request: {
    params: z.object({ governanceId: GetGovernanceDashboardInput.shape.governanceId }),
    query: z.object({
      upcomingDays: z.coerce
        .number()
        .int()
        .min(1)
        .max(366)
        .optional()
        .openapi({ description: d.days }),
      recentUpdates: z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .openapi({ description: d.updatesCount }),
    }),
  },
  responses: {
    200: {
      description: fr.openapi.governanceDashboard,
      content: { 'application/json': { schema: DashboardBody } },
    },
    ...problemResponses(...READ_PROBLEMS),
  },
});

const series = createRoute({
  method: 'get',
  path: '/indicators/{indicatorId}/series',
  tags: ['Indicateurs'],
  operationId: 'getIndicatorSeries',
  summary: fr.openapi.indicatorSeries,
  description: fr.openapi.indicatorSeriesDescription,
  security: OPTIONAL_KEY,
  request: {
    params: z.object({ indicatorId: GetIndicatorSeriesInput.shape.indicatorId }),
    query: z.object({
      from: GetIndicatorSeriesInput.shape.from.describe(d.from),
      to: GetIndicatorSeriesInput.shape.to.describe(d.to),
      level: TerritoryLevel.optional().describe(d.niveau),
      periodicity: Periodicity.optional().describe(d.periodicite),
    }),
  },
  responses: {
    200: {
      description: fr.openapi.indicatorSeries,
      content: { 'application/json': { schema: SeriesBody } },
    },
    ...problemResponses(...READ_PROBLEMS),
  },
});

/** The read models: a governance's dashboard and an indicator's series over territories. */
export function registerReadModelRoutes(app: OpenAPIHono<ApiEnv>, deps: RouteDependencies): void {
  app.openapi(dashboard, async (c) => {
    const { governanceId } = c.req.valid('param');
    const { upcomingDays, recentUpdates } = c.req.valid('query');
    const key = `tableau:${governanceId}:${upcomingDays ?? ''}:${recentUpdates ?? ''}`;
    const answer = await deps.readModels.answer(readerKey(c.get('actor')), key, () =>
      getGovernanceDashboard(useCaseContext(deps, c), {
        governanceId,
        ...(upcomingDays === undefined ? {} : { upcomingDays }),
        ...(recentUpdates === undefined ? {} : { recentUpdates }),
      }),
    );
    // Already JSON bytes (the cache keeps them so): sent as is, the body the document describes.
    return sendReadModel(c, answer) as never;
  });

  app.openapi(series, async (c) => {
    const { indicatorId } = c.req.valid('param');
    const { from, to, level, periodicity } = c.req.valid('query');
    const result = await getIndicatorSeries(useCaseContext(deps, c), {
      indicatorId,
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(level === undefined ? {} : { level }),
      ...(periodicity === undefined ? {} : { periodicity }),
    });
    return c.json(result, 200);
  });
}
