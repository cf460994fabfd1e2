import { z } from 'zod';
import { DecidedBy } from '../governance/decided-by.ts';
import { EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { Code, LongText, singleLine, Text, Title } from '../shared/text.ts';
import { IsoDate } from '../shared/time.ts';

export const roadmapStatusLabels = {
  brouillon: 'Brouillon',
  en_concertation: 'En concertation',
  adoptee: 'Adoptée',
  en_revision: 'En révision',
  archivee: 'Archivée',
} as const;
export const RoadmapStatus = enumOf(roadmapStatusLabels);
export type RoadmapStatus = z.infer<typeof RoadmapStatus>;

/** The contracts a roadmap can be tied to, as the national platform lists them. */
export const contractLabels = {
  crte: 'Contrat de relance et de transition écologique (CRTE)',
  ctg: 'Convention territoriale globale (CTG)',
  projet_de_territoire: 'Projet de territoire',
  sdaasap: 'Schéma départemental d’amélioration de l’accessibilité des services au public',
  sdin: 'Schéma départemental d’inclusion numérique',
  sdun: 'Schéma directeur des usages numériques',
  autre: 'Autre',
} as const;
export const Contract = enumOf(contractLabels);
export type Contract = z.infer<typeof Contract>;

export const methodStepKindLabels = {
  groupe_projet: 'Constitution du groupe projet',
  definition_partagee: 'Définition partagée de l’inclusion numérique',
  atelier_enjeux: 'Atelier sur les enjeux',
  atelier_projets: 'Atelier sur les projets clés',
  cartographie_ressources: 'Cartographie des ressources',
  formalisation: 'Formalisation de la feuille de route',
  autre: 'Autre étape',
} as const;
export const MethodStepKind = enumOf(methodStepKindLabels);
export type MethodStepKind = z.infer<typeof MethodStepKind>;

export const methodStepStatusLabels = {
  a_faire: 'À faire',
  en_cours: 'En cours',
  faite: 'Faite',
} as const;
export const MethodStepStatus = enumOf(methodStepStatusLabels);
export type MethodStepStatus = z.infer<typeof MethodStepStatus>;

/** One step of the co-construction method (project group, workshops, formalisation…). */
export const MethodStep = z.object({
  id: idOf('methodStep'),
  kind: MethodStepKind,
  label: singleLine(200).optional(),
  status: MethodStepStatus.default('a_faire'),
  date: IsoDate.optional(),
  participants: z.number().int().min(0).max(1_000_000).optional(),
});
export type MethodStep = z.infer<typeof MethodStep>;

/** A strategic line of the roadmap (Rennes had four: cooperation, learning, ecology, trust). */
export const Axis = z.object({
  id: idOf('axis'),
  code: Code.optional(),
  title: Title,
  description: Text.optional(),
  position: z.number().int().min(0).max(1000).default(0),
});
export type Axis = z.infer<typeof Axis>;

/** How and when the roadmap was adopted. */
export const Adoption = z.object({
  date: IsoDate,
  assembly: singleLine(200).describe('Assemblée qui a délibéré, ex. « conseil communautaire »'),
  deliberationRef: singleLine(100).optional(),
});
export type Adoption = z.infer<typeof Adoption>;

export const Diagnosis = z.object({
  summary: LongText.optional(),
  findings: z.array(Text).max(50).default([]),
  deliveredOn: IsoDate.optional(),
});
export type Diagnosis = z.infer<typeof Diagnosis>;

const roadmapFieldsShape = {
  governanceId: idOf('governance'),
  title: Title,
  fromYear: z.number().int().min(2000).max(2100),
  toYear: z.number().int().min(2000).max(2100),
  contract: Contract.optional(),
  contractLabel: singleLine(200).optional(),
  diagnosis: Diagnosis.default({ findings: [] }),
  method: z.array(MethodStep).max(30).default([]),
  axes: z.array(Axis).max(30).default([]),
  /** Readable without an account once adopted (the public page of the roadmap). */
  public: z.boolean().default(false),
};

function checkPeriod(roadmap: { fromYear: number; toYear: number }, ctx: z.RefinementCtx): void {
  if (roadmap.toYear < roadmap.fromYear) {
    ctx.addIssue({
      code: 'custom',
      path: ['toYear'],
      message: 'L’année de fin doit suivre l’année de début.',
    });
  } else if (roadmap.toYear - roadmap.fromYear > 15) {
    ctx.addIssue({
      code: 'custom',
      path: ['toYear'],
      message: 'Une feuille de route couvre au plus 15 ans.',
    });
  }
}

/** The fields of a roadmap that people set. */
export const RoadmapFields = z.object(roadmapFieldsShape);

/** The plan of a governance: period, status, axes, method, diagnosis and adoption. */
export const Roadmap = RoadmapFields.extend({
  id: idOf('roadmap'),
  status: RoadmapStatus.default('brouillon'),
  adoption: Adoption.optional(),
  /** The meeting decision that adopted it, when a committee did. */
  decidedBy: DecidedBy.optional(),
})
  .extend(EntityMeta.shape)
  .superRefine(checkPeriod);
export type Roadmap = z.infer<typeof Roadmap>;
