import type { IndicatorInput } from './indicator.ts';

/**
 * Maille's default referential of steering indicators: 11 indicators built from what the field
 * names (actor map, mediation places, advisers and helpers, support actions, governance meetings,
 * action sheets, funding). It is Maille's own proposal, NOT the wording of the Afnor referential
 * made for the CTIN pilots (that text is not public). Each governance gets an editable copy.
 *
 * Choices behind the settings:
 * - Counts of what exists (actors, places, people in post, funding secured, completion rate)
 *   are stocks: over time the last value stands (`dernier`). Counts of what happens (support
 *   actions, people helped, meetings, participants) are flows: they add up (`somme`).
 * - Percentages are not rolled up over territories (`aucun`): an average of percentages weighs
 *   a village like a city; a larger territory recomputes its own share from its communes.
 * - Meetings and action sheets belong to one governance: they are not added across territories.
 */

/** The name of the referential, as stored on each indicator it gives. */
export const DEFAULT_REFERENTIAL_NAME = 'Référentiel par défaut de Maille';

/** An indicator of the default referential, before it is given to a governance. */
export type DefaultIndicator = Omit<IndicatorInput, 'governanceId'>;

const referential = DEFAULT_REFERENTIAL_NAME;

/**
 * The 11 indicators of Maille's default referential, in the order a steering committee reads
 * them. Frozen: copy them with `defaultIndicatorsFor`.
 *
 * @example
 * DEFAULT_INDICATOR_REFERENTIAL.map((indicator) => indicator.code); // ['acteurs_recenses', …]
 */
export const DEFAULT_INDICATOR_REFERENTIAL: readonly Readonly<DefaultIndicator>[] = deepFreeze([
  {
    code: 'acteurs_recenses',
    label: 'Acteurs recensés dans la cartographie',
    description:
      'Nombre de structures inscrites dans la cartographie des acteurs du territoire à la fin de la période : communes, associations, centres sociaux, CAF, France Services, médiathèques…',
    unit: 'nombre',
    method: { type: 'calcul', rule: 'acteurs_recenses' },
    timeAggregation: 'dernier',
    territoryRollup: 'somme',
    periodicity: 'semestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'lieux_mediation',
    label: 'Lieux de médiation numérique',
    description:
      'Nombre de structures de la cartographie qui proposent au moins un service de médiation numérique (aide aux démarches, prise en main des outils, accès au matériel…).',
    unit: 'nombre',
    method: { type: 'calcul', rule: 'lieux_mediation' },
    timeAggregation: 'dernier',
    territoryRollup: 'somme',
    periodicity: 'semestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'mediateurs',
    label: 'Médiateurs et conseillers numériques en poste',
    description:
      'Nombre de membres exerçant comme conseiller ou conseillère numérique, ou comme médiateur ou médiatrice numérique, à la fin de la période.',
    unit: 'personnes',
    method: { type: 'calcul', rule: 'mediateurs' },
    timeAggregation: 'dernier',
    territoryRollup: 'somme',
    periodicity: 'trimestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'aidants',
    label: 'Aidants numériques (dont habilités Aidants Connect)',
    description:
      'Nombre de membres qui accompagnent des personnes dans leurs démarches en ligne, qu’ils soient habilités Aidants Connect ou non, à la fin de la période.',
    unit: 'personnes',
    method: { type: 'calcul', rule: 'aidants' },
    timeAggregation: 'dernier',
    territoryRollup: 'somme',
    periodicity: 'trimestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'actions_accompagnement',
    label: 'Actions d’accompagnement ou de formation au numérique',
    description:
      'Nombre d’ateliers, de permanences et de séances de formation au numérique tenus pendant la période, déclaré par les structures.',
    unit: 'nombre',
    method: { type: 'saisie' },
    timeAggregation: 'somme',
    territoryRollup: 'somme',
    periodicity: 'mensuelle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'personnes_accompagnees',
    label: 'Personnes accompagnées',
    description:
      'Nombre d’accompagnements de personnes réalisés pendant la période, déclaré par les structures. Une personne revenue un autre mois compte une nouvelle fois.',
    unit: 'personnes',
    method: { type: 'saisie' },
    timeAggregation: 'somme',
    territoryRollup: 'somme',
    periodicity: 'mensuelle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'communes_couvertes',
    label: 'Part des communes disposant d’au moins un lieu',
    description:
      'Pourcentage des communes du territoire où se trouve au moins une structure qui propose un service de médiation numérique.',
    unit: 'pourcentage',
    method: { type: 'calcul', rule: 'communes_couvertes' },
    timeAggregation: 'dernier',
    territoryRollup: 'aucun',
    periodicity: 'annuelle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'reunions_gouvernance',
    label: 'Réunions des instances de gouvernance',
    description:
      'Nombre de séances tenues par les instances de la gouvernance (groupe projet, comité de pilotage, comité technique…) pendant la période.',
    unit: 'nombre',
    method: { type: 'calcul', rule: 'reunions_gouvernance' },
    timeAggregation: 'somme',
    territoryRollup: 'aucun',
    periodicity: 'trimestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'fiches_realisees',
    label: 'Taux de réalisation des fiches-actions',
    description:
      'Part des fiches de la feuille de route réalisées parmi celles qui ne sont pas abandonnées, à la fin de la période.',
    unit: 'pourcentage',
    method: { type: 'calcul', rule: 'fiches_realisees' },
    timeAggregation: 'dernier',
    territoryRollup: 'aucun',
    periodicity: 'semestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'financements_mobilises',
    label: 'Financements mobilisés (€)',
    description:
      'Montant des financements accordés ou versés pour les fiches de la feuille de route, tous financeurs confondus (État, Région, Département, CAF, fonds privés…), à la fin de la période.',
    unit: 'euros',
    method: { type: 'calcul', rule: 'financements_mobilises' },
    timeAggregation: 'dernier',
    territoryRollup: 'somme',
    periodicity: 'semestrielle',
    direction: 'hausse',
    targets: [],
    referential,
  },
  {
    code: 'participants_coconstruction',
    label: 'Participants à la co-construction',
    description:
      'Nombre de personnes ayant pris part à l’élaboration de la feuille de route pendant la période : ateliers, concertations, questionnaires (La Rochelle en a réuni 200).',
    unit: 'personnes',
    method: { type: 'saisie' },
    timeAggregation: 'somme',
    territoryRollup: 'somme',
    periodicity: 'annuelle',
    direction: 'hausse',
    targets: [],
    referential,
  },
]);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The default referential given to one governance: fresh, editable copies, valid under
 * `IndicatorFields`.
 *
 * @example
 * const inputs = defaultIndicatorsFor('gov_larochelle01');
 * inputs.map((input) => validate(IndicatorFields, input)); // ready to store
 */
export function defaultIndicatorsFor(governanceId: string): IndicatorInput[] {
  return DEFAULT_INDICATOR_REFERENTIAL.map((indicator) => {
    const copy: IndicatorInput = { ...indicator, method: { ...indicator.method }, governanceId };
    if (indicator.targets) copy.targets = indicator.targets.map((target) => ({ ...target }));
    return copy;
  });
}
