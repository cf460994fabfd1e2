import { Organization, type OrganizationInput } from '../../actors/organization.ts';
import {
  type PlaceImportEntry,
  type PlacesImport,
  PlacesImport as PlacesImportSchema,
} from '../../actors/places-import.ts';
import {
  communeKeysOf,
  communeLookupOf,
  findDuplicatePlaces,
  parsePlacesFile,
  placeRecordsOf,
} from '../../exchange/index.ts';
import { singleLine } from '../../shared/text.ts';
import { validate } from '../../shared/validate.ts';
import { authorizeSharedDirectory } from '../authorize.ts';
import type { UseCaseContext } from '../context.ts';
import { insertNew, nextVersion, recordAudit } from '../helpers.ts';
import type { Repositories } from '../ports.ts';

/** Progress of an import, per record written. */
export type PlacesImportProgress = (done: number, total: number) => void;

const FileName = singleLine(200).optional();

/**
 * Imports a national file of « lieux de médiation numérique » (JSON or CSV, the current schema or
 * the older field names of published files) into the directory of places shared by the
 * governances, in one transaction: the whole file or nothing. A place already imported (found by
 * its national id) is updated when the file changed it, left alone otherwise, so importing the same
 * file again changes nothing; a place merged with another keeps what the merge chose and only
 * takes fields it lacks. Each record's outcome, the fixes made on the way (an INSEE code found from
 * the postal code and commune, a phone number or a commune's casing) and the rejected records with
 * their position and a French reason go into a report, kept and readable later, with the places
 * of the file that look like one place published twice.
 *
 * A file that cannot be read as a whole (not JSON nor CSV, not UTF-8, over 50 MB…) is refused
 * with a `ValidationError` before anything is written. For an administrator or a coordinator, as
 * the directory is shared.
 *
 * @example
 * const report = await importPlaces(ctx, { content: bytes, fileName: 'charente.json' });
 * report.counts; // { created: 186, updated: 0, unchanged: 0, merged: 0, rejected: 2, fixed: 150 }
 */
export async function importPlaces(
  ctx: UseCaseContext,
  input: { content: Uint8Array; fileName?: string | undefined },
  onProgress: PlacesImportProgress = () => {},
): Promise<PlacesImport> {
  const fileName = validate(FileName, input.fileName);
  const parsed = parsePlacesFile(input.content);
  const keys = communeKeysOf(parsed.rows);
  return ctx.store.transaction(async (repos) => {
    await authorizeSharedDirectory(ctx, repos);
    // Only the communes the file names: never the whole directory.
    const named = [
      ...(await repos.territories.findByCodes(
        keys.inseeCodes.map((code) => ({ level: 'commune' as const, code })),
      )),
      ...(await repos.territories.listByPostalCodes(keys.postalCodes)),
    ].filter((t) => t.level === 'commune' && t.retiredIn === undefined);
    const communes = communeLookupOf(
      [...new Map(named.map((t) => [t.code, t])).values()].map((t) => ({
        code: t.code,
        name: t.name,
        postalCodes: t.postalCodes,
      })),
    );
    const { records, rejected } = placeRecordsOf(parsed.rows, communes);
    const entries: PlaceImportEntry[] = rejected.map((r) => ({
      position: r.position,
      ...(r.nationalId === undefined ? {} : { nationalId: r.nationalId }),
      ...(r.name === undefined ? {} : { name: r.name }),
      outcome: 'rejete',
      reason: r.reason,
      fixes: [],
      warnings: [],
    }));
    const known = new Map<string, Organization>();
    for (const organization of await repos.organizations.findByNationalIds(
      records.map((r) => r.nationalId),
    ))
      for (const id of organization.nationalIds) known.set(id, organization);

    const seen = new Set<string>();
    const imported: Organization[] = [];
    let done = 0;
    for (const record of records) {
      const base = {
        position: record.position,
        nationalId: record.nationalId,
        name: record.fields.name,
        fixes: record.fixes.slice(0, 20),
        warnings: record.warnings.slice(0, 20),
      };
      if (seen.has(record.nationalId)) {
        entries.push({
          ...base,
          outcome: 'rejete',
          reason: `L’identifiant « ${record.nationalId} » figure déjà plus haut dans le fichier : ce lieu n’est importé qu’une fois.`,
          fixes: [],
          warnings: [],
        });
        continue;
      }
      seen.add(record.nationalId);
      const existing = known.get(record.nationalId);
      const { place, outcome } = await writePlace(ctx, repos, existing, record.fields);
      known.set(record.nationalId, place);
      imported.push(place);
      entries.push({ ...base, outcome, organizationId: place.id });
      done += 1;
      if (done % 500 === 0) onProgress(done, records.length);
    }
    onProgress(records.length, records.length);
    entries.sort((a, b) => a.position - b.position);
    const count = (outcome: PlaceImportEntry['outcome']) =>
      entries.filter((e) => e.outcome === outcome).length;
    const report = validate(PlacesImportSchema, {
      id: ctx.ids('placesImport'),
      importedAt: ctx.clock(),
      ...(ctx.actor.personId ? { importedBy: ctx.actor.personId } : {}),
      channel: ctx.actor.channel,
      ...(fileName === undefined ? {} : { fileName }),
      format: parsed.format,
      counts: {
        created: count('cree'),
        updated: count('mis_a_jour'),
        unchanged: count('inchange'),
        merged: count('fusionne'),
        rejected: count('rejete'),
        // What was written with a fix: an unchanged record was fixed the same way before.
        fixed: entries.filter(
          (e) => e.outcome !== 'rejete' && e.outcome !== 'inchange' && e.fixes.length > 0,
        ).length,
      },
      entries,
      duplicateGroups: findDuplicatePlaces(imported)
        .map((group) => group.map((o) => o.id).slice(0, 20))
        .slice(0, 10_000),
    });
    await repos.placesImports.insert(report);
    await recordAudit(ctx, repos, {
      entity: 'places_import',
      entityId: report.id,
      action: 'places.imported',
      after: { fileName: report.fileName, ...report.counts },
    });
    return report;
  });
}

/**
 * Creates the place, or brings the stored one up to the file's record. A place merged with
 * another (several national ids) only takes the fields it lacks: the merge's choices stand.
 */
async function writePlace(
  ctx: UseCaseContext,
  repos: Repositories,
  existing: Organization | undefined,
  fields: OrganizationInput & { nationalIds: string[] },
): Promise<{ place: Organization; outcome: PlaceImportEntry['outcome'] }> {
  if (!existing) {
    const place = await insertNew(
      ctx,
      repos,
      { schema: Organization, entity: 'organization', repo: repos.organizations },
      { ...fields, id: ctx.ids('organization') },
    );
    return { place, outcome: 'cree' };
  }
  const merged = existing.nationalIds.length > 1;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'nationalIds') continue;
    const stored = (existing as Record<string, unknown>)[key];
    const empty =
      stored === undefined || (Array.isArray(stored) && stored.length === 0) || stored === '';
    if (merged && !empty) continue;
    if (JSON.stringify(stored) !== JSON.stringify(value)) changes[key] = value;
  }
  if (Object.keys(changes).length === 0)
    return { place: existing, outcome: merged ? 'fusionne' : 'inchange' };
  const place = nextVersion(Organization, existing, changes, ctx.clock());
  await repos.organizations.update(place);
  await recordAudit(ctx, repos, {
    entity: 'organization',
    entityId: place.id,
    action: 'organization.imported',
    before: existing,
    after: place,
  });
  return { place, outcome: merged ? 'fusionne' : 'mis_a_jour' };
}
