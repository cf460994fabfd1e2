import { ForbiddenError, InvalidTransitionError, ValidationError } from '../shared/errors.ts';
import { TEXT_LIMITS } from '../shared/text.ts';
import type { Instant } from '../shared/time.ts';
import { type Action, type ActionStatus, actionStatusLabels, type StatusChange } from './action.ts';
import type { Milestone } from './milestone.ts';

/**
 * The state machine of an action's status.
 *
 * | from         | to                                          |
 * |--------------|---------------------------------------------|
 * | `a_murir`    | `prete`, `suspendue`, `abandonnee`          |
 * | `prete`      | `en_cours`, `a_murir`, `suspendue`, `abandonnee` |
 * | `en_cours`   | `realisee`, `suspendue`, `abandonnee`       |
 * | `suspendue`  | `en_cours`, `prete`, `abandonnee`           |
 * | `realisee`   | `en_cours` (reopening: a reason is required)|
 * | `abandonnee` | `a_murir` (revival: a reason is required)   |
 *
 * Everything else is refused — notably `a_murir` → `realisee`: an action is not done without
 * having been worked on. A coordinator may still force any move with a reason (an action done
 * before anyone recorded it, a roadmap imported from a spreadsheet); the forced move is kept in
 * the history with its reason.
 */
export const ACTION_TRANSITIONS: Readonly<Record<ActionStatus, readonly ActionStatus[]>> = {
  a_murir: ['prete', 'suspendue', 'abandonnee'],
  prete: ['en_cours', 'a_murir', 'suspendue', 'abandonnee'],
  en_cours: ['realisee', 'suspendue', 'abandonnee'],
  suspendue: ['en_cours', 'prete', 'abandonnee'],
  realisee: ['en_cours'],
  abandonnee: ['a_murir'],
};

/**
 * Moves that undo a conclusion (reopening a done action, reviving an abandoned one): the
 * steering committee will ask why, so the reason is mandatory even though the move is allowed.
 */
const REASON_REQUIRED: ReadonlySet<string> = new Set(['realisee>en_cours', 'abandonnee>a_murir']);

/**
 * Statuses that mean the action is being (or has been) carried out. A fiche-projet must first be
 * promoted to a fiche-action — have an owner, a lead organization and a dated milestone — to
 * reach them: a coordinator expects "en cours" to mean someone carries it, by a date. A
 * fiche-projet may still become `prete` (ready to be promoted), be suspended or abandoned.
 */
const RUNNING_STATUSES: ReadonlySet<ActionStatus> = new Set(['en_cours', 'realisee']);

/**
 * The statuses an action may move to from `from` without forcing.
 *
 * @example
 * allowedActionTransitions('en_cours'); // ['realisee', 'suspendue', 'abandonnee']
 */
export function allowedActionTransitions(from: ActionStatus): readonly ActionStatus[] {
  return ACTION_TRANSITIONS[from];
}

/**
 * Whether the state machine allows `from` → `to` without forcing (the fiche-projet rule aside).
 *
 * @example
 * canTransitionAction('a_murir', 'prete'); // true
 * canTransitionAction('a_murir', 'realisee'); // false
 */
export function canTransitionAction(from: ActionStatus, to: ActionStatus): boolean {
  return ACTION_TRANSITIONS[from].includes(to);
}

/**
 * Whether moving `from` → `to` needs a reason even when allowed (reopening, reviving).
 *
 * @example
 * actionTransitionNeedsReason('realisee', 'en_cours'); // true
 */
export function actionTransitionNeedsReason(from: ActionStatus, to: ActionStatus): boolean {
  return REASON_REQUIRED.has(`${from}>${to}`);
}

export interface ActionTransitionOptions {
  /** When the move happens (the injected clock). */
  at: Instant;
  /** The person making the move. */
  byId: string;
  /** Why: required to reopen, to revive, and to force. */
  reason?: string | undefined;
  /** Asks to bypass the state machine; only a coordinator may, and only with a reason. */
  forced?: boolean | undefined;
  /** Whether `byId` coordinates the action's governance (the caller resolves it, see `can`). */
  actorIsCoordinator?: boolean | undefined;
}

const label = (status: ActionStatus) => `« ${actionStatusLabels[status]} »`;

/**
 * The action after a status move, with the move appended to `statusHistory`, `updatedAt` set to
 * `at` and `version` increased. The given action is not modified.
 *
 * Refusals:
 * - a move outside the state machine, or a fiche-projet sent to `en_cours`/`realisee`:
 *   `InvalidTransitionError`, unless `forced` by a coordinator with a reason;
 * - `forced` by someone who is not a coordinator: `ForbiddenError`;
 * - reopening, reviving or forcing without a reason, or a move to the current status:
 *   `InvalidTransitionError`.
 *
 * A forced move that the machine would have allowed anyway is recorded as a normal one.
 *
 * @example
 * const started = transitionAction(action, 'en_cours', { at: now, byId: 'per_alice1' });
 * const done = transitionAction(fiche, 'realisee', {
 *   at: now, byId: 'per_coord1', forced: true, actorIsCoordinator: true,
 *   reason: 'Réalisée en 2023, avant la mise en place du suivi.',
 * });
 */
export function transitionAction(
  action: Action,
  to: ActionStatus,
  options: ActionTransitionOptions,
): Action {
  const from = action.status;
  const reason = normalizeReason(options.reason);
  if (from === to) {
    throw new InvalidTransitionError(`L’action ${action.code} est déjà ${label(to)}.`);
  }

  const refusals: string[] = [];
  if (!canTransitionAction(from, to)) {
    const allowed = ACTION_TRANSITIONS[from].map(label).join(', ');
    refusals.push(`Depuis ${label(from)}, elle peut seulement passer à : ${allowed}.`);
  }
  if (action.kind === 'fiche_projet' && RUNNING_STATUSES.has(to)) {
    refusals.push(
      'Une fiche-projet doit d’abord devenir une fiche-action (responsable, structure porteuse et jalon daté).',
    );
  }

  let forced = false;
  if (refusals.length > 0) {
    const refused = `L’action ${action.code} ne peut pas passer de ${label(from)} à ${label(to)}.`;
    if (!options.forced) throw new InvalidTransitionError(refused, refusals);
    if (!options.actorIsCoordinator) {
      throw new ForbiddenError(
        'Seul·e un·e coordinateur·rice de la gouvernance peut forcer un changement de statut.',
      );
    }
    if (!reason) {
      throw new InvalidTransitionError(`${refused} Pour forcer ce passage, indiquez un motif.`);
    }
    forced = true;
  } else if (!reason && actionTransitionNeedsReason(from, to)) {
    const what =
      from === 'realisee' ? 'Rouvrir une action réalisée' : 'Relancer une action abandonnée';
    throw new InvalidTransitionError(`${what} demande un motif.`);
  }

  const change: StatusChange = { from, to, at: options.at, byId: options.byId, forced };
  if (reason) change.reason = reason;
  return {
    ...action,
    status: to,
    statusHistory: [...action.statusHistory, change],
    updatedAt: options.at,
    version: action.version + 1,
  };
}

function normalizeReason(reason: string | undefined): string | undefined {
  const trimmed = reason?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > TEXT_LIMITS.text) {
    throw new ValidationError([
      { path: ['reason'], message: `Au plus ${TEXT_LIMITS.text} caractères.` },
    ]);
  }
  return trimmed;
}

/** What promotion reads of an action. */
export type PromotionCandidate = Pick<
  Action,
  'id' | 'code' | 'kind' | 'status' | 'ownerId' | 'leadOrganizationIds'
>;

/**
 * Why a fiche-projet cannot (yet) become a fiche-action, in French, one sentence per missing
 * piece: an owner, a lead organization, a dated milestone of this action (any milestone that is
 * not cancelled: every milestone has a due date). An empty list means it can be promoted.
 * `milestones` may hold other actions' milestones too; only this action's are read.
 *
 * @example
 * promotionBlockers(fiche, []);
 * // ['Aucun·e responsable n’est désigné·e.', 'Aucune structure porteuse n’est indiquée.',
 * //  'Aucun jalon daté (non annulé) n’est prévu.']
 */
export function promotionBlockers(
  action: PromotionCandidate,
  milestones: readonly Pick<Milestone, 'actionId' | 'status'>[],
): string[] {
  const blockers: string[] = [];
  if (action.kind === 'fiche_action') blockers.push('C’est déjà une fiche-action.');
  if (action.status === 'abandonnee') {
    blockers.push('L’action est abandonnée : relancez-la avant de la promouvoir.');
  }
  if (!action.ownerId) blockers.push('Aucun·e responsable n’est désigné·e.');
  if (action.leadOrganizationIds.length === 0)
    blockers.push('Aucune structure porteuse n’est indiquée.');
  if (!milestones.some((m) => m.actionId === action.id && m.status !== 'annule')) {
    blockers.push('Aucun jalon daté (non annulé) n’est prévu.');
  }
  return blockers;
}

/**
 * The fiche-projet promoted to a fiche-action: `kind` changes, `promotedAt` records when,
 * `version` grows. Its status is left as it is — promotion says the sheet is complete, a status
 * move says the work advances, and each has its own trace (`promotedAt`, `statusHistory`).
 * Who promoted goes to the audit trail written by the use case (`byId` is there for it).
 *
 * @throws InvalidTransitionError listing every blocker (see `promotionBlockers`).
 * @example
 * const sheet = promoteAction(fiche, milestones, { at: now, byId: 'per_coord1' });
 * sheet.kind; // 'fiche_action'
 */
export function promoteAction(
  action: Action,
  milestones: readonly Pick<Milestone, 'actionId' | 'status'>[],
  options: { at: Instant; byId: string },
): Action {
  const blockers = promotionBlockers(action, milestones);
  if (blockers.length > 0) {
    throw new InvalidTransitionError(
      `La fiche ${action.code} ne peut pas devenir une fiche-action.`,
      blockers,
    );
  }
  return {
    ...action,
    kind: 'fiche_action',
    promotedAt: options.at,
    updatedAt: options.at,
    version: action.version + 1,
  };
}
