import { z } from 'zod';
import { Cents, EntityMeta, enumOf } from '../shared/entity.ts';
import { idOf } from '../shared/ids.ts';
import { singleLine, Text } from '../shared/text.ts';
import { IsoDate } from '../shared/time.ts';

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

/** The fields of a funding line that people set. */
export const FundingLineFields = z.object({
  actionId: idOf('action'),
  funderKind: FunderKind,
  funderOrganizationId: idOf('organization').optional(),
  programme: singleLine(200).optional().describe('Ex. « Conseiller numérique — France Relance »'),
  amountCents: Cents,
  status: FundingStatus.default('envisage'),
  decidedOn: IsoDate.optional(),
  note: Text.optional(),
});
export type FundingLineInput = z.input<typeof FundingLineFields>;

/** One funder's share of an action's budget, in euro cents, with where the request stands. */
export const FundingLine = FundingLineFields.extend({
  id: idOf('fundingLine'),
  governanceId: idOf('governance'),
}).extend(EntityMeta.shape);
export type FundingLine = z.infer<typeof FundingLine>;
