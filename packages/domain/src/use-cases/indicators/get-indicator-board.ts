import { z } from 'zod';
import type { Governance } from '../../governance/governance.ts';
import type { Permission } from '../../governance/permissions.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import { periodContaining } from '../../indicators/periods.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { perimeterDirectory } from '../actors/perimeter.ts';
import { allowed, authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { currentValuesOf } from './computed-values.ts';
import { seriesOf } from './get-indicator-series.ts';

export const GetIndicatorBoardInput = z.object({
  governanceId: idOf('governance'),
  /** How many of the latest periods each series shows. */
  periods: z.number().int().min(1).max(60).default(8),
});
export type GetIndicatorBoardInput = z.input<typeof GetIndicatorBoardInput>;

/** One period of an indicator on the governance's own territory. */
export interface BoardPeriod {
  period: string;
  label: string;
  /** The value on the governance's territory (recorded or rolled up), `null` without one. */
  value: number | null;
  target: number | null;
  /** Some territories inside have not reported: the value is partial. */
  partial: boolean;
  provisional: boolean;
}

export interface IndicatorBoard {
  governance: Governance;
  indicators: {
    indicator: Indicator;
    periods: BoardPeriod[];
    /** The period today falls in: what a value is most often recorded for. */
    currentPeriod: string;
  }[];
  /** What the reader may do here: the page shows only the forms that will be accepted. */
  may: Record<
    Extract<Permission, 'indicator.manage' | 'measurement.record' | 'measurement.validate'>,
    boolean
  >;
}

/**
 * Every indicator of a governance with its latest periods on the governance's own territory,
 * value against target: what the indicators page charts and tabulates. The figures are the
 * series' (`seriesOf`, as `getIndicatorSeries` gives them), so the page, the API and exports agree.
 */
export async function getIndicatorBoard(
  ctx: UseCaseContext,
  input: unknown,
): Promise<IndicatorBoard> {
  const { governanceId, periods } = validate(GetIndicatorBoardInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const indicators = (await repos.indicators.listByGovernance(governanceId)).sort((a, b) =>
      a.code.localeCompare(b.code, 'fr', { numeric: true }),
    );
    const own = governance.territory;
    // The perimeter's part of the directory is read once for every series of the page.
    const directory = await perimeterDirectory(repos, own);
    const today = localDate(ctx.clock(), governance.timeZone);
    return {
      governance,
      may: await allowed(ctx, repos, governance, [
        'indicator.manage',
        'measurement.record',
        'measurement.validate',
      ]),
      indicators: await Promise.all(
        indicators.map(async (indicator) => {
          const measurements = await currentValuesOf(repos, governance, indicator, {
            today,
            count: periods,
            now: ctx.clock(),
          });
          const series = seriesOf(ctx, { indicator, governance, measurements, directory }, {});
          return {
            indicator,
            currentPeriod: periodContaining(today, indicator.periodicity),
            periods: series.periods.slice(-periods).map((p) => {
              const point = p.points.find(
                (x) => x.territory.code === own.code && x.territory.level === own.level,
              );
              return {
                period: p.period,
                label: p.label,
                value: point?.value ?? null,
                target: p.target,
                partial: point?.partial ?? false,
                provisional: point?.provisional ?? false,
              };
            }),
          };
        }),
      ),
    };
  });
}
