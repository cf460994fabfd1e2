import {
  mediationServiceLabels,
  type Organization,
  organizationCategoryLabels,
  publicLabels,
} from '../actors/organization.ts';
import { territoryLevelLabels } from '../actors/territory.ts';
import type { Indicator } from '../indicators/indicator.ts';
import { unitLabels } from '../indicators/indicator.ts';
import { type Measurement, measurementStatusLabels } from '../indicators/measurement.ts';
import {
  type Action,
  actionKindLabels,
  actionStatusLabels,
  needLabels,
  priorityLabels,
} from '../roadmap/action.ts';
import { grantedCentsOf, paidCentsOf } from '../roadmap/funding-calendar.ts';
import {
  type FundingLine,
  funderKindLabels,
  fundingStatusLabels,
} from '../roadmap/funding-line.ts';
import type { Milestone } from '../roadmap/milestone.ts';
import { milestoneState, milestoneStateLabels } from '../roadmap/milestone-state.ts';
import { type CsvColumn, csvEuros } from './csv.ts';

/**
 * The columns of the spreadsheets a coordinator downloads: French headers, dates as
 * `AAAA-MM-JJ`, money in euros, and enumerated values as the labels people read, not the codes.
 */

/** Labels of a list of codes, joined as a reader expects. */
function labelsOf<C extends string>(labels: Record<C, string>, codes: readonly C[]): string {
  return codes.map((code) => labels[code]).join(', ');
}

/** Names of the records a list of ids points to, in the list's order; unknown ids as they are. */
function namesOf(names: ReadonlyMap<string, string>, ids: readonly string[]): string {
  return ids.map((id) => names.get(id) ?? id).join(', ');
}

/** The columns of a roadmap's actions; `axes` and `organizations` map ids to names. */
export function actionColumns(lookup: {
  axes: ReadonlyMap<string, string>;
  organizations: ReadonlyMap<string, string>;
}): CsvColumn<Action>[] {
  return [
    { header: 'Code', cell: (a) => a.code },
    { header: 'Titre', cell: (a) => a.title },
    { header: 'Type', cell: (a) => actionKindLabels[a.kind] },
    { header: 'Statut', cell: (a) => actionStatusLabels[a.status] },
    { header: 'Priorité', cell: (a) => priorityLabels[a.priority] },
    { header: 'Axe', cell: (a) => (a.axisId ? (lookup.axes.get(a.axisId) ?? a.axisId) : '') },
    {
      header: 'Structures porteuses',
      cell: (a) => namesOf(lookup.organizations, a.leadOrganizationIds),
    },
    {
      header: 'Structures partenaires',
      cell: (a) => namesOf(lookup.organizations, a.partnerOrganizationIds),
    },
    { header: 'Date de début', cell: (a) => a.startDate },
    { header: 'Date de fin', cell: (a) => a.endDate },
    { header: 'Budget (€)', cell: (a) => csvEuros(a.budgetCents) },
    { header: 'Besoins', cell: (a) => labelsOf(needLabels, a.needs) },
    { header: 'Pondération', cell: (a) => a.weight },
    { header: 'Description', cell: (a) => a.description },
    { header: 'Objectifs', cell: (a) => a.objectives },
    { header: 'Identifiant', cell: (a) => a.id },
  ];
}

/**
 * The columns of a roadmap's milestones. `today` is the governance's local date: the state shown
 * says « En retard » as the dashboard does.
 */
export function milestoneColumns(lookup: {
  actions: ReadonlyMap<string, Pick<Action, 'code' | 'title'>>;
  today: string;
}): CsvColumn<Milestone>[] {
  const action = (m: Milestone) => (m.actionId ? lookup.actions.get(m.actionId) : undefined);
  return [
    { header: 'Code de la fiche', cell: (m) => action(m)?.code },
    {
      header: 'Fiche',
      cell: (m) => action(m)?.title ?? (m.actionId ? m.actionId : 'Feuille de route'),
    },
    { header: 'Jalon', cell: (m) => m.title },
    { header: 'Échéance', cell: (m) => m.dueDate },
    { header: 'État', cell: (m) => milestoneStateLabels[milestoneState(m, lookup.today)] },
    { header: 'Atteint le', cell: (m) => m.completedOn },
    { header: 'Reports', cell: (m) => m.reschedules.length },
    { header: 'Pondération', cell: (m) => m.weight },
    { header: 'Description', cell: (m) => m.description },
    { header: 'Identifiant', cell: (m) => m.id },
  ];
}

/**
 * The columns of a governance's funding lines with their calendar: what was asked, granted and
 * paid, and every date a funder's process runs on. `funders` maps organization ids to names.
 */
export function fundingLineColumns(lookup: {
  actions: ReadonlyMap<string, Pick<Action, 'code' | 'title'>>;
  funders: ReadonlyMap<string, string>;
}): CsvColumn<FundingLine>[] {
  const action = (l: FundingLine) => lookup.actions.get(l.actionId);
  return [
    { header: 'Code de la fiche', cell: (l) => action(l)?.code },
    { header: 'Fiche', cell: (l) => action(l)?.title ?? l.actionId },
    { header: 'Type de financeur', cell: (l) => funderKindLabels[l.funderKind] },
    {
      header: 'Financeur',
      cell: (l) =>
        l.funderOrganizationId ? lookup.funders.get(l.funderOrganizationId) : undefined,
    },
    { header: 'Dispositif', cell: (l) => l.programme },
    { header: 'Statut', cell: (l) => fundingStatusLabels[l.status] },
    { header: 'Montant demandé (€)', cell: (l) => csvEuros(l.amountCents) },
    { header: 'Montant accordé (€)', cell: (l) => csvEuros(grantedCentsOf(l)) },
    { header: 'Montant versé (€)', cell: (l) => csvEuros(paidCentsOf(l)) },
    { header: 'Date limite de dépôt', cell: (l) => l.applicationDeadline },
    { header: 'Date de décision', cell: (l) => l.decidedOn },
    {
      header: 'Versements',
      cell: (l) =>
        l.payments
          .map((p) => `${p.on} : ${csvEuros(p.amountCents)} €${p.note ? ` (${p.note})` : ''}`)
          .join(', '),
    },
    { header: 'Fin de la convention', cell: (l) => l.agreementEndsOn },
    { header: 'Bilan dû le', cell: (l) => l.reportDueOn },
    { header: 'Bilan remis le', cell: (l) => l.reportSubmittedOn },
    { header: 'Note', cell: (l) => l.note },
    { header: 'Identifiant', cell: (l) => l.id },
  ];
}

/** The columns of measurements; `indicators` maps ids to their definition. */
export function measurementColumns(lookup: {
  indicators: ReadonlyMap<string, Pick<Indicator, 'code' | 'label' | 'unit'>>;
}): CsvColumn<Measurement>[] {
  const indicator = (m: Measurement) => lookup.indicators.get(m.indicatorId);
  return [
    { header: 'Code de l’indicateur', cell: (m) => indicator(m)?.code },
    { header: 'Indicateur', cell: (m) => indicator(m)?.label ?? m.indicatorId },
    {
      header: 'Unité',
      cell: (m) => {
        const unit = indicator(m)?.unit;
        return unit ? unitLabels[unit] : undefined;
      },
    },
    { header: 'Période', cell: (m) => m.period },
    { header: 'Niveau du territoire', cell: (m) => territoryLevelLabels[m.territory.level] },
    { header: 'Code du territoire', cell: (m) => m.territory.code },
    { header: 'Valeur', cell: (m) => m.value },
    { header: 'Statut', cell: (m) => measurementStatusLabels[m.status] },
    { header: 'Révision', cell: (m) => m.revision },
    { header: 'Source', cell: (m) => m.source },
    { header: 'Commentaire', cell: (m) => m.comment },
    { header: 'Saisie le', cell: (m) => m.recordedAt.slice(0, 10) },
  ];
}

/** The columns of the actor map. */
export function organizationColumns(): CsvColumn<Organization>[] {
  return [
    { header: 'Nom', cell: (o) => o.name },
    { header: 'Catégorie', cell: (o) => organizationCategoryLabels[o.category] },
    { header: 'SIRET, SIREN ou RNA', cell: (o) => o.pivot },
    {
      header: 'Territoire',
      cell: (o) => o.territory && `${territoryLevelLabels[o.territory.level]} ${o.territory.code}`,
    },
    {
      header: 'Adresse',
      cell: (o) => o.address && [o.address.street, o.address.complement].filter(Boolean).join(', '),
    },
    { header: 'Code postal', cell: (o) => o.address?.postalCode },
    { header: 'Commune', cell: (o) => o.address?.city },
    { header: 'Courriel', cell: (o) => o.email },
    { header: 'Téléphone', cell: (o) => o.phone },
    { header: 'Site web', cell: (o) => o.website },
    { header: 'Services', cell: (o) => labelsOf(mediationServiceLabels, o.services) },
    { header: 'Publics', cell: (o) => labelsOf(publicLabels, o.publics) },
    { header: 'Horaires', cell: (o) => o.openingHours },
    { header: 'Mis à jour à la source le', cell: (o) => o.sourceUpdatedAt },
    { header: 'Identifiant', cell: (o) => o.id },
  ];
}
