import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_PREFERENCES } from '../people/person.ts';
import type { Delivery } from './delivery.ts';
import { type DeliveryFacts, holdOf, routeOf } from './recheck.ts';

const NOW = '2024-05-14T07:00:00.000Z';
const USER = '123456789012345678';
const CHANNEL = '223456789012345678';
const CHAT = {
  platform: 'discord',
  guildId: '323456789012345678',
  channelId: CHANNEL,
  boundAt: '2024-05-01T08:00:00.000Z',
} as const;

const COORDINATOR = { personId: 'per_000001', role: 'coordinateur', since: NOW } as const;

function delivery(changes: Partial<Delivery> = {}): Delivery {
  return {
    id: 'dlv_000001',
    dedupeKey: 'milestone:mil_000001:2024-05-17:J-3:per_000001',
    governanceId: 'gov_000001',
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: 'per_000001' },
    subject: { type: 'milestone', id: 'mil_000001' },
    dueAt: '2024-05-14T07:00:00.000Z',
    expiresAt: '2024-05-17T07:00:00.000Z',
    status: 'claimed',
    claimedBy: 'bot-1',
    leaseUntil: '2024-05-14T07:01:00.000Z',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 2,
    ...changes,
  };
}

function facts(changes: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return {
    governance: { timeZone: 'Europe/Paris', chat: CHAT, roles: [COORDINATOR] },
    person: {
      chatAccounts: [{ platform: 'discord', userId: USER, linkedAt: NOW }],
      reminders: DEFAULT_REMINDER_PREFERENCES,
    },
    milestone: { status: 'a_venir', dueDate: '2024-05-17', ownerId: 'per_000001' },
    ...changes,
  };
}

const reasonOf = (d: Delivery, f: DeliveryFacts, now = NOW) => holdOf(d, f, now)?.reason;

describe('checking a delivery again before sending it', () => {
  it('lets a reminder go when nothing changed, by direct message', () => {
    expect(holdOf(delivery(), facts(), NOW)).toBeUndefined();
    expect(routeOf(delivery(), facts())).toEqual({ type: 'direct', userId: USER });
  });

  it('expires a reminder past its expiry, whatever else changed', () => {
    const late = '2024-05-17T07:00:00.000Z';
    expect(holdOf(delivery(), facts({ person: undefined }), late)).toMatchObject({
      status: 'expired',
    });
  });

  it('skips a milestone reached, cancelled, rescheduled or deleted', () => {
    const milestone = (status: 'atteint' | 'annule') => ({
      status,
      dueDate: '2024-05-17',
      ownerId: 'per_000001',
    });
    expect(reasonOf(delivery(), facts({ milestone: milestone('atteint') }))).toMatch(/atteint/);
    expect(reasonOf(delivery(), facts({ milestone: milestone('annule') }))).toMatch(/annulé/);
    expect(
      reasonOf(
        delivery(),
        facts({ milestone: { status: 'reporte', dueDate: '2024-06-03', ownerId: 'per_000001' } }),
      ),
    ).toBe('Le jalon a été reprogrammé au 3 juin 2024.');
    expect(reasonOf(delivery(), facts({ milestone: undefined }))).toMatch(/n’existe plus/);
  });

  it('skips a milestone reminder to someone who no longer answers for it', () => {
    const handedOver = { status: 'a_venir' as const, dueDate: '2024-05-17', ownerId: 'per_000002' };
    expect(reasonOf(delivery(), facts({ milestone: handedOver }))).toBe(
      'Cette personne ne porte plus ce jalon.',
    );
    // Without an owner of its own, the milestone is its action owner's.
    const ownerless = { status: 'a_venir' as const, dueDate: '2024-05-17' };
    const action = { status: 'en_cours' as const, ownerId: 'per_000001' };
    expect(reasonOf(delivery(), facts({ milestone: ownerless, action }))).toBeUndefined();
  });

  it('skips a check-in on an action no longer in progress, and an agenda of a cancelled meeting', () => {
    const checkin = delivery({ kind: 'action_checkin', subject: { type: 'action', id: 'act_01' } });
    const action = (status: 'en_cours' | 'suspendue', ownerId = 'per_000001') => ({
      action: { status, ownerId },
    });
    expect(reasonOf(checkin, facts(action('en_cours')))).toBeUndefined();
    expect(reasonOf(checkin, facts(action('suspendue')))).toMatch(/plus en cours/);
    expect(reasonOf(checkin, facts(action('en_cours', 'per_000002')))).toBe(
      'Cette personne ne porte plus cette action.',
    );
    const agenda = delivery({ kind: 'meeting_agenda', subject: { type: 'meeting', id: 'mtg_01' } });
    const meeting = { status: 'annulee', startsAt: '2024-05-21T12:00:00.000Z' } as const;
    expect(reasonOf(agenda, facts({ meeting }))).toMatch(/annulée/);
  });

  it('sends an agenda to a member seated that day, not for a meeting moved since nor to one who left', () => {
    // Planned for the meeting of Tuesday 21 May 2024, 14:00 in Paris, 7 days before.
    const agenda = delivery({
      kind: 'meeting_agenda',
      dedupeKey: 'meeting:mtg_01:2024-05-21:J-7:per_000001',
      subject: { type: 'meeting', id: 'mtg_01' },
    });
    const meeting = { status: 'prevue', startsAt: '2024-05-21T12:00:00.000Z' } as const;
    const seat = { personId: 'per_000001', position: 'membre', since: '2024-01-01' } as const;
    const body = { members: [seat] };
    expect(reasonOf(agenda, facts({ meeting, body }))).toBeUndefined();
    const moved = { ...meeting, startsAt: '2024-05-28T12:00:00.000Z' };
    expect(reasonOf(agenda, facts({ meeting: moved, body }))).toBe(
      'La séance a été déplacée au 28 mai 2024.',
    );
    for (const members of [[], [{ ...seat, until: '2024-05-20' }]]) {
      expect(reasonOf(agenda, facts({ meeting, body: { members } }))).toBe(
        'Cette personne ne siège plus dans cette instance.',
      );
    }
  });

  it('sends the digest by e-mail only to someone still in the governance, by a role or a seat', () => {
    const digest = delivery({
      kind: 'community_digest',
      dedupeKey: 'digest:gov_000001:2024-W20:per_000001:email',
      recipient: { type: 'person', personId: 'per_000001', medium: 'email' },
      subject: { type: 'governance', id: 'gov_000001' },
    });
    const person = {
      email: 'camille@exemple.fr',
      chatAccounts: [],
      reminders: DEFAULT_REMINDER_PREFERENCES,
    };
    const noRole = { timeZone: 'Europe/Paris', chat: CHAT, roles: [] };
    const seat = { personId: 'per_000001', position: 'membre', since: '2024-01-01' } as const;
    expect(reasonOf(digest, facts({ person }))).toBeUndefined();
    expect(
      reasonOf(digest, facts({ person, governance: noRole, bodies: [{ members: [seat] }] })),
    ).toBeUndefined();
    const left = { ...seat, until: '2024-05-13' };
    expect(
      reasonOf(digest, facts({ person, governance: noRole, bodies: [{ members: [left] }] })),
    ).toBe('Cette personne ne fait plus partie de la gouvernance.');
  });

  it('asks only a current coordinator for an indicator’s figure', () => {
    const collection = delivery({
      kind: 'indicator_collection',
      subject: { type: 'indicator', id: 'ind_000001', period: '2024-04' },
    });
    const indicator = { id: 'ind_000001' };
    expect(reasonOf(collection, facts({ indicator }))).toBeUndefined();
    const governance = { timeZone: 'Europe/Paris', chat: CHAT, roles: [] };
    expect(reasonOf(collection, facts({ indicator, governance }))).toBe(
      'Cette personne ne coordonne plus la gouvernance.',
    );
  });

  it('skips an erased person, a person without a linked account, and a person on leave', () => {
    const person = facts().person as NonNullable<DeliveryFacts['person']>;
    expect(reasonOf(delivery(), facts({ person: { ...person, erasedAt: NOW } }))).toMatch(
      /effacée/,
    );
    expect(reasonOf(delivery(), facts({ person: { ...person, chatAccounts: [] } }))).toMatch(
      /Aucun compte Discord/,
    );
    // 14 May 09:00 in Paris, on leave until the 14th inclusive: held; from the 15th: sent.
    const onLeave = { ...person, reminders: { ...person.reminders, pausedUntil: '2024-05-14' } };
    expect(reasonOf(delivery(), facts({ person: onLeave }))).toBe(
      'Rappels en pause jusqu’au 14 mai 2024.',
    );
    expect(reasonOf(delivery(), facts({ person: onLeave }), '2024-05-14T22:00:00.000Z')).toBe(
      undefined,
    );
  });

  it('skips a channel message when the binding is gone or disabled', () => {
    const digest = delivery({
      kind: 'community_digest',
      recipient: { type: 'channel', governanceId: 'gov_000001' },
      subject: { type: 'governance', id: 'gov_000001' },
    });
    expect(routeOf(digest, facts())).toEqual({ type: 'channel', channelId: CHANNEL });
    const disabled = { timeZone: 'Europe/Paris', chat: { ...CHAT, disabledAt: NOW }, roles: [] };
    expect(reasonOf(digest, facts({ governance: disabled }))).toMatch(/Aucun salon/);
    expect(reasonOf(digest, facts({ governance: undefined }))).toMatch(/gouvernance/);
  });

  it('mentions in the channel a person who prefers it, by direct message when no channel is bound', () => {
    const person = facts().person as NonNullable<DeliveryFacts['person']>;
    const mention = {
      ...person,
      reminders: { ...person.reminders, channel: 'mention_salon' as const },
    };
    expect(routeOf(delivery(), facts({ person: mention }))).toEqual({
      type: 'channel',
      channelId: CHANNEL,
      mentionUserId: USER,
    });
    const unbound = { timeZone: 'Europe/Paris', roles: [] };
    expect(routeOf(delivery(), facts({ person: mention, governance: unbound }))).toEqual({
      type: 'direct',
      userId: USER,
    });
  });
});

describe('checking an e-mail delivery again before sending it', () => {
  const byEmail = delivery({
    dedupeKey: 'milestone:mil_000001:2024-05-17:J-3:per_000001:email',
    recipient: { type: 'person', personId: 'per_000001', medium: 'email' },
  });
  const mailbox = (reminders = DEFAULT_REMINDER_PREFERENCES) =>
    facts({ person: { chatAccounts: [], email: 'alice@exemple.fr', reminders } });

  it('sends it to the person’s address, rechecking the due date in its key', () => {
    expect(holdOf(byEmail, mailbox(), NOW)).toBeUndefined();
    expect(routeOf(byEmail, mailbox())).toEqual({ type: 'email', address: 'alice@exemple.fr' });
  });

  it('skips it once the address is gone or the person chose the chat only', () => {
    expect(reasonOf(byEmail, facts())).toBe('Aucune adresse électronique pour cette personne.');
    const chatOnly = facts({
      person: {
        chatAccounts: [{ platform: 'discord', userId: USER, linkedAt: NOW }],
        email: 'alice@exemple.fr',
        reminders: { ...DEFAULT_REMINDER_PREFERENCES, medium: 'discussion' },
      },
    });
    expect(reasonOf(byEmail, chatOnly)).toBe(
      'Cette personne ne reçoit plus les rappels par courriel.',
    );
  });

  it('follows the medium the person chose for this kind over their general choice', () => {
    const linked = (reminders: typeof DEFAULT_REMINDER_PREFERENCES) =>
      facts({
        person: {
          chatAccounts: [{ platform: 'discord', userId: USER, linkedAt: NOW }],
          email: 'alice@exemple.fr',
          reminders,
        },
      });
    const milestonesByChat = linked({
      ...DEFAULT_REMINDER_PREFERENCES,
      medium: 'courriel',
      mediumByKind: { milestone_reminder: 'discussion' },
    });
    expect(reasonOf(byEmail, milestonesByChat)).toBe(
      'Cette personne ne reçoit plus les rappels par courriel.',
    );
    const milestonesByMail = linked({
      ...DEFAULT_REMINDER_PREFERENCES,
      medium: 'discussion',
      mediumByKind: { milestone_reminder: 'courriel' },
    });
    expect(holdOf(byEmail, milestonesByMail, NOW)).toBeUndefined();
  });

  it('skips a kind the person unsubscribed from', () => {
    const off = mailbox({ ...DEFAULT_REMINDER_PREFERENCES, pausedKinds: ['milestone_reminder'] });
    expect(reasonOf(byEmail, off)).toBe(
      'La personne a désactivé ce type de rappel (rappel de jalon).',
    );
  });
});
