import { describe, expect, it } from 'vitest';
import { Organization } from '../actors/organization.ts';
import { Action } from '../roadmap/action.ts';
import { FundingLine } from '../roadmap/funding-line.ts';
import { Milestone } from '../roadmap/milestone.ts';
import { toCsv } from './csv.ts';
import {
  actionColumns,
  fundingLineColumns,
  milestoneColumns,
  organizationColumns,
} from './spreadsheets.ts';

const META = {
  version: 2,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-03-01T08:15:00.000Z',
};

/** The cells of the one data row of a table, by header. */
function rowOf(csv: string): Record<string, string> {
  const [headers, row] = csv
    .slice(1)
    .split('\r\n')
    .map((line) => line.split(';'));
  return Object.fromEntries((headers ?? []).map((header, i) => [header, row?.[i] ?? '']));
}

describe('spreadsheet columns', () => {
  it('write an action’s enumerations as their French labels, and names for its ids', () => {
    const action = Action.parse({
      id: 'act_test001',
      governanceId: 'gov_test001',
      roadmapId: 'rdm_test001',
      axisId: 'axe_test001',
      code: 'A1',
      title: 'Bus numérique',
      kind: 'fiche_action',
      status: 'en_cours',
      priority: 'haute',
      leadOrganizationIds: ['org_test001'],
      budgetCents: 4_000_050,
      needs: ['former_les_professionnels', 'sensibiliser_les_acteurs'],
      startDate: '2026-01-15',
      ...META,
    });
    const row = rowOf(
      toCsv(
        actionColumns({
          axes: new Map([['axe_test001', 'Aller vers']]),
          organizations: new Map([['org_test001', 'Centre social de Mireuil']]),
        }),
        [action],
      ),
    );
    expect(row).toMatchObject({
      Type: 'Fiche-action',
      Statut: 'En cours',
      Priorité: 'Haute',
      Axe: 'Aller vers',
      'Structures porteuses': 'Centre social de Mireuil',
      'Date de début': '2026-01-15',
      'Budget (€)': '40000,50',
      Besoins: 'Former les professionnels, Sensibiliser les acteurs',
    });
  });

  it('write every date of a funding line’s calendar, its payments, the amount granted and the note', () => {
    const line = FundingLine.parse({
      id: 'fun_test001',
      governanceId: 'gov_test001',
      actionId: 'act_test001',
      funderKind: 'caf',
      funderOrganizationId: 'org_test001',
      programme: 'Convention territoriale globale',
      amountCents: 1_200_000,
      grantedCents: 1_000_000,
      status: 'accorde',
      applicationDeadline: '2026-02-27',
      decidedOn: '2026-04-10',
      payments: [
        { on: '2026-05-04', amountCents: 500_000, note: 'Avance' },
        { on: '2026-10-12', amountCents: 250_050 },
      ],
      agreementEndsOn: '2027-04-09',
      reportDueOn: '2027-06-30',
      note: 'Renouvelable si le bilan est remis à temps.',
      ...META,
    });
    const row = rowOf(
      toCsv(
        fundingLineColumns({
          actions: new Map([['act_test001', { code: 'A2', title: 'Parentalité numérique' }]]),
          funders: new Map([['org_test001', 'CAF de la Dordogne']]),
        }),
        [line],
      ),
    );
    expect(row).toMatchObject({
      'Code de la fiche': 'A2',
      'Type de financeur': 'CAF',
      Financeur: 'CAF de la Dordogne',
      Statut: 'Accordé',
      'Montant demandé (€)': '12000,00',
      'Montant accordé (€)': '10000,00',
      'Montant versé (€)': '7500,50',
      'Date limite de dépôt': '2026-02-27',
      'Date de décision': '2026-04-10',
      Versements: '2026-05-04 : 5000,00 € (Avance), 2026-10-12 : 2500,50 €',
      'Fin de la convention': '2027-04-09',
      'Bilan dû le': '2027-06-30',
      Note: 'Renouvelable si le bilan est remis à temps.',
    });
  });

  it('show a milestone past its due day as late, as the dashboard does', () => {
    const milestone = Milestone.parse({
      id: 'mil_test001',
      governanceId: 'gov_test001',
      roadmapId: 'rdm_test001',
      title: 'Bilan',
      dueDate: '2026-11-20',
      ...META,
    });
    const columns = (today: string) => milestoneColumns({ actions: new Map(), today });
    expect(rowOf(toCsv(columns('2026-11-20'), [milestone]))).toMatchObject({
      Fiche: 'Feuille de route',
      État: 'À venir',
    });
    expect(rowOf(toCsv(columns('2026-11-21'), [milestone])).État).toBe('En retard');
  });

  it('write an organization’s category and services as labels', () => {
    const organization = Organization.parse({
      id: 'org_test001',
      name: 'Centre social de Mireuil',
      category: 'centre_social',
      services: ['aide_aux_demarches_administratives'],
      ...META,
    });
    expect(rowOf(toCsv(organizationColumns(), [organization]))).toMatchObject({
      Nom: 'Centre social de Mireuil',
      Catégorie: 'Centre social',
      Services: 'Aide aux démarches administratives',
    });
  });
});
