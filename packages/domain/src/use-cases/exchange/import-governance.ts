import { DOCUMENT_LISTS, GovernanceDocument } from '../../exchange/governance-document.ts';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  ValidationError,
} from '../../shared/errors.ts';
import { plural } from '../../shared/plural.ts';
import { validate } from '../../shared/validate.ts';
import type { UseCaseContext } from '../context.ts';
import type { Repositories } from '../ports.ts';

/** How far an import has gone, for a progress display. */
export interface ImportProgress {
  done: number;
  total: number;
}

/**
 * Imports a `GovernanceDocument` as it is, ids included, in one transaction: if anything fails —
 * a conflict, a crash, a killed process — nothing of it remains. People, organizations and
 * territories the instance already has (same id, or same level and code) are kept as they are.
 * An instance administrator's task: a governance with the same id must not exist.
 */
export async function importGovernance(
  ctx: UseCaseContext,
  input: unknown,
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<{ governanceId: string; written: number }> {
  if (!ctx.actor.instanceAdmin) {
    throw new ForbiddenError(
      'L’import d’une gouvernance est réservé à l’administration de l’instance.',
    );
  }
  const document = validate(GovernanceDocument, input);
  checkConsistency(document);
  const total = 1 + DOCUMENT_LISTS.reduce((sum, list) => sum + document[list].length, 0);
  return ctx.store.transaction(async (repos) => {
    if (await repos.governances.get(document.governance.id)) {
      throw new ConflictError(
        `La gouvernance ${document.governance.id} existe déjà dans cette base.`,
      );
    }
    let done = 0;
    const step = () => {
      done++;
      if (done % 500 === 0 || done === total) onProgress({ done, total });
    };
    let written = 0;
    for (const list of DOCUMENT_LISTS) {
      if (list === 'bodies') {
        await repos.governances.insert(document.governance);
        written++;
        step();
      }
      for (const row of document[list]) {
        if (await insertRow(repos, list, row as never)) written++;
        step();
      }
    }
    return { governanceId: document.governance.id, written };
  });
}

type ListName = (typeof DOCUMENT_LISTS)[number];

/** Inserts one record; the shared directory's existing records are kept (returns false). */
async function insertRow<L extends ListName>(
  repos: Repositories,
  list: L,
  row: GovernanceDocument[L][number],
): Promise<boolean> {
  switch (list) {
    case 'territories': {
      const territory = row as GovernanceDocument['territories'][number];
      if (await repos.territories.findByCode(territory.level, territory.code)) return false;
      await repos.territories.insert(territory);
      return true;
    }
    case 'organizations':
    case 'persons': {
      const repo = list === 'persons' ? repos.persons : repos.organizations;
      if (await repo.get(row.id)) return false;
      await (repo.insert as (entity: typeof row) => Promise<void>)(row);
      return true;
    }
    default:
      await (repos[list].insert as (entity: typeof row) => Promise<void>)(row);
      return true;
  }
}

/** Lists whose records belong to one governance, by their `governanceId`. */
const GOVERNED_LISTS = [
  'bodies',
  'meetings',
  'roadmaps',
  'roadmapVersions',
  'actions',
  'milestones',
  'fundingLines',
  'updates',
  'indicators',
  'measurements',
  'auditEvents',
] as const satisfies readonly ListName[];

// Enough to show what is wrong with a hand-edited or truncated file, without a wall of text.
const MAX_ISSUES = 20;

/**
 * Refuses a document whose records belong to another governance, or point at records it does not
 * hold: imported as is, they would land in another territory's data, or fail half-way on the
 * database's foreign keys with a message nobody can act on.
 */
function checkConsistency(document: GovernanceDocument): void {
  const governanceId = document.governance.id;
  const issues: FieldIssue[] = [];
  for (const list of GOVERNED_LISTS) {
    document[list].forEach((row, index) => {
      if (row.governanceId !== undefined && row.governanceId !== governanceId) {
        issues.push({
          path: [list, index, 'governanceId'],
          message: `Cet enregistrement appartient à une autre gouvernance (${row.governanceId}) que celle du document (${governanceId}).`,
        });
      }
    });
  }
  const held = (list: 'bodies' | 'roadmaps' | 'actions' | 'milestones' | 'indicators') =>
    new Set(document[list].map((row) => row.id));
  const kinds = {
    Instance: held('bodies'),
    'Feuille de route': held('roadmaps'),
    Action: held('actions'),
    Jalon: held('milestones'),
    Indicateur: held('indicators'),
    Gouvernance: new Set([governanceId]),
  };
  const subjectKinds = {
    governance: 'Gouvernance',
    roadmap: 'Feuille de route',
    action: 'Action',
    milestone: 'Jalon',
  } as const;
  const check = (
    list: ListName,
    index: number,
    label: keyof typeof kinds,
    id: string | undefined,
    ...field: string[]
  ): void => {
    if (id === undefined || kinds[label].has(id)) return;
    issues.push({
      path: [list, index, ...field],
      message: `${label} introuvable dans le document : ${id}.`,
    });
  };
  for (const [i, m] of document.meetings.entries()) {
    check('meetings', i, 'Instance', m.bodyId, 'bodyId');
  }
  for (const [i, a] of document.actions.entries()) {
    check('actions', i, 'Feuille de route', a.roadmapId, 'roadmapId');
  }
  for (const [i, m] of document.milestones.entries()) {
    check('milestones', i, 'Feuille de route', m.roadmapId, 'roadmapId');
    check('milestones', i, 'Action', m.actionId, 'actionId');
  }
  for (const [i, f] of document.fundingLines.entries()) {
    check('fundingLines', i, 'Action', f.actionId, 'actionId');
  }
  for (const [i, v] of document.roadmapVersions.entries()) {
    check('roadmapVersions', i, 'Feuille de route', v.roadmapId, 'roadmapId');
  }
  for (const [i, m] of document.measurements.entries()) {
    check('measurements', i, 'Indicateur', m.indicatorId, 'indicatorId');
  }
  for (const [i, u] of document.updates.entries()) {
    check('updates', i, subjectKinds[u.subject.type], u.subject.id, 'subject', 'id');
  }
  if (issues.length === 0) return;
  const [first] = issues;
  const rest = issues.length - 1;
  const more = rest === 0 ? '' : ` (et ${plural(rest, 'autre problème', 'autres problèmes')})`;
  throw new ValidationError(
    issues.slice(0, MAX_ISSUES),
    `Document incohérent : ${first?.path.join('.')} — ${first?.message}${more}`,
  );
}
