import { z } from 'zod';
import type { TerritoryRef } from '../../actors/territory.ts';
import type { Governance } from '../../governance/governance.ts';
import type { Indicator } from '../../indicators/indicator.ts';
import { Measurement, MeasurementInput } from '../../indicators/measurement.ts';
import { periodicityLabels } from '../../indicators/period.ts';
import { periodicityOf } from '../../indicators/periods.ts';
import { ConflictError, InvalidTransitionError, ValidationError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

export { MeasurementInput as RecordMeasurementInput };

/**
 * Records a value of an indicator for a period and a territory of the governance. A value never
 * overwrites another: recording again for the same indicator, territory and period adds a
 * revision, and the latest revision is the current value. Validating a value (`valide`), or
 * correcting one already validated, is for coordinators.
 */
export async function recordMeasurement(ctx: UseCaseContext, input: unknown): Promise<Measurement> {
  const fields = validate(MeasurementInput, input);
  return ctx.store.transaction(async (repos) => {
    const indicator = await mustGet(repos.indicators, fields.indicatorId, 'Indicateur');
    const asked = ['Indicateur', indicator.id] as const;
    const permission = fields.status === 'valide' ? 'measurement.validate' : 'measurement.record';
    const governance = await authorize(ctx, repos, permission, indicator.governanceId, { asked });
    checkRecordable(indicator, fields.period, fields.value);
    await checkWithinGovernance(repos, governance, fields.territory);
    const current = await currentRevision(repos, indicator.id, fields.territory, fields.period);
    if (current?.status === 'valide' && fields.status !== 'valide') {
      // A draft must not silently replace a figure the coordinators signed off.
      await authorize(ctx, repos, 'measurement.validate', indicator.governanceId, { asked }).catch(
        () => {
          throw new ConflictError(
            'Cette valeur a été validée : seul·e un·e coordinateur·rice peut la corriger.',
          );
        },
      );
    }
    return appendRevision(ctx, repos, fields, indicator.governanceId, current);
  });
}

export const ValidateMeasurementInput = z.object({ measurementId: idOf('measurement') });

/**
 * Validates the current value of an indicator for its period and territory: a new revision with
 * the same value and the status `valide`, so the history shows who validated and when.
 */
export async function validateMeasurement(
  ctx: UseCaseContext,
  input: unknown,
): Promise<Measurement> {
  const { measurementId } = validate(ValidateMeasurementInput, input);
  return ctx.store.transaction(async (repos) => {
    const measurement = await mustGet(repos.measurements, measurementId, 'Mesure');
    await authorize(ctx, repos, 'measurement.validate', measurement.governanceId, {
      asked: ['Mesure', measurement.id],
    });
    const current = await currentRevision(
      repos,
      measurement.indicatorId,
      measurement.territory,
      measurement.period,
    );
    if (current?.id !== measurement.id) {
      throw new ConflictError(
        'Une valeur plus récente existe pour cette période : validez-la plutôt.',
      );
    }
    if (measurement.status === 'valide') throw new ConflictError('Cette valeur est déjà validée.');
    const {
      id: _id,
      revision: _revision,
      recordedAt: _recordedAt,
      authorId: _authorId,
      ...fields
    } = measurement;
    return appendRevision(
      ctx,
      repos,
      { ...fields, status: 'valide' },
      measurement.governanceId,
      current,
    );
  });
}

function checkRecordable(indicator: Indicator, period: string, value: number): void {
  if (indicator.method.type === 'calcul') {
    throw new InvalidTransitionError(
      `L’indicateur « ${indicator.label} » est calculé à partir des données : il ne se saisit pas.`,
    );
  }
  if (periodicityOf(period) !== indicator.periodicity) {
    const expected = periodicityLabels[indicator.periodicity].toLowerCase();
    throw new ValidationError([
      { path: ['period'], message: `Cet indicateur se renseigne par période ${expected}.` },
    ]);
  }
  const problem =
    indicator.unit === 'pourcentage' && (value < 0 || value > 100)
      ? 'Un pourcentage est compris entre 0 et 100.'
      : (indicator.unit === 'personnes' || indicator.unit === 'nombre') &&
          (value < 0 || !Number.isInteger(value))
        ? 'Un nombre de personnes ou d’actions est un entier positif.'
        : value < 0
          ? 'Cette valeur ne peut pas être négative.'
          : undefined;
  if (problem) throw new ValidationError([{ path: ['value'], message: problem }]);
}

/**
 * A value belongs to the governance's territory or to a territory inside it, as the directory's
 * `parents` say (a commune or an EPCI of a département's governance).
 */
async function checkWithinGovernance(
  repos: Repositories,
  governance: Governance,
  territory: TerritoryRef,
): Promise<void> {
  const same = (t: TerritoryRef) =>
    t.level === governance.territory.level && t.code === governance.territory.code;
  if (same(territory)) return;
  const known = await repos.territories.findByCode(territory.level, territory.code);
  if (known?.parents.some(same)) return;
  throw new ValidationError([
    {
      path: ['territory'],
      message: known
        ? 'Ce territoire n’est pas dans le périmètre de la gouvernance.'
        : 'Territoire inconnu de l’annuaire : ajoutez-le, avec les territoires dont il fait partie.',
    },
  ]);
}

async function currentRevision(
  repos: Repositories,
  indicatorId: string,
  territory: TerritoryRef,
  period: string,
): Promise<Measurement | undefined> {
  let current: Measurement | undefined;
  for (const m of await repos.measurements.listByIndicator(indicatorId)) {
    const same =
      m.period === period &&
      m.territory.level === territory.level &&
      m.territory.code === territory.code;
    if (same && (!current || m.revision > current.revision)) current = m;
  }
  return current;
}

async function appendRevision(
  ctx: UseCaseContext,
  repos: Repositories,
  fields: z.output<typeof MeasurementInput>,
  governanceId: string,
  current: Measurement | undefined,
): Promise<Measurement> {
  const measurement = validate(Measurement, {
    ...fields,
    id: ctx.ids('measurement'),
    governanceId,
    revision: (current?.revision ?? 0) + 1,
    ...(ctx.actor.personId ? { authorId: ctx.actor.personId } : {}),
    recordedAt: ctx.clock(),
  });
  await repos.measurements.insert(measurement);
  await recordAudit(ctx, repos, {
    entity: 'measurement',
    entityId: measurement.id,
    governanceId,
    action: measurement.status === 'valide' ? 'validate' : 'record',
    after: { period: measurement.period, value: measurement.value, revision: measurement.revision },
  });
  return measurement;
}
