import { z } from 'zod';
import { DecidedBy } from '../governance/decided-by.ts';
import { Cents, EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Code, LongText, Text, Title } from '../shared/text.ts';
import { Instant, IsoDate } from '../shared/time.ts';

export const actionKindLabels = {
  fiche_projet: 'Fiche-projet',
  fiche_action: 'Fiche-action',
} as const;
export const ActionKind = enumOf(actionKindLabels);
export type ActionKind = z.infer<typeof ActionKind>;

export const actionStatusLabels = {
  a_murir: 'À mûrir',
  prete: 'Prête',
  en_cours: 'En cours',
  realisee: 'Réalisée',
  suspendue: 'Suspendue',
  abandonnee: 'Abandonnée',
} as const;
export const ActionStatus = enumOf(actionStatusLabels);
export type ActionStatus = z.infer<typeof ActionStatus>;

export const priorityLabels = {
  haute: 'Haute',
  moyenne: 'Moyenne',
  basse: 'Basse',
} as const;
export const Priority = enumOf(priorityLabels);
export type Priority = z.infer<typeof Priority>;

/** Needs of the national platform's roadmap sheets. */
export const needLabels = {
  animer_la_gouvernance: 'Animer la gouvernance',
  etablir_un_diagnostic_territorial: 'Établir un diagnostic territorial',
  co_construire_la_feuille_de_route: 'Co-construire la feuille de route',
  rediger_la_feuille_de_route: 'Rédiger la feuille de route',
  appui_juridique_dedie_a_la_gouvernance: 'Appui juridique dédié à la gouvernance',
  collecter_des_donnees_territoriales: 'Collecter des données territoriales',
  sensibiliser_les_acteurs: 'Sensibiliser les acteurs',
  structurer_une_filiere_de_reconditionnement: 'Structurer une filière de reconditionnement',
  structurer_un_fonds_local: 'Structurer un fonds local',
  former_les_professionnels: 'Former les professionnels',
  monter_des_dossiers_de_subvention: 'Monter des dossiers de subvention',
  animer_et_mettre_en_oeuvre_la_feuille_de_route: 'Animer et mettre en œuvre la feuille de route',
  autre: 'Autre besoin',
} as const;
export const Need = enumOf(needLabels);
export type Need = z.infer<typeof Need>;

/** A recorded status move: what changed, when, by whom, and why when it was forced. */
export const StatusChange = z.object({
  from: ActionStatus,
  to: ActionStatus,
  at: Instant,
  byId: idOf('person'),
  reason: Text.optional(),
  forced: z.boolean().default(false),
  /** The meeting decision that moved it, when a committee did. */
  decidedBy: DecidedBy.optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

const idList = <K extends 'organization' | 'indicator'>(kind: K, max: number) =>
  z
    .array(idOf(kind))
    .max(max)
    .default([])
    .transform((list) => [...new Set(list)]);

const actionFieldsShape = {
  roadmapId: idOf('roadmap'),
  axisId: idOf('axis').optional(),
  code: Code,
  title: Title,
  description: LongText.optional(),
  objectives: Text.optional(),
  leadOrganizationIds: idList('organization', 20),
  partnerOrganizationIds: idList('organization', 100),
  ownerId: idOf('person').optional(),
  priority: Priority.default('moyenne'),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  /** Weight in the roadmap's progress: a big action counts more than a small one. */
  weight: z.number().min(0).max(100).default(1),
  budgetCents: Cents.optional(),
  needs: z.array(Need).max(20).default([]),
  indicatorIds: idList('indicator', 50),
};

function checkDates(
  action: { startDate?: string | undefined; endDate?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if (action.startDate && action.endDate && action.endDate < action.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'La date de fin doit suivre la date de début.',
    });
  }
}

/** The fields of an action that people set directly (status and kind move through rules). */
export const ActionFields = z.object(actionFieldsShape);
/** What a client sends to create an action: it always starts as a fiche-projet « à mûrir ». */
export const ActionInput = ActionFields.superRefine(checkDates);
export type ActionInput = z.input<typeof ActionInput>;

/**
 * An action sheet of the roadmap. A *fiche-projet* is still maturing; it becomes a *fiche-action*
 * once it has an owner, a lead organization and a dated milestone. Its status follows the state
 * machine of `action-status.ts`; every move is kept in `statusHistory`.
 */
export const Action = ActionFields.extend({
  id: idOf('action'),
  governanceId: idOf('governance'),
  kind: ActionKind,
  status: ActionStatus,
  statusHistory: z.array(StatusChange).max(500).default([]),
  promotedAt: Instant.optional(),
  /** The last meeting decision that created or changed it. */
  decidedBy: DecidedBy.optional(),
})
  .extend(EntityMeta.shape)
  .superRefine(checkDates);
export type Action = z.infer<typeof Action>;
