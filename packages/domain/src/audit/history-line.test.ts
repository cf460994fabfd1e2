import { describe, expect, it } from 'vitest';
import { Organization } from '../actors/organization.ts';
import { Territory } from '../actors/territory.ts';
import { Body } from '../governance/body.ts';
import { Governance } from '../governance/governance.ts';
import { Meeting } from '../governance/meeting.ts';
import { Indicator } from '../indicators/indicator.ts';
import { Measurement } from '../indicators/measurement.ts';
import { Person } from '../people/person.ts';
import { Action } from '../roadmap/action.ts';
import { FundingLine } from '../roadmap/funding-line.ts';
import { Milestone } from '../roadmap/milestone.ts';
import { Roadmap } from '../roadmap/roadmap.ts';
import { Update } from '../roadmap/update.ts';
import type { AuditEvent } from './audit-event.ts';
import {
  describeAuditEvent,
  describeDecision,
  formatInstant,
  historyFieldLabels,
} from './history-line.ts';

const PARIS = { timeZone: 'Europe/Paris' };

function event(fields: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'aud_line0001',
    at: '2026-12-06T09:15:00.000Z',
    actorId: 'per_claire01',
    channel: 'web',
    governanceId: 'gov_line0001',
    entity: 'action',
    entityId: 'act_line0001',
    action: 'update',
    changes: [],
    ...fields,
  };
}

describe('an audit event read in French', () => {
  it('says who changed which action, when in the governance’s time zone, and through which channel', () => {
    const line = describeAuditEvent(
      event({ changes: [{ field: 'title', before: 'Bus', after: 'Bus numérique' }] }),
      {
        author: 'Claire Coordinatrice',
        subject: 'A1 Bus numérique',
        ...PARIS,
      },
    );
    expect(line).toEqual({
      author: 'Claire Coordinatrice',
      when: '6 décembre 2026 à 10\u00a0h\u00a015',
      channel: 'Web',
      summary: 'a modifié l’action « A1 Bus numérique »',
      subject: 'A1 Bus numérique',
      changes: [{ field: 'title', label: 'Titre', before: 'Bus', after: 'Bus numérique' }],
    });
  });

  it('names each channel as the rest of Maille does', () => {
    const channels = (['web', 'api', 'discord', 'cli'] as const).map(
      (channel) => describeAuditEvent(event({ channel }), { author: 'X', ...PARIS }).channel,
    );
    expect(channels).toEqual(['Web', 'API', 'Discord', 'Ligne de commande']);
  });

  it('reads statuses by their labels, dates and amounts in French, a cleared field as absent', () => {
    const line = describeAuditEvent(
      event({
        action: 'transition',
        changes: [
          { field: 'status', before: 'prete', after: 'en_cours' },
          { field: 'endDate', before: '2027-04-01', after: '2027-06-30' },
          { field: 'budgetCents', before: 4_000_000 },
          { field: 'needs', after: ['animer_la_gouvernance'] },
        ],
      }),
      { author: 'Claire Coordinatrice', subject: 'A1 Bus', ...PARIS },
    );
    expect(line.summary).toBe('a changé le statut de l’action « A1 Bus »');
    expect(line.changes).toEqual([
      { field: 'status', label: 'Statut', before: 'Prête', after: 'En cours' },
      { field: 'endDate', label: 'Fin', before: '1er avril 2027', after: '30 juin 2027' },
      { field: 'budgetCents', label: 'Budget', before: '40\u202f000\u00a0€', after: undefined },
      {
        field: 'needs',
        label: 'Besoins',
        before: undefined,
        after: 'Animer la gouvernance',
        added: ['Animer la gouvernance'],
      },
    ]);
  });

  it('uses the label of the status of the record the event is about', () => {
    const line = describeAuditEvent(
      event({
        entity: 'roadmap',
        entityId: 'rdm_line0001',
        action: 'change_status',
        changes: [{ field: 'status', before: 'brouillon', after: 'en_concertation' }],
      }),
      { author: 'Maille', subject: 'Feuille de route 2024-2027', ...PARIS },
    );
    expect(line.summary).toBe(
      'a changé le statut de la feuille de route « Feuille de route 2024-2027 »',
    );
    expect(line.changes[0]).toMatchObject({ before: 'Brouillon', after: 'En concertation' });
  });

  it('still reads a record whose name is unknown, and an action it has no verb for', () => {
    const line = describeAuditEvent(event({ entity: 'milestone', action: 'create' }), {
      author: 'membre supprimé',
      ...PARIS,
    });
    expect(line.summary).toBe('a créé le jalon');
    expect(
      describeAuditEvent(event({ action: 'something.new' }), { author: 'X', ...PARIS }).summary,
    ).toBe('a modifié l’action');
  });

  it('writes the hour of a winter and a summer instant in local time', () => {
    expect(formatInstant('2026-01-01T23:30:00.000Z', 'Europe/Paris')).toBe(
      '2 janvier 2026 à 0\u00a0h\u00a030',
    );
    expect(formatInstant('2026-07-14T08:05:00.000Z', 'Europe/Paris')).toBe(
      '14 juillet 2026 à 10\u00a0h\u00a005',
    );
  });

  it('names every field of every record in French', () => {
    const schemas = {
      Governance,
      Roadmap,
      Action,
      Milestone,
      FundingLine,
      Update,
      Body,
      Meeting,
      Indicator,
      Measurement,
      Organization,
      Person,
      Territory,
    };
    const unnamed = Object.entries(schemas).flatMap(([name, schema]) =>
      Object.keys(schema.shape)
        .filter((field) => !historyFieldLabels[field])
        .map((field) => `${name}.${field}`),
    );
    expect(unnamed).toEqual([]);
  });

  it('reads a list by what it gained and lost, each item in a few words', () => {
    const payment = { on: '2027-03-03', amountCents: 1_200_000 };
    const line = describeAuditEvent(
      event({
        entity: 'funding_line',
        entityId: 'fun_line0001',
        action: 'payment',
        changes: [
          {
            field: 'payments',
            before: [{ on: '2027-01-10', amountCents: 500_000, note: 'Avance' }],
            after: [payment],
          },
        ],
      }),
      { author: 'X', ...PARIS },
    );
    expect(line.summary).toBe('a enregistré un versement du financement');
    expect(line.changes[0]).toMatchObject({
      label: 'Versements',
      added: ['12\u202f000\u00a0€ le 3 mars 2027'],
      removed: ['5\u202f000\u00a0€ le 10 janvier 2027 (Avance)'],
    });
    expect(JSON.stringify(line)).not.toContain('amountCents');
  });

  it('reads a decision recorded at a meeting, and a change a decision made', () => {
    const decided = describeAuditEvent(
      event({
        entity: 'meeting',
        entityId: 'mtg_line0001',
        action: 'decide',
        changes: [
          {
            field: 'decisions',
            before: [{ id: 'dec_line0001', text: 'Valider le bus' }],
            after: [
              { id: 'dec_line0001', text: 'Valider le bus', outcome: { kind: 'x' } },
              { id: 'dec_line0002', text: 'Reporter l’atelier de mars' },
            ],
          },
        ],
      }),
      { author: 'Claire', subject: 'Comité du 12 mars', ...PARIS },
    );
    expect(decided.summary).toBe(
      'a enregistré une décision lors de la séance « Comité du 12 mars »',
    );
    expect(decided.changes[0]).toMatchObject({
      label: 'Décisions',
      added: ['Reporter l’atelier de mars'],
      changed: ['Valider le bus'],
    });
    expect(decided.changes[0]?.removed).toBeUndefined();
    const text = describeDecision({
      on: '2027-03-12',
      bodyName: 'Comité de pilotage',
      text: 'Reporter le bus',
    });
    expect(text).toBe('Décidé en Comité de pilotage du 12 mars 2027 : Reporter le bus');
    const applied = describeAuditEvent(
      event({ decidedBy: { meetingId: 'mtg_line0001', decisionId: 'dec_line0002' } }),
      { author: 'Claire', decision: text, ...PARIS },
    );
    expect(applied.decision).toBe(text);
  });
  it('names what was done when a payment is corrected, a role given or an e-mail reminder turned off', () => {
    const line = (fields: Partial<AuditEvent>, subject: string) =>
      describeAuditEvent(event(fields), { author: 'Claire', subject, ...PARIS }).summary;
    expect(line({ entity: 'funding_line', action: 'payment_correction' }, 'CAF')).toBe(
      'a corrigé un versement du financement « CAF »',
    );
    expect(line({ entity: 'funding_line', action: 'payment_deletion' }, 'CAF')).toBe(
      'a supprimé un versement du financement « CAF »',
    );
    expect(line({ entity: 'governance', action: 'assign_role' }, 'Numérique 17')).toBe(
      'a attribué un rôle dans la gouvernance « Numérique 17 »',
    );
    expect(line({ entity: 'person', action: 'unsubscribe_reminder' }, 'Léa')).toBe(
      'a désactivé un rappel par courriel de la personne « Léa »',
    );
  });
});
