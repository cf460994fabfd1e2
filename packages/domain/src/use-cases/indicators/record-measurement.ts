import { periodicityLabels } from '../../indicators/indicator.ts';
import { Measurement, MeasurementInput } from '../../indicators/measurement.ts';
import { periodicityOf } from '../../indicators/periods.ts';
import { InvalidTransitionError, ValidationError } from '../../shared/errors.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, recordAudit } from '../helpers.ts';

export { MeasurementInput as RecordMeasurementInput };

/**
 * Records a value of an indicator for a period and a territory. A value never overwrites another:
 * recording again for the same indicator, territory and period adds a revision, and the latest
 * revision is the current value. Validating a value (`valide`) is for coordinators.
 */
export async function recordMeasurement(ctx: UseCaseContext, input: unknown): Promise<Measurement> {
  const fields = validate(MeasurementInput, input);
  return ctx.store.transaction(async (repos) => {
    const indicator = await mustGet(repos.indicators, fields.indicatorId, 'Indicateur');
    await authorize(
      ctx,
      repos,
      fields.status === 'valide' ? 'measurement.validate' : 'measurement.record',
      indicator.governanceId,
    );
    if (indicator.method.type === 'calcul') {
      throw new InvalidTransitionError(
        `L’indicateur « ${indicator.label} » est calculé à partir des données : il ne se saisit pas.`,
      );
    }
    if (periodicityOf(fields.period) !== indicator.periodicity) {
      throw new ValidationError([
        {
          path: ['period'],
          message: `Cet indicateur se renseigne par période ${periodicityLabels[indicator.periodicity].toLowerCase()}.`,
        },
      ]);
    }
    checkValueForUnit(indicator.unit, fields.value);
    const previous = (await repos.measurements.listByIndicator(indicator.id)).filter(
      (m) =>
        m.period === fields.period &&
        m.territory.level === fields.territory.level &&
        m.territory.code === fields.territory.code,
    );
    const measurement = validate(Measurement, {
      ...fields,
      id: ctx.ids('measurement'),
      governanceId: indicator.governanceId,
      revision: Math.max(0, ...previous.map((m) => m.revision)) + 1,
      ...(ctx.actor.personId ? { authorId: ctx.actor.personId } : {}),
      recordedAt: ctx.clock(),
    });
    await repos.measurements.insert(measurement);
    await recordAudit(ctx, repos, {
      entity: 'measurement',
      entityId: measurement.id,
      governanceId: measurement.governanceId,
      action: 'record',
      after: {
        period: measurement.period,
        value: measurement.value,
        revision: measurement.revision,
      },
    });
    return measurement;
  });
}

function checkValueForUnit(unit: string, value: number): void {
  const problem =
    unit === 'pourcentage' && (value < 0 || value > 100)
      ? 'Un pourcentage est compris entre 0 et 100.'
      : (unit === 'personnes' || unit === 'nombre') && (value < 0 || !Number.isInteger(value))
        ? 'Un nombre de personnes ou d’actions est un entier positif.'
        : value < 0
          ? 'Cette valeur ne peut pas être négative.'
          : undefined;
  if (problem) throw new ValidationError([{ path: ['value'], message: problem }]);
}
