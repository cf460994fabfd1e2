import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { Measurement, MeasurementInput } from '@maille/domain';
import {
  GetMeasurementInput,
  getMeasurement,
  ListMeasurementsInput,
  listMeasurements,
  recordMeasurement,
  validateMeasurement,
} from '@maille/domain/use-cases';
import type { ApiEnv, AppDependencies } from '../context.ts';
import { fr } from '../messages/fr.ts';
import { registerCreate, registerList, registerRead } from './resource-routes.ts';

const MEASUREMENTS = { tag: 'Indicateurs', one: 'Measurement', many: 'Measurements' };
const indicatorParams = z.object({ indicatorId: ListMeasurementsInput.shape.indicatorId });
const params = z.object({ measurementId: GetMeasurementInput.shape.measurementId });
const location = (measurement: Measurement) => `/measurements/${measurement.id}`;

/**
 * An indicator's values, append-only: every revision, one revision, a new value, and the
 * validation of the current one (itself a new revision).
 */
export function registerMeasurementRoutes(app: OpenAPIHono<ApiEnv>, deps: AppDependencies): void {
  registerList(
    app,
    deps,
    {
      path: '/indicators/{indicatorId}/measurements',
      resource: MEASUREMENTS,
      summary: fr.openapi.listMeasurements,
      description: fr.openapi.listMeasurementsDescription,
      params: indicatorParams,
      item: Measurement,
      cursorId: ListMeasurementsInput.shape.after.unwrap(),
    },
    listMeasurements,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/indicators/{indicatorId}/measurements',
      resource: MEASUREMENTS,
      summary: fr.openapi.recordMeasurement,
      description: fr.openapi.recordMeasurementDescription,
      params: indicatorParams,
      body: MeasurementInput.omit({ indicatorId: true }),
      schema: Measurement,
      versioned: false,
      location,
      problems: ['conflit', 'transition-invalide'],
    },
    recordMeasurement,
  );
  registerRead(
    app,
    deps,
    {
      path: '/measurements/{measurementId}',
      resource: MEASUREMENTS,
      summary: fr.openapi.getMeasurement,
      description: fr.openapi.appendOnly,
      params,
      schema: Measurement,
      versioned: false,
    },
    getMeasurement,
  );
  registerCreate(
    app,
    deps,
    {
      path: '/measurements/{measurementId}/validation',
      resource: MEASUREMENTS,
      operationId: 'validateMeasurement',
      summary: fr.openapi.validateMeasurement,
      description: fr.openapi.validateMeasurementDescription,
      params,
      schema: Measurement,
      versioned: false,
      location,
      problems: ['conflit'],
    },
    validateMeasurement,
  );
}
