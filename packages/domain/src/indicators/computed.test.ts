import { describe, expect, it } from 'vitest';
import type { ActionStatus } from '../roadmap/action.ts';
import type { FundingStatus } from '../roadmap/funding-line.ts';
import {
  type ComputationAction,
  type ComputationData,
  type ComputationFundingLine,
  type ComputationMeeting,
  type ComputationOrganization,
  type ComputationPerson,
  computeIndicator,
} from './computed.ts';
import { ComputedRule } from './indicator.ts';

const LONG_AGO = '2020-01-01T00:00:00.000Z';

function organization(more: Partial<ComputationOrganization> = {}): ComputationOrganization {
  return { createdAt: LONG_AGO, services: [], ...more };
}

function mediationPlace(
  inseeCode: string,
  more: Partial<ComputationOrganization> = {},
): ComputationOrganization {
  return organization({
    services: ['aide_aux_demarches_administratives'],
    address: { street: '1 place de la Mairie', postalCode: '24600', city: 'Ribérac', inseeCode },
    ...more,
  });
}

function person(
  functions: ComputationPerson['functions'],
  more: Partial<ComputationPerson> = {},
): ComputationPerson {
  return { createdAt: LONG_AGO, functions, ...more };
}

function meeting(
  startsAt: string,
  status: ComputationMeeting['status'] = 'tenue',
): ComputationMeeting {
  return { startsAt, status };
}

function action(status: ActionStatus, more: Partial<ComputationAction> = {}): ComputationAction {
  return {
    createdAt: '2022-12-15T10:00:00.000Z',
    kind: 'fiche_action',
    status,
    statusHistory: [],
    ...more,
  };
}

function fundingLine(
  status: FundingStatus,
  amountCents: number,
  more: Partial<ComputationFundingLine> = {},
): ComputationFundingLine {
  return { createdAt: LONG_AGO, status, amountCents, ...more };
}

function data(more: Partial<ComputationData> = {}): ComputationData {
  return {
    governance: { timeZone: 'Europe/Paris' },
    organizations: [],
    persons: [],
    communes: [],
    meetings: [],
    actions: [],
    fundingLines: [],
    ...more,
  };
}

describe('computeIndicator: the actor map', () => {
  it('counts the organizations recorded by the end of the period', () => {
    const map = data({
      organizations: [
        organization(),
        mediationPlace('24352'),
        organization({ createdAt: '2024-12-31T23:30:00.000Z' }), // 00:30 on 1 January 2025 in Paris
      ],
    });
    expect(computeIndicator('acteurs_recenses', map, '2024')).toBe(2);
    expect(computeIndicator('acteurs_recenses', map, '2025')).toBe(3);
  });

  it('counts as mediation places only the organizations offering a mediation service', () => {
    const map = data({
      organizations: [organization(), mediationPlace('24352'), mediationPlace('24053')],
    });
    expect(computeIndicator('lieux_mediation', map, '2024')).toBe(2);
  });
});

describe('computeIndicator: people', () => {
  const team = data({
    persons: [
      person(['conseiller_numerique']),
      person(['mediateur_numerique', 'conseiller_numerique']),
      person(['aidant_numerique']),
      person(['aidant_connect', 'aidant_numerique']),
      person(['aidant_connect']),
      person(['elu', 'coordinateur']),
      person([], { erasedAt: '2024-03-01T10:00:00.000Z' }),
      person(['conseiller_numerique'], { createdAt: '2025-02-01T10:00:00.000Z' }),
    ],
  });

  it('counts advisers and mediators once each', () => {
    expect(computeIndicator('mediateurs', team, '2024')).toBe(2);
    expect(computeIndicator('mediateurs', team, '2025')).toBe(3);
  });

  it('counts digital helpers, Aidants Connect or not, once each', () => {
    expect(computeIndicator('aidants', team, '2024')).toBe(3);
  });

  it('never counts an erased member, even one whose functions were kept', () => {
    const erased = data({
      persons: [person(['conseiller_numerique'], { erasedAt: '2024-03-01T10:00:00.000Z' })],
    });
    expect(computeIndicator('mediateurs', erased, '2023')).toBe(0);
  });
});

describe('computeIndicator: communes covered', () => {
  const communes = ['24352', '24053', '24220', '24117'].map((code) => ({
    level: 'commune' as const,
    code,
  }));

  it('gives the share of communes with a mediation place, by address or by territory', () => {
    const map = data({
      communes,
      organizations: [
        mediationPlace('24352'),
        mediationPlace('24352'), // a second place in the same commune counts once
        organization({
          services: ['loisirs_et_creations_numeriques'],
          territory: { level: 'commune', code: '24053' },
        }),
        organization({ territory: { level: 'commune', code: '24220' } }), // no mediation service
        mediationPlace('17300'), // outside the territory
      ],
    });
    expect(computeIndicator('communes_couvertes', map, '2024')).toBe(50);
  });

  it('cannot give a share of no commune', () => {
    expect(
      computeIndicator(
        'communes_couvertes',
        data({ organizations: [mediationPlace('24352')] }),
        '2024',
      ),
    ).toBeNull();
  });
});

describe('computeIndicator: governance meetings', () => {
  it('counts meetings held whose day, in the governance’s time zone, is in the period', () => {
    const meetings = data({
      meetings: [
        meeting('2023-12-31T23:30:00.000Z'), // 00:30 on 1 January 2024 in Paris
        meeting('2024-03-31T21:30:00.000Z'), // 23:30 on 31 March in Paris
        meeting('2024-03-31T22:30:00.000Z'), // 00:30 on 1 April in Paris
        meeting('2024-02-10T09:00:00.000Z', 'prevue'),
        meeting('2024-02-12T09:00:00.000Z', 'annulee'),
      ],
    });
    expect(computeIndicator('reunions_gouvernance', meetings, '2024-T1')).toBe(2);
    expect(computeIndicator('reunions_gouvernance', meetings, '2024-04')).toBe(1);
    expect(computeIndicator('reunions_gouvernance', meetings, '2023')).toBe(0);
  });

  it('reads days in the governance’s own time zone', () => {
    const reunion = data({
      governance: { timeZone: 'Indian/Reunion' },
      meetings: [meeting('2024-03-31T21:30:00.000Z')], // 01:30 on 1 April in La Réunion
    });
    expect(computeIndicator('reunions_gouvernance', reunion, '2024-T1')).toBe(0);
    expect(computeIndicator('reunions_gouvernance', reunion, '2024-T2')).toBe(1);
  });
});

describe('computeIndicator: action sheets done', () => {
  it('gives Dronne et Belle 50 %: 4 of its 8 sheets done', () => {
    const dronneEtBelle = data({
      actions: [
        ...Array.from({ length: 4 }, () => action('realisee')),
        action('en_cours'),
        action('en_cours'),
        action('prete'),
        action('a_murir'),
      ],
    });
    expect(computeIndicator('fiches_realisees', dronneEtBelle, '2023')).toBe(50);
  });

  it('leaves abandoned sheets out of the count', () => {
    const roadmap = data({
      actions: [action('realisee'), action('en_cours'), action('abandonnee')],
    });
    expect(computeIndicator('fiches_realisees', roadmap, '2024')).toBe(50);
  });

  it('replays the status history: a sheet done later does not count for an earlier period', () => {
    const doneIn2024 = action('realisee', {
      statusHistory: [
        {
          from: 'prete',
          to: 'en_cours',
          at: '2023-03-01T09:00:00.000Z',
          byId: 'per_coord0001',
          forced: false,
        },
        {
          from: 'en_cours',
          to: 'realisee',
          at: '2024-02-01T09:00:00.000Z',
          byId: 'per_coord0001',
          forced: false,
        },
      ],
    });
    const roadmap = data({ actions: [doneIn2024, action('realisee')] });
    expect(computeIndicator('fiches_realisees', roadmap, '2023')).toBe(50);
    expect(computeIndicator('fiches_realisees', roadmap, '2024')).toBe(100);
    // Before its first move, the sheet had its first status.
    expect(computeIndicator('fiches_realisees', data({ actions: [doneIn2024] }), '2022')).toBe(0);
  });

  it('cannot give a rate of no sheet', () => {
    expect(
      computeIndicator('fiches_realisees', data({ actions: [action('abandonnee')] }), '2024'),
    ).toBeNull();
  });
});

describe('computeIndicator: funding mobilised', () => {
  it('adds granted and paid lines, in euros, decided by the end of the period', () => {
    // The Dronne et Belle bus: the State, a private fund, the Région and the Département.
    const bus = data({
      fundingLines: [
        fundingLine('verse', 250_000_000),
        fundingLine('accorde', 1_000_050, { decidedOn: '2023-11-20' }),
        fundingLine('accorde', 4_000_000, { decidedOn: '2024-02-01' }),
        fundingLine('demande', 9_999_900),
        fundingLine('refuse', 9_999_900),
      ],
    });
    expect(computeIndicator('financements_mobilises', bus, '2023')).toBe(2_510_000.5);
    expect(computeIndicator('financements_mobilises', bus, '2024')).toBe(2_550_000.5);
  });
});

describe('computeIndicator', () => {
  it('says "no figure" rather than 0 % when a rate has nothing to divide', () => {
    // Counts of nothing are 0; rates of nothing are unknown, which a dashboard must show as such.
    const answers = Object.fromEntries(
      ComputedRule.options.map((rule) => [rule, computeIndicator(rule, data(), '2024')]),
    );
    expect(answers).toEqual({
      acteurs_recenses: 0,
      lieux_mediation: 0,
      mediateurs: 0,
      aidants: 0,
      communes_couvertes: null,
      reunions_gouvernance: 0,
      fiches_realisees: null,
      financements_mobilises: 0,
    });
  });
});

describe('computeIndicator: fiches-projets in the done rate', () => {
  it('counts a fiche-projet only from the day it became a fiche-action', () => {
    const promotedIn2024 = action('en_cours', { promotedAt: '2024-03-01T10:00:00.000Z' });
    const stillMaturing = action('a_murir', { kind: 'fiche_projet' });
    const roadmap = data({ actions: [action('realisee'), promotedIn2024, stillMaturing] });
    expect(computeIndicator('fiches_realisees', roadmap, '2023')).toBe(100);
    expect(computeIndicator('fiches_realisees', roadmap, '2024')).toBe(50);
  });
});
