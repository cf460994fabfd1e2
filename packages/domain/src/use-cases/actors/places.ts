import { z } from 'zod';
import { diagnosisCsv, type TerritorialDiagnosis } from '../../actors/diagnosis.ts';
import { type Freshness, freshness, Organization } from '../../actors/organization.ts';
import type { PlacesImport, PlacesImportSummary } from '../../actors/places-import.ts';
import {
  findDuplicatePlaces,
  isExportablePlace,
  type MergeConflict,
  mergePlaces,
  nationalPlacesCsv,
  nationalPlacesJson,
} from '../../exchange/index.ts';
import { Body } from '../../governance/body.ts';
import { Governance } from '../../governance/governance.ts';
import { Action } from '../../roadmap/action.ts';
import { ConflictError, NotFoundError } from '../../shared/errors.ts';
import { idOf } from '../../shared/ids.ts';
import { localDate } from '../../shared/time.ts';
import { validate } from '../../shared/validate.ts';
import { authorize, authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { checkVersion, mustGet, nextVersion, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';
import { getTerritorialDiagnosis } from './get-territorial-diagnosis.ts';
import { perimeterCommunes } from './perimeter.ts';

/*
 * The places of digital mediation of a governance's perimeter: the list with the freshness of each
 * record, the duplicates to review, their merge, the export in the national schema, and the
 * reports of the imports.
 */

export const GovernancePlacesInput = z.object({ governanceId: idOf('governance') });

/** A place with the freshness the national tools give its record. */
export interface PlaceWithFreshness {
  place: Organization;
  freshness: Freshness;
}

export interface GovernancePlaces {
  governance: Governance;
  places: PlaceWithFreshness[];
  /** Places that look like one place published twice, to review and merge. */
  duplicates: Organization[][];
}

/** The places of the perimeter that are still places of their own (a merged one is not). */
async function placesOf(repos: Repositories, governance: Governance): Promise<Organization[]> {
  const communes = await perimeterCommunes(repos, governance.territory);
  return (await repos.organizations.listInCommunes(communes.map((c) => c.code))).filter(
    (o) => o.mergedInto === undefined,
  );
}

/**
 * The places located in a governance's communes, by name, each with its freshness (« à vérifier »
 * after 12 months without an update, « à actualiser » after 18), and the groups that look like
 * one place published twice. Readable by whoever may read the governance.
 */
export async function listGovernancePlaces(
  ctx: UseCaseContext,
  input: unknown,
): Promise<GovernancePlaces> {
  const { governanceId } = validate(GovernancePlacesInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const places = (await placesOf(repos, governance)).sort(
      (a, b) => a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : 1),
    );
    const now = ctx.clock();
    return {
      governance,
      places: places.map((place) => ({ place, freshness: freshness(place, now) })),
      duplicates: findDuplicatePlaces(places),
    };
  });
}

export const ExportPlacesInput = GovernancePlacesInput.extend({
  format: z.enum(['json', 'csv'], { message: 'Format attendu : « json » ou « csv ».' }),
});

/** A file to download: its name, its type and its text, and the places it could not hold. */
export interface PlacesFile {
  filename: string;
  contentType: string;
  content: string;
  /** Places without an address, which the national schema requires: left out of the file. */
  leftOut: { id: string; name: string }[];
}

/**
 * The places of a governance's perimeter in the national schema « lieux de médiation numérique »
 * (v1.0.2), as JSON or CSV, for the national map and the partners' tools. A place without an
 * address cannot be a valid record: it is left out, and named in `leftOut`.
 */
export async function exportPlaces(ctx: UseCaseContext, input: unknown): Promise<PlacesFile> {
  const { governanceId, format } = validate(ExportPlacesInput, input);
  return ctx.store.transaction(async (repos) => {
    const governance = await authorize(ctx, repos, 'governance.read', governanceId);
    const all = await placesOf(repos, governance);
    const places = all.filter(isExportablePlace);
    const leftOut = all
      .filter((o) => !isExportablePlace(o))
      .map((o) => ({ id: o.id, name: o.name }));
    const today = localDate(ctx.clock(), governance.timeZone);
    return format === 'json'
      ? {
          filename: `lieux-${governance.id}-${today}.json`,
          contentType: 'application/json; charset=utf-8',
          content: nationalPlacesJson(places),
          leftOut,
        }
      : {
          filename: `lieux-${governance.id}-${today}.csv`,
          contentType: 'text/csv; charset=utf-8',
          content: nationalPlacesCsv(places),
          leftOut,
        };
  });
}

/** The diagnosis of a governance's perimeter as a spreadsheet, one line per commune. */
export async function exportDiagnosisCsv(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ filename: string; csv: string; diagnosis: TerritorialDiagnosis }> {
  const { governance, today, diagnosis } = await getTerritorialDiagnosis(ctx, input);
  return {
    filename: `diagnostic-${governance.id}-${today}.csv`,
    csv: diagnosisCsv(diagnosis),
    diagnosis,
  };
}

export const MergePlacesInput = z.object({
  keptId: idOf('organization'),
  otherId: idOf('organization'),
  /** For each field that differs, which place's value to keep (the kept one's by default). */
  choices: z.record(z.string().max(60), z.enum(['kept', 'other'])).default({}),
  expectedVersion: z.number().int().min(1).optional(),
});

/**
 * Merges two records of one place: the kept place takes the other's national ids and sources, the
 * lists of both, the fields it lacked, and for each field that differs the value `choices` names
 * (its own by default); the conflicts are returned and written to the audit trail, so no field is
 * lost silently. The other record stays, marked `mergedInto`, and the actions and seats that named
 * it now name the kept place. For an administrator or a coordinator.
 */
export async function mergeDuplicatePlaces(
  ctx: UseCaseContext,
  input: unknown,
): Promise<{ place: Organization; conflicts: MergeConflict[] }> {
  const { keptId, otherId, choices, expectedVersion } = validate(MergePlacesInput, input);
  if (keptId === otherId)
    throw new NotFoundError('Lieu à fusionner (il doit différer du lieu gardé)', otherId);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const kept = await mustGet(repos.organizations, keptId, 'Lieu');
    const other = await mustGet(repos.organizations, otherId, 'Lieu');
    checkVersion(kept, expectedVersion);
    // A record already merged is no place of its own any more: merging it again (a page reloaded,
    // a request retried) would hide both.
    for (const place of [kept, other])
      if (place.mergedInto !== undefined)
        throw new ConflictError(
          `« ${place.name} » a déjà été fusionné avec une autre fiche (${place.mergedInto}) : rechargez la liste des doublons.`,
        );
    const { fields, conflicts } = mergePlaces(kept, other, choices);
    const now = ctx.clock();
    const place = nextVersion(
      // The merged fields are the kept place's, completed: its id and history stay.
      Organization,
      kept,
      fields,
      now,
    );
    const retired = nextVersion(Organization, other, { mergedInto: kept.id, nationalIds: [] }, now);
    // The other record gives its national ids up first: an id names one place at a time.
    await repos.organizations.update(retired);
    await repos.organizations.update(place);
    await recordAudit(ctx, repos, {
      entity: 'organization',
      entityId: kept.id,
      action: 'organization.merged',
      before: kept,
      after: { ...place, mergedFrom: other.id, conflicts },
    });
    await recordAudit(ctx, repos, {
      entity: 'organization',
      entityId: other.id,
      action: 'organization.merged_into',
      before: other,
      after: retired,
    });
    await repointReferences(ctx, repos, other.id, kept.id);
    return { place, conflicts };
  });
}

/**
 * The governances, action sheets and seats that named the merged record now name the kept place. A merge is
 * rare and made by hand: it reads every governance's actions and bodies rather than keep an index
 * of who names an organization.
 */
async function repointReferences(
  ctx: UseCaseContext,
  repos: Repositories,
  from: string,
  to: string,
): Promise<void> {
  const swap = (ids: readonly string[]) => [...new Set(ids.map((id) => (id === from ? to : id)))];
  const now = ctx.clock();
  for (const governance of await repos.governances.list()) {
    if (governance.organizations.some((o) => o.organizationId === from)) {
      // The kept place takes the merged record's seat, unless it already has one.
      const taken = governance.organizations.some((o) => o.organizationId === to);
      const changed = nextVersion(
        Governance,
        governance,
        {
          organizations: governance.organizations.flatMap((o) =>
            o.organizationId !== from ? [o] : taken ? [] : [{ ...o, organizationId: to }],
          ),
        },
        now,
      );
      await repos.governances.update(changed);
      await recordAudit(ctx, repos, {
        entity: 'governance',
        entityId: governance.id,
        action: 'governance.organization_merged',
        before: governance,
        after: changed,
      });
    }
    for (const action of await repos.actions.listByGovernance(governance.id)) {
      if (![...action.leadOrganizationIds, ...action.partnerOrganizationIds].includes(from))
        continue;
      const changed = nextVersion(
        Action,
        action,
        {
          leadOrganizationIds: swap(action.leadOrganizationIds),
          partnerOrganizationIds: swap(action.partnerOrganizationIds),
        },
        now,
      );
      await repos.actions.update(changed);
      await recordAudit(ctx, repos, {
        entity: 'action',
        entityId: action.id,
        action: 'action.organization_merged',
        governanceId: governance.id,
        before: action,
        after: changed,
      });
    }
    for (const body of await repos.bodies.listByGovernance(governance.id)) {
      if (!body.members.some((m) => m.organizationId === from)) continue;
      const changed = nextVersion(
        Body,
        body,
        {
          members: body.members.map((m) =>
            m.organizationId === from ? { ...m, organizationId: to } : m,
          ),
        },
        now,
      );
      await repos.bodies.update(changed);
    }
  }
}

export const PlacesImportInput = z.object({ importId: idOf('placesImport') });

/** The report of an import, whole. For an administrator or a coordinator. */
export async function getPlacesImport(ctx: UseCaseContext, input: unknown): Promise<PlacesImport> {
  const { importId } = validate(PlacesImportInput, input);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    const report = await repos.placesImports.get(importId);
    if (!report) throw new NotFoundError('Import de lieux', importId);
    return report;
  });
}

/** The latest imports' reports, newest first, without their entries. */
export async function listPlacesImports(ctx: UseCaseContext): Promise<PlacesImportSummary[]> {
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    return repos.placesImports.listLatest(50);
  });
}
