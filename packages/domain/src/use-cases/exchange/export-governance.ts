import { z } from 'zod';
import type { TerritoryRef } from '../../actors/territory.ts';
import type { GovernanceDocument } from '../../exchange/governance-document.ts';
import { idOf } from '../../shared/ids.ts';
import { validate } from '../../shared/validate.ts';
import { authorize } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import type { Repositories } from '../ports.ts';

export const ExportGovernanceInput = z.object({ governanceId: idOf('governance') });

/**
 * Exports a whole governance as a `GovernanceDocument`, for a backup, a move to another instance
 * or another storage (SQLite → PostgreSQL), or another tool. For its coordinators.
 */
export async function exportGovernance(
  ctx: UseCaseContext,
  input: unknown,
): Promise<GovernanceDocument> {
  const { governanceId } = validate(ExportGovernanceInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.manage', governanceId);
    const [
      bodies,
      meetings,
      roadmaps,
      actions,
      milestones,
      fundingLines,
      updates,
      indicators,
      measurements,
      auditEvents,
    ] = await Promise.all([
      repos.bodies.listByGovernance(governanceId),
      repos.meetings.listByGovernance(governanceId),
      repos.roadmaps.listByGovernance(governanceId),
      repos.actions.listByGovernance(governanceId),
      repos.milestones.listByGovernance(governanceId),
      repos.fundingLines.listByGovernance(governanceId),
      repos.updates.listByGovernance(governanceId),
      repos.indicators.listByGovernance(governanceId),
      repos.measurements.listByGovernance(governanceId),
      repos.auditEvents.listByGovernance(governanceId),
    ]);
    const roadmapVersions = (
      await Promise.all(roadmaps.map((r) => repos.roadmapVersions.listByRoadmap(r.id)))
    ).flat();
    const document = {
      governance,
      bodies,
      meetings,
      roadmaps,
      roadmapVersions,
      actions,
      milestones,
      fundingLines,
      updates,
      indicators,
      measurements,
      auditEvents,
    };
    // The directory records named, and those they name in turn (a person's organization, an
    // organization's territory): the target instance may know none of them.
    const named = namedIds(document);
    const persons = await repos.persons.getMany([...named.persons]);
    const byPersons = namedIds(persons);
    const organizations = await repos.organizations.getMany([
      ...new Set([...named.organizations, ...byPersons.organizations]),
    ]);
    const byOrganizations = namedIds(organizations);
    const territories = await namedTerritories(repos, [
      governance.territory,
      ...named.territories,
      ...byOrganizations.territories,
    ]);
    return sortedById<GovernanceDocument>({
      format: 'maille.gouvernance',
      formatVersion: 1,
      exportedAt: ctx.clock(),
      ...document,
      territories,
      organizations,
      persons,
    });
  });
}

/** Every person, organization and territory a document names, wherever it names them. */
function namedIds(document: object): {
  persons: Set<string>;
  organizations: Set<string>;
  territories: TerritoryRef[];
} {
  const persons = new Set<string>();
  const organizations = new Set<string>();
  const territories = new Map<string, TerritoryRef>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('per_')) persons.add(value);
      else if (value.startsWith('org_')) organizations.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (
        typeof record.level === 'string' &&
        typeof record.code === 'string' &&
        Object.keys(record).length === 2
      ) {
        territories.set(`${record.level}:${record.code}`, {
          level: record.level,
          code: record.code,
        } as TerritoryRef);
      }
      for (const item of Object.values(record)) visit(item);
    }
  };
  visit(document);
  return { persons, organizations, territories: [...territories.values()] };
}

/** The territories named, with the larger ones they belong to, as the directory knows them. */
async function namedTerritories(repos: Repositories, refs: TerritoryRef[]) {
  const found = new Map<string, Awaited<ReturnType<Repositories['territories']['findByCode']>>>();
  const queue = [...refs];
  while (queue.length > 0) {
    const ref = queue.pop() as TerritoryRef;
    const key = `${ref.level}:${ref.code}`;
    if (found.has(key)) continue;
    const territory = await repos.territories.findByCode(ref.level, ref.code);
    found.set(key, territory);
    if (territory) queue.push(...territory.parents);
  }
  return [...found.values()].filter((t) => t !== undefined);
}

function sortedById<T extends Record<string, unknown>>(document: T): T {
  const sorted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    sorted[key] = Array.isArray(value)
      ? [...value].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1))
      : value;
  }
  return sorted as T;
}
