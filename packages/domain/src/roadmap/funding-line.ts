import { z } from 'zod';
import { Cents, EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine, Text } from '../shared/text.ts';
import { Instant, IsoDate } from '../shared/time.ts';
import { UpdateChannel } from './update.ts';

export const funderKindLabels = {
  etat: 'État',
  region: 'Région',
  departement: 'Département',
  epci: 'Intercommunalité',
  commune: 'Commune',
  caf: 'CAF',
  cpam: 'CPAM',
  carsat: 'CARSAT',
  msa: 'MSA',
  europe: 'Union européenne',
  fondation: 'Fondation ou fonds privé',
  entreprise: 'Entreprise',
  budget_participatif: 'Budget participatif',
  autre: 'Autre financeur',
} as const;
export const FunderKind = enumOf(funderKindLabels);
export type FunderKind = z.infer<typeof FunderKind>;

export const fundingStatusLabels = {
  envisage: 'Envisagé',
  demande: 'Demandé',
  en_instruction: 'En instruction',
  accorde: 'Accordé',
  refuse: 'Refusé',
  verse: 'Versé',
} as const;
export const FundingStatus = enumOf(fundingStatusLabels);
export type FundingStatus = z.infer<typeof FundingStatus>;

/** Statuses whose amount counts as secured in the roadmap's health. */
export const SECURED_FUNDING_STATUSES: readonly FundingStatus[] = ['accorde', 'verse'];

/** One payment received from the funder: a grant is often paid in parts (advance, balance). */
export const FundingPayment = z.object({
  on: IsoDate.describe('Date du versement'),
  amountCents: z
    .number()
    .int('Montant en centimes attendu (nombre entier).')
    .min(1, 'Un versement porte un montant positif.')
    .max(10_000_000_000_000, 'Montant trop élevé.'),
  note: singleLine(200).optional().describe('Ex. « Avance de 50 % »'),
});
export type FundingPayment = z.infer<typeof FundingPayment>;

/**
 * The fields of a funding line that people set: the request, then the dates a funder's calendar
 * runs on — the application deadline, the decision, the payments, the end of the agreement and
 * the report due (see `fundingCalendarProblems` for the order they must follow).
 */
export const FundingLineFields = z.object({
  actionId: idOf('action'),
  funderKind: FunderKind,
  funderOrganizationId: idOf('organization')
    .optional()
    .describe('Structure financeuse, parmi les structures de la gouvernance'),
  programme: singleLine(200).optional().describe('Ex. « Conseiller numérique — France Relance »'),
  /** The amount asked (or planned, before the application). */
  amountCents: Cents,
  status: FundingStatus.default('envisage'),
  applicationDeadline: IsoDate.optional().describe('Date limite de dépôt du dossier'),
  decidedOn: IsoDate.optional().describe('Date de la décision du financeur'),
  /** The amount granted, when the funder decided another one than asked. */
  grantedCents: Cents.optional().describe('Montant accordé, s’il diffère du montant demandé'),
  payments: z.array(FundingPayment).max(50, 'Au plus 50 versements.').default([]),
  agreementEndsOn: IsoDate.optional().describe('Fin de la convention'),
  reportDueOn: IsoDate.optional().describe('Date à laquelle le bilan est dû au financeur'),
  reportSubmittedOn: IsoDate.optional().describe('Date à laquelle le bilan a été remis'),
  note: Text.optional(),
});
export type FundingLineInput = z.input<typeof FundingLineFields>;

/** One change of a funding line's status: when, by whom, through which channel. */
export const FundingStatusChange = z.object({
  status: FundingStatus,
  at: Instant,
  by: idOf('person').optional(),
  channel: UpdateChannel,
});
export type FundingStatusChange = z.infer<typeof FundingStatusChange>;

/** One funder's share of an action's budget, in euro cents, with where the request stands. */
export const FundingLine = FundingLineFields.extend({
  id: idOf('fundingLine'),
  governanceId: idOf('governance'),
  /** Every status the line went through, oldest first; written by the use cases only. */
  statusHistory: z.array(FundingStatusChange).max(200).default([]),
}).extend(EntityMeta.shape);
export type FundingLine = z.infer<typeof FundingLine>;
