import type { TerritoryRef } from '@maille/domain/actors';
import { Organization } from '@maille/domain/actors';
import type { BodyMember } from '@maille/domain/governance';
import { Indicator, Measurement } from '@maille/domain/indicators';
import { Person, type PersonFunction } from '@maille/domain/people';
import {
  Action,
  type ActionStatus,
  FundingLine,
  Milestone,
  Update,
  type UpdateInput,
} from '@maille/domain/roadmap';
import type { z } from 'zod';
import { type DemoContext, demoEmail, type Fields, type Stamp } from './context.ts';

const REFERENTIAL = 'Référentiel Maille par défaut';

type Owned<S extends z.ZodType> = Omit<Fields<S>, 'id' | 'governanceId' | 'roadmapId'>;

export type MeasurementExtra = Partial<
  Pick<Measurement, 'revision' | 'status' | 'comment' | 'source' | 'recordedAt' | 'territory'>
>;

/**
 * Small builders for the entities of one governance and its roadmap, so that each scenario file
 * reads as data: ids, governance and roadmap are filled here, timestamps by the context.
 */
export function governanceKit(
  ctx: DemoContext,
  ids: { governance: string; roadmap: string; coordinator: string },
  territory: TerritoryRef,
) {
  const governanceId = ids.governance;
  const roadmapId = ids.roadmap;

  return {
    organization: (id: string, fields: Omit<Fields<typeof Organization>, 'id'>) =>
      ctx.entity(Organization, { id, ...fields }),

    person: (
      id: string,
      displayName: string,
      organizationId: string,
      functions: PersonFunction[],
      extra: Partial<Fields<typeof Person>> = {},
    ) =>
      ctx.entity(Person, {
        id,
        displayName,
        email: demoEmail(displayName),
        organizationId,
        functions,
        ...extra,
      }),

    /** A Discord account linked when the community joined Maille. */
    discord: (userId: string) => ({
      chatAccounts: [{ platform: 'discord' as const, userId, linkedAt: ctx.at(-140, '10:30') }],
    }),

    seat: (
      personId: string,
      organizationId: string,
      position: BodyMember['position'],
      since: string,
      until?: string,
    ) => ({ personId, organizationId, position, since, ...(until ? { until } : {}) }),

    present: (...personIds: string[]) =>
      personIds.map((personId) => ({ personId, status: 'present' as const })),

    action: (id: string, fields: Owned<typeof Action>, stamp?: Stamp) =>
      ctx.entity(Action, { id, governanceId, roadmapId, ...fields }, stamp),

    /** Status moves of an action, each `[from, to, day offset]`. */
    moves: (byId: string, steps: [ActionStatus, ActionStatus, number][]) =>
      steps.map(([from, to, offset]) => ({ from, to, byId, at: ctx.at(offset, '11:00') })),

    milestone: (id: string, fields: Owned<typeof Milestone>) =>
      ctx.entity(Milestone, { id, governanceId, roadmapId, ...fields }),

    /** The fields of a milestone reached `done` days from today, due `due` days from today. */
    reached: (due: number, done = due) =>
      ({ dueDate: ctx.workday(due), status: 'atteint', completedOn: ctx.workday(done) }) as const,

    funding: (id: string, fields: Omit<Fields<typeof FundingLine>, 'id' | 'governanceId'>) =>
      ctx.entity(FundingLine, { id, governanceId, ...fields }),

    update: (
      id: string,
      authorId: string,
      channel: Update['channel'],
      createdAt: string,
      input: UpdateInput,
    ) => Update.parse({ id, governanceId, authorId, channel, createdAt, ...input }),

    indicator: (id: string, fields: Omit<Fields<typeof Indicator>, 'id' | 'governanceId'>) =>
      ctx.entity(Indicator, { id, governanceId, referential: REFERENTIAL, ...fields }),

    /** A value entered by the coordinator `lag` days after its period closed. */
    measurement: (
      id: string,
      indicatorId: string,
      period: string,
      value: number,
      lag: number,
      extra: MeasurementExtra = {},
    ) =>
      Measurement.parse({
        id,
        governanceId,
        indicatorId,
        territory,
        period,
        value,
        authorId: ids.coordinator,
        recordedAt: ctx.recordedAfter(period, lag),
        revision: 1,
        status: 'valide',
        ...extra,
      }),
  };
}
