import { z } from 'zod';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Code, Label, singleLine, Text } from '../shared/text.ts';
import { Period, Periodicity, periodicityLabels } from './period.ts';
import { periodicityOf } from './periods.ts';

export const unitLabels = {
  nombre: 'Nombre',
  personnes: 'Personnes',
  euros: 'Euros',
  pourcentage: 'Pourcentage',
  heures: 'Heures',
} as const;
export const Unit = enumOf(unitLabels);
export type Unit = z.infer<typeof Unit>;

export const timeAggregationLabels = {
  somme: 'Somme des périodes',
  dernier: 'Dernière valeur',
  moyenne: 'Moyenne des périodes',
  max: 'Maximum des périodes',
} as const;
export const TimeAggregation = enumOf(timeAggregationLabels);
export type TimeAggregation = z.infer<typeof TimeAggregation>;

export const territoryRollupLabels = {
  somme: 'Somme des territoires',
  moyenne: 'Moyenne des territoires',
  aucun: 'Pas de consolidation',
} as const;
export const TerritoryRollup = enumOf(territoryRollupLabels);
export type TerritoryRollup = z.infer<typeof TerritoryRollup>;

export const directionLabels = {
  hausse: 'À la hausse',
  baisse: 'À la baisse',
  stable: 'Stable',
} as const;
export const Direction = enumOf(directionLabels);
export type Direction = z.infer<typeof Direction>;

/** Rules that compute an indicator from the governance's data (see `computed.ts`). */
export const computedRuleLabels = {
  acteurs_recenses: 'Organisations du territoire',
  lieux_mediation: 'Organisations offrant des services de médiation numérique',
  mediateurs: 'Personnes médiatrices ou conseillères numériques',
  aidants: 'Personnes aidantes numériques',
  communes_couvertes: 'Part des communes avec au moins un lieu de médiation',
  reunions_gouvernance: 'Séances tenues des instances',
  fiches_realisees: 'Fiches-actions réalisées sur fiches non abandonnées',
  financements_mobilises: 'Financements accordés ou versés',
} as const;
export const ComputedRule = enumOf(computedRuleLabels);
export type ComputedRule = z.infer<typeof ComputedRule>;

export const indicatorMethodLabels = {
  saisie: 'Saisie',
  calcul: 'Calcul à partir des données',
} as const;

export const IndicatorMethod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('saisie') }),
  z.object({ type: z.literal('calcul'), rule: ComputedRule }),
]);
export type IndicatorMethod = z.infer<typeof IndicatorMethod>;

/** A target value for one period. */
export const Target = z.object({ period: Period, value: z.number().finite() });
export type Target = z.infer<typeof Target>;

/** The fields of an indicator that people set. */
export const IndicatorFields = z.object({
  governanceId: idOf('governance'),
  code: Code,
  label: Label,
  description: Text.optional(),
  unit: Unit,
  method: IndicatorMethod,
  timeAggregation: TimeAggregation,
  territoryRollup: TerritoryRollup,
  periodicity: Periodicity,
  direction: Direction.default('hausse'),
  targets: z.array(Target).max(200).default([]),
  /** The referential it comes from: Maille's default, a département's own, … */
  referential: singleLine(120).optional(),
});
export type IndicatorInput = z.input<typeof IndicatorFields>;

/** The definition of a steering indicator: what is counted, how, how often, and the targets. */
export const Indicator = IndicatorFields.extend({ id: idOf('indicator') })
  .extend(EntityMeta.shape)
  .superRefine((indicator, ctx) => {
    indicator.targets.forEach((target, index) => {
      if (periodicityOf(target.period) !== indicator.periodicity) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'period'],
          message: `Une cible se fixe par période ${periodicityLabels[indicator.periodicity].toLowerCase()}, comme l’indicateur.`,
        });
      }
    });
  });
export type Indicator = z.infer<typeof Indicator>;
