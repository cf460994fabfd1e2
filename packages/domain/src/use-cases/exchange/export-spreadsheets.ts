import { z } from 'zod';
import type { Organization } from '../../actors/organization.ts';
import type { TerritoryRef } from '../../actors/territory.ts';
import { toCsv } from '../../exchange/csv.ts';
import {
  actionColumns,
  fundingLineColumns,
  measurementColumns,
  milestoneColumns,
  organizationColumns,
} from '../../exchange/spreadsheets.ts';
import type { Governance } from '../../governance/governance.ts';
import { currentMeasurements } from '../../indicators/aggregation.ts';
import type { Measurement } from '../../indicators/measurement.ts';
import type { Roadmap } from '../../roadmap/roadmap.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { perimeterDirectory } from '../actors/perimeter.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { mustGet } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/**
 * Spreadsheet exports (CSV for French spreadsheets, see `toCsv`): the same data as the JSON
 * reads, for the same readers, as a file a coordinator opens, filters and forwards.
 */

/** A file to download: its name (ASCII, dated) and its CSV text. */
export interface CsvFile {
  filename: string;
  csv: string;
}

export const ExportRoadmapCsvInput = z.object({ roadmapId: idOf('roadmap') });
export const ExportGovernanceCsvInput = z.object({ governanceId: idOf('governance') });

/** The actions of a roadmap, for whoever may read the roadmap (the public too once published). */
export async function exportActionsCsv(ctx: UseCaseContext, input: unknown): Promise<CsvFile> {
  return withReadableRoadmap(ctx, input, async (repos, roadmap, today) => {
    const actions = await repos.actions.listByRoadmap(roadmap.id);
    const organizations = await repos.organizations.getMany([
      ...new Set(actions.flatMap((a) => [...a.leadOrganizationIds, ...a.partnerOrganizationIds])),
    ]);
    const columns = actionColumns({
      axes: new Map(roadmap.axes.map((axis) => [axis.id, axis.title])),
      organizations: new Map(organizations.map((o) => [o.id, o.name])),
    });
    return {
      filename: `fiches-${roadmap.id}-${today}.csv`,
      csv: toCsv(columns, [...actions].sort(byCode)),
    };
  });
}

/** The milestones of a roadmap, by due date, for whoever may read the roadmap. */
export async function exportMilestonesCsv(ctx: UseCaseContext, input: unknown): Promise<CsvFile> {
  return withReadableRoadmap(ctx, input, async (repos, roadmap, today) => {
    const [milestones, actions] = await Promise.all([
      repos.milestones.listByRoadmap(roadmap.id),
      repos.actions.listByRoadmap(roadmap.id),
    ]);
    const columns = milestoneColumns({ actions: new Map(actions.map((a) => [a.id, a])), today });
    const ordered = [...milestones].sort((a, b) =>
      a.dueDate === b.dueDate ? (a.id < b.id ? -1 : 1) : a.dueDate < b.dueDate ? -1 : 1,
    );
    return { filename: `jalons-${roadmap.id}-${today}.csv`, csv: toCsv(columns, ordered) };
  });
}

/**
 * The funding lines of a governance with their calendar, by action code, for whoever may read the
 * governance: what a coordinator sends the finance department or a funder.
 */
export async function exportFundingLinesCsv(ctx: UseCaseContext, input: unknown): Promise<CsvFile> {
  const { governanceId } = validate(ExportGovernanceCsvInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const lines = await repos.fundingLines.listByGovernance(governanceId);
    const [actions, funders] = await Promise.all([
      repos.actions.getMany([...new Set(lines.map((l) => l.actionId))]),
      repos.organizations.getMany([
        ...new Set(lines.flatMap((l) => (l.funderOrganizationId ? [l.funderOrganizationId] : []))),
      ]),
    ]);
    const byAction = new Map(actions.map((a) => [a.id, a]));
    const code = (actionId: string) => byAction.get(actionId)?.code ?? '';
    const ordered = [...lines].sort(
      (a, b) =>
        code(a.actionId).localeCompare(code(b.actionId), 'fr', { numeric: true }) ||
        (a.id < b.id ? -1 : 1),
    );
    const columns = fundingLineColumns({
      actions: byAction,
      funders: new Map(funders.map((o) => [o.id, o.name])),
    });
    const today = localDate(ctx.clock(), governance.timeZone);
    return { filename: `financements-${governance.id}-${today}.csv`, csv: toCsv(columns, ordered) };
  });
}

/**
 * The current value (latest revision) of every measurement of a governance's indicators, for
 * whoever may read the governance.
 */
export async function exportMeasurementsCsv(ctx: UseCaseContext, input: unknown): Promise<CsvFile> {
  return withReadableGovernance(ctx, input, async (repos, governance, today) => {
    const [measurements, indicators] = await Promise.all([
      repos.measurements.listByGovernance(governance.id),
      repos.indicators.listByGovernance(governance.id),
    ]);
    const columns = measurementColumns({ indicators: new Map(indicators.map((i) => [i.id, i])) });
    return {
      filename: `mesures-${governance.id}-${today}.csv`,
      csv: toCsv(columns, currentMeasurements(measurements).sort(bySeries)),
    };
  });
}

/**
 * The actor map of a governance, for whoever may read it: the organizations located on its
 * territory or inside it (by the directory's `parents`), and those that lead or partner one of
 * its actions wherever they are.
 */
export async function exportOrganizationsCsv(
  ctx: UseCaseContext,
  input: unknown,
): Promise<CsvFile> {
  return withReadableGovernance(ctx, input, async (repos, governance, today) => {
    const [organizations, territories, actions] = await Promise.all([
      repos.organizations.list(),
      perimeterDirectory(repos, governance.territory),
      repos.actions.listByGovernance(governance.id),
    ]);
    const enclosing = new Map(
      territories.map((t) => [refKey(t), [refKey(t), ...t.parents.map(refKey)]]),
    );
    const home = refKey(governance.territory);
    const onTerritory = (o: Organization) =>
      o.territory !== undefined &&
      (enclosing.get(refKey(o.territory)) ?? [refKey(o.territory)]).includes(home);
    const involved = new Set(
      actions.flatMap((a) => [...a.leadOrganizationIds, ...a.partnerOrganizationIds]),
    );
    const rows = organizations
      .filter((o) => onTerritory(o) || involved.has(o.id))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : 1));
    return {
      filename: `structures-${governance.id}-${today}.csv`,
      csv: toCsv(organizationColumns(), rows),
    };
  });
}

async function withReadableRoadmap(
  ctx: UseCaseContext,
  input: unknown,
  work: (repos: Repositories, roadmap: Roadmap, today: string) => Promise<CsvFile>,
): Promise<CsvFile> {
  const { roadmapId } = validate(ExportRoadmapCsvInput, input);
  return ctx.store.transaction(async (repos) => {
    const roadmap = await mustGet(repos.roadmaps, roadmapId, 'Feuille de route');
    const governance = await authorize(ctx, repos, 'roadmap.read', roadmap.governanceId, {
      roadmap,
      asked: ['Feuille de route', roadmap.id],
    });
    return work(repos, roadmap, localDate(ctx.clock(), governance.timeZone));
  });
}

async function withReadableGovernance(
  ctx: UseCaseContext,
  input: unknown,
  work: (repos: Repositories, governance: Governance, today: string) => Promise<CsvFile>,
): Promise<CsvFile> {
  const { governanceId } = validate(ExportGovernanceCsvInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    return work(repos, governance, localDate(ctx.clock(), governance.timeZone));
  });
}

function refKey(ref: TerritoryRef): string {
  return `${ref.level}:${ref.code}`;
}

// A spreadsheet reader scans an indicator's values period after period, territory by territory.
function bySeries(a: Measurement, b: Measurement): number {
  const key = (m: Measurement) => `${m.indicatorId}|${m.period}|${refKey(m.territory)}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

function byCode(a: { code: string; id: string }, b: { code: string; id: string }): number {
  return a.code.localeCompare(b.code, 'fr', { numeric: true }) || (a.id < b.id ? -1 : 1);
}
