import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidTransitionError } from '../shared/errors.ts';
import { type Action, ActionStatus } from './action.ts';
import {
  ACTION_TRANSITIONS,
  canTransitionAction,
  promoteAction,
  promotionBlockers,
  transitionAction,
} from './action-status.ts';
import type { Milestone } from './milestone.ts';

const NOW = '2024-05-14T08:00:00.000Z';
const MEMBER = 'per_alice001';
const COORDINATOR = 'per_coord001';

function action(overrides: Partial<Action> = {}): Action {
  return {
    id: 'act_bus00001',
    governanceId: 'gov_dronne01',
    roadmapId: 'rdm_dronne01',
    code: 'A3',
    title: 'Bus de l’accompagnement numérique',
    kind: 'fiche_action',
    status: 'a_murir',
    statusHistory: [],
    leadOrganizationIds: ['org_ccdronne1'],
    partnerOrganizationIds: [],
    ownerId: MEMBER,
    priority: 'moyenne',
    weight: 1,
    needs: [],
    indicatorIds: [],
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2024-01-10T09:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

function milestone(overrides: Partial<Milestone> = {}): Milestone {
  return {
    id: 'mil_bus00001',
    governanceId: 'gov_dronne01',
    roadmapId: 'rdm_dronne01',
    actionId: 'act_bus00001',
    title: 'Mise en circulation du bus',
    dueDate: '2024-09-01',
    weight: 1,
    status: 'a_venir',
    reschedules: [],
    createdAt: '2024-01-10T09:00:00.000Z',
    updatedAt: '2024-01-10T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const by = { at: NOW, byId: MEMBER };

describe('transitionAction', () => {
  it('moves along the state machine and records the move', () => {
    const before = action({ status: 'prete' });
    const after = transitionAction(before, 'en_cours', by);
    expect(after.status).toBe('en_cours');
    expect(after.version).toBe(4);
    expect(after.updatedAt).toBe(NOW);
    expect(after.statusHistory).toEqual([
      { from: 'prete', to: 'en_cours', at: NOW, byId: MEMBER, forced: false },
    ]);
    // Pure: the input is untouched.
    expect(before.status).toBe('prete');
    expect(before.statusHistory).toEqual([]);
  });

  it('keeps earlier moves in the history', () => {
    const ready = transitionAction(action(), 'prete', by);
    const started = transitionAction(ready, 'en_cours', { ...by, at: '2024-06-01T08:00:00.000Z' });
    expect(started.statusHistory.map((c) => `${c.from}>${c.to}`)).toEqual([
      'a_murir>prete',
      'prete>en_cours',
    ]);
    expect(started.version).toBe(5);
  });

  it('refuses to jump from “à mûrir” to “réalisée”, in French', () => {
    const attempt = () => transitionAction(action(), 'realisee', by);
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(/ne peut pas passer de « À mûrir » à « Réalisée »/);
    expect(attempt).toThrow(/« Prête », « Suspendue », « Abandonnée »/);
  });

  it('lets a coordinator force the jump with a reason, and records it as forced', () => {
    const done = transitionAction(action(), 'realisee', {
      at: NOW,
      byId: COORDINATOR,
      forced: true,
      actorIsCoordinator: true,
      reason: '  Réalisée en 2023, avant la mise en place du suivi.  ',
    });
    expect(done.status).toBe('realisee');
    expect(done.statusHistory.at(-1)).toEqual({
      from: 'a_murir',
      to: 'realisee',
      at: NOW,
      byId: COORDINATOR,
      forced: true,
      reason: 'Réalisée en 2023, avant la mise en place du suivi.',
    });
  });

  it('refuses a forced move without a reason, even from a coordinator', () => {
    const attempt = () =>
      transitionAction(action(), 'realisee', {
        ...by,
        forced: true,
        actorIsCoordinator: true,
        reason: '   ',
      });
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(/indiquez un motif/);
  });

  it('forbids a member to force a move', () => {
    const attempt = () =>
      transitionAction(action(), 'realisee', { ...by, forced: true, reason: 'C’est fait.' });
    expect(attempt).toThrow(ForbiddenError);
    expect(attempt).toThrow(/coordinateur·rice/);
  });

  it('records an allowed move asked as forced as a normal move', () => {
    const ready = transitionAction(action(), 'prete', {
      ...by,
      forced: true,
      actorIsCoordinator: true,
      reason: 'Validée en comité.',
    });
    expect(ready.statusHistory.at(-1)).toMatchObject({
      forced: false,
      reason: 'Validée en comité.',
    });
  });

  it('requires a reason to reopen a done action', () => {
    const done = action({ status: 'realisee' });
    expect(() => transitionAction(done, 'en_cours', by)).toThrow(
      'Rouvrir une action réalisée demande un motif.',
    );
    const reopened = transitionAction(done, 'en_cours', {
      ...by,
      reason: 'Nouvelle tournée du bus.',
    });
    expect(reopened.status).toBe('en_cours');
    expect(reopened.statusHistory.at(-1)?.reason).toBe('Nouvelle tournée du bus.');
  });

  it('requires a reason to revive an abandoned action', () => {
    const dropped = action({ status: 'abandonnee' });
    expect(() => transitionAction(dropped, 'a_murir', by)).toThrow(
      'Relancer une action abandonnée demande un motif.',
    );
    expect(
      transitionAction(dropped, 'a_murir', { ...by, reason: 'Financement trouvé.' }).status,
    ).toBe('a_murir');
  });

  it('refuses a move to the current status', () => {
    expect(() => transitionAction(action({ status: 'en_cours' }), 'en_cours', by)).toThrow(
      'L’action A3 est déjà « En cours ».',
    );
  });

  it('keeps a fiche-projet out of “en cours” until it is promoted', () => {
    const fiche = action({ kind: 'fiche_projet', status: 'prete' });
    const attempt = () => transitionAction(fiche, 'en_cours', by);
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(/doit d’abord devenir une fiche-action/);
    // It may still mature, get ready, pause or be dropped.
    expect(transitionAction(action({ kind: 'fiche_projet' }), 'prete', by).status).toBe('prete');
    expect(transitionAction(fiche, 'suspendue', by).status).toBe('suspendue');
    expect(transitionAction(fiche, 'abandonnee', by).status).toBe('abandonnee');
  });

  it('follows the documented table for every pair of statuses', () => {
    const allowed: Record<string, string[]> = {
      a_murir: ['prete', 'suspendue', 'abandonnee'],
      prete: ['en_cours', 'a_murir', 'suspendue', 'abandonnee'],
      en_cours: ['realisee', 'suspendue', 'abandonnee'],
      suspendue: ['en_cours', 'prete', 'abandonnee'],
      realisee: ['en_cours'],
      abandonnee: ['a_murir'],
    };
    for (const from of ActionStatus.options) {
      for (const to of ActionStatus.options) {
        if (from === to) continue;
        const expected = allowed[from]?.includes(to) ?? false;
        expect(canTransitionAction(from, to), `${from} → ${to}`).toBe(expected);
        const move = () =>
          transitionAction(action({ status: from }), to, { ...by, reason: 'Motif.' });
        if (expected) expect(move().status).toBe(to);
        else expect(move).toThrow(InvalidTransitionError);
      }
    }
    expect(Object.keys(ACTION_TRANSITIONS).sort()).toEqual([...ActionStatus.options].sort());
  });
});

describe('promotion of a fiche-projet', () => {
  const fiche = action({ kind: 'fiche_projet' });

  it('is refused without a dated milestone', () => {
    expect(promotionBlockers(fiche, [])).toEqual(['Aucun jalon daté (non annulé) n’est prévu.']);
    const attempt = () => promoteAction(fiche, [], { at: NOW, byId: COORDINATOR });
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow(
      'La fiche A3 ne peut pas devenir une fiche-action. Aucun jalon daté (non annulé) n’est prévu.',
    );
  });

  it('does not count a cancelled milestone, nor another action’s', () => {
    const others = [
      milestone({ status: 'annule' }),
      milestone({ id: 'mil_other001', actionId: 'act_other001' }),
      milestone({ id: 'mil_roadmap1', actionId: undefined }),
    ];
    expect(promotionBlockers(fiche, others)).toEqual([
      'Aucun jalon daté (non annulé) n’est prévu.',
    ]);
  });

  it('lists every missing piece at once', () => {
    const bare = action({ kind: 'fiche_projet', ownerId: undefined, leadOrganizationIds: [] });
    expect(promotionBlockers(bare, [])).toEqual([
      'Aucun·e responsable n’est désigné·e.',
      'Aucune structure porteuse n’est indiquée.',
      'Aucun jalon daté (non annulé) n’est prévu.',
    ]);
    try {
      promoteAction(bare, [], { at: NOW, byId: COORDINATOR });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidTransitionError);
      expect((error as InvalidTransitionError).reasons).toHaveLength(3);
    }
  });

  it('refuses an abandoned sheet and one that is already a fiche-action', () => {
    expect(
      promotionBlockers(action({ kind: 'fiche_projet', status: 'abandonnee' }), [milestone()]),
    ).toEqual(['L’action est abandonnée : relancez-la avant de la promouvoir.']);
    expect(promotionBlockers(action(), [milestone()])).toEqual(['C’est déjà une fiche-action.']);
  });

  it('promotes a complete sheet, keeping its status', () => {
    const promoted = promoteAction(fiche, [milestone()], { at: NOW, byId: COORDINATOR });
    expect(promoted.kind).toBe('fiche_action');
    expect(promoted.promotedAt).toBe(NOW);
    expect(promoted.updatedAt).toBe(NOW);
    expect(promoted.version).toBe(fiche.version + 1);
    expect(promoted.status).toBe('a_murir');
    expect(fiche.kind).toBe('fiche_projet');
    // Once promoted, it may start.
    const ready = transitionAction(promoted, 'prete', by);
    expect(transitionAction(ready, 'en_cours', by).status).toBe('en_cours');
  });
});
