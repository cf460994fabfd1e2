import { z } from 'zod';
import { ActionInput, ActionStatus, Priority } from '../roadmap/action.ts';
import { Cents, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { LongText, singleLine, Text, Title } from '../shared/text.ts';
import { IsoDate } from '../shared/time.ts';

/** What a decision of a meeting may do to the roadmap, as the meeting page offers it. */
export const decisionEffectLabels = {
  adopter_feuille_de_route: 'Adopter la feuille de route',
  creer_action: 'Créer une action',
  modifier_action: 'Modifier une action',
  reporter_jalon: 'Reporter un jalon',
} as const;
export const DecisionEffectKind = enumOf(decisionEffectLabels);
export type DecisionEffectKind = z.infer<typeof DecisionEffectKind>;

/** The committee adopts a roadmap: by default the meeting's body is the deciding assembly. */
export const AdoptRoadmapEffect = z.object({
  kind: z.literal('adopter_feuille_de_route'),
  roadmapId: idOf('roadmap'),
  assembly: singleLine(200).optional(),
  deliberationRef: singleLine(100).optional(),
});

/** The committee creates an action sheet (it starts as a fiche-projet « à mûrir »). */
export const CreateActionEffect = z.object({
  kind: z.literal('creer_action'),
  action: ActionInput,
});

/**
 * The fields of an action a decision may change. No defaults: a field left out stays as it is
 * (a schema with defaults would overwrite it).
 */
export const ActionDecisionChanges = z
  .object({
    title: Title.optional(),
    description: LongText.optional(),
    ownerId: idOf('person').optional(),
    axisId: idOf('axis').optional(),
    priority: Priority.optional(),
    startDate: IsoDate.optional(),
    endDate: IsoDate.optional(),
    budgetCents: Cents.optional(),
  })
  .strict();
export type ActionDecisionChanges = z.infer<typeof ActionDecisionChanges>;

/** Whether a decision's changes to an action change anything. */
export function changesIn(changes: ActionDecisionChanges): boolean {
  return Object.values(changes).some((value) => value !== undefined);
}

/** The committee changes an action: some of its fields, its status, or both. */
export const ChangeActionEffect = z
  .object({
    kind: z.literal('modifier_action'),
    actionId: idOf('action'),
    changes: ActionDecisionChanges.default({}),
    status: ActionStatus.optional(),
    /** Why the status moves, kept in the action's status history. */
    reason: Text.optional(),
  })
  .refine((e) => e.status !== undefined || changesIn(e.changes), {
    message: 'Indiquez ce que la décision change dans l’action : un champ ou son statut.',
    path: ['changes'],
  });

/** The committee moves a milestone's due date; the reason defaults to the decision's text. */
export const RescheduleMilestoneEffect = z.object({
  kind: z.literal('reporter_jalon'),
  milestoneId: idOf('milestone'),
  to: IsoDate,
  reason: Text.optional(),
});

/** What a decision does, if anything besides being written in the minutes. */
export const DecisionEffect = z.discriminatedUnion('kind', [
  AdoptRoadmapEffect,
  CreateActionEffect,
  ChangeActionEffect,
  RescheduleMilestoneEffect,
]);
export type DecisionEffect = z.infer<typeof DecisionEffect>;
export type DecisionEffectInput = z.input<typeof DecisionEffect>;

export const decisionTargetLabels = {
  roadmap: 'Feuille de route',
  action: 'Action',
  milestone: 'Jalon',
} as const;
export const DecisionTarget = enumOf(decisionTargetLabels);
export type DecisionTarget = z.infer<typeof DecisionTarget>;

/**
 * What the decision changed, kept with it when it was applied: the record (its kind, id, name
 * and version after the change) and, for a reschedule, the dates; for an adoption, the version of
 * the roadmap it froze.
 */
export const DecisionOutcome = z.object({
  entity: DecisionTarget,
  id: z.string().min(1).max(45),
  label: singleLine(300),
  version: z.number().int().min(1),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  roadmapVersion: z
    .object({ id: idOf('roadmapVersion'), number: z.number().int().min(1) })
    .optional(),
});
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;
