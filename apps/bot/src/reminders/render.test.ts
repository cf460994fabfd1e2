import { buildDemoDataset, DEMO_IDS } from '@maille/demo';
import type { Delivery, Update } from '@maille/domain';
import { weekDigest } from '@maille/domain';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_LENGTH } from '../conversation/format.ts';
import { frenchPeriod } from '../messages/dates.ts';
import { type ReminderContext, renderReminder } from './render.ts';

const NOW = '2026-11-24T08:00:00.000Z';
const demo = buildDemoDataset({ now: NOW });
const governance = demo.governances.find((g) => g.id === DEMO_IDS.laRochelle.governance);
const person = demo.persons.find((p) => p.id === 'per_lrbelkacem');

function delivery(changes: Partial<Delivery>): Delivery {
  return {
    id: 'dlv_render01',
    dedupeKey: 'render',
    governanceId: DEMO_IDS.laRochelle.governance,
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: 'per_lrbelkacem' },
    subject: { type: 'governance', id: DEMO_IDS.laRochelle.governance },
    dueAt: NOW,
    expiresAt: '2026-11-25T08:00:00.000Z',
    status: 'claimed',
    claimedBy: 'bot',
    leaseUntil: '2026-11-24T08:01:00.000Z',
    attempts: 1,
    createdAt: NOW,
    updatedAt: NOW,
    version: 2,
    ...changes,
  };
}

function context(changes: Partial<ReminderContext>): ReminderContext {
  return { delivery: delivery({}), now: NOW, governance, person, ...changes };
}

describe('reminder texts', () => {
  it('writes an overdue milestone with its lateness and its plain French due date', () => {
    const milestone = demo.milestones.find((m) => m.id === 'mil_lr0202');
    if (!milestone) throw new Error('demo changed');
    const message = renderReminder(
      context({
        delivery: delivery({
          kind: 'milestone_overdue',
          subject: { type: 'milestone', id: milestone.id },
        }),
        milestone: { ...milestone, dueDate: '2026-11-16' },
      }),
    );
    expect(message.text).toContain('**Jalon en retard de 8 jours**');
    expect(message.text).toContain('Il était prévu pour le **lundi 16 novembre 2026**.');
    expect(message.buttons?.[0]).toHaveLength(4);
  });

  it('gives a weekly check-in two buttons, and prefixes a mention for the channel', () => {
    const action = demo.actions.find((a) => a.id === 'act_lr0002');
    if (!action) throw new Error('demo changed');
    const message = renderReminder(
      context({
        delivery: delivery({ kind: 'action_checkin', subject: { type: 'action', id: action.id } }),
        action,
      }),
      '123456789012345678',
    );
    expect(message.text.startsWith('<@123456789012345678> 🗓️ **Point de la semaine**')).toBe(true);
    expect(message.buttons?.[0]?.map((b) => b.customId)).toEqual([
      `v1:point:${action.id}:dlv_render01`,
      `v1:rien:${action.id}:dlv_render01`,
    ]);
  });

  it('writes a meeting agenda with Discord timestamps, its place and its items', () => {
    const meeting = demo.meetings.find((m) => m.status === 'prevue' && m.agenda.length > 0);
    if (!meeting) throw new Error('demo changed');
    const body = demo.bodies.find((b) => b.id === meeting.bodyId);
    const message = renderReminder(
      context({
        delivery: delivery({
          kind: 'meeting_agenda',
          subject: { type: 'meeting', id: meeting.id },
        }),
        meeting,
        body,
      }),
    );
    const seconds = Date.parse(meeting.startsAt) / 1000;
    expect(message.text).toContain(`<t:${seconds}:F> (<t:${seconds}:R>)`);
    expect(message.text).toContain(`**${body?.name}**`);
    expect(message.text).toContain(`1. ${meeting.agenda[0]?.title}`);
    expect(message.buttons).toBeUndefined();
  });

  it('names indicator periods in French', () => {
    expect(frenchPeriod('2026-T3')).toBe('3e trimestre 2026');
    expect(frenchPeriod('2026-S1')).toBe('1er semestre 2026');
    expect(frenchPeriod('2026-05')).toBe('mai 2026');
    expect(frenchPeriod('2026')).toBe('année 2026');
  });

  it('sums up the week in the digest, lists missed reminders for coordinators, within Discord’s limit', () => {
    const many: Update[] = Array.from({ length: 40 }, (_, i) => ({
      id: `upd_many${String(i).padStart(3, '0')}`,
      governanceId: DEMO_IDS.laRochelle.governance,
      authorId: 'per_lrbelkacem',
      subject: { type: 'action', id: 'act_lr0002' },
      kind: 'avancement',
      text: 'Très long point d’étape. '.repeat(30),
      channel: 'discord',
      createdAt: '2026-11-23T10:00:00.000Z',
    }));
    const missed = delivery({
      id: 'dlv_missed1',
      status: 'expired',
      lastError: 'Plus utile à cette heure : le rappel a expiré.',
      updatedAt: '2026-11-20T08:00:00.000Z',
    });
    const week = weekDigest({
      now: NOW,
      today: '2026-11-24',
      milestones: demo.milestones.filter((m) => m.governanceId === governance?.id),
      updates: many,
      deliveries: [missed],
    });
    const names = new Map([
      ['per_lrbelkacem', 'Yanis Belkacem'],
      ['act_lr0002', 'A2 — Permanences'],
    ]);
    const message = renderReminder(
      context({
        delivery: delivery({
          kind: 'community_digest',
          recipient: { type: 'channel', governanceId: DEMO_IDS.laRochelle.governance },
        }),
        digest: { week, names },
      }),
    );
    expect(message.text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(message.text).toContain(`📰 **La semaine de ${governance?.name}**`);
    expect(message.text).toContain('**Points d’étape depuis le dernier résumé (40)**');
    expect(message.text).toContain('… et 35 de plus.');
    expect(message.text).toContain(
      '**Pour les coordinateur·rices : 1 rappel non envoyé depuis le dernier résumé**',
    );
    expect(message.text).toContain('- Rappel de jalon, Yanis Belkacem : Plus utile');
  });

  it('lists in the digest the funding deadlines to meet, late ones said so, met ones left out', () => {
    const base = demo.fundingLines.find((l) => l.id === 'fun_lr0004');
    if (!base) throw new Error('the demo has no CPAM line');
    const week = weekDigest({
      now: NOW,
      today: '2026-11-24',
      milestones: [],
      updates: [],
      deliveries: [],
      fundingLines: [
        { ...base, id: 'fun_late0001', status: 'envisage', applicationDeadline: '2026-11-20' },
        { ...base, id: 'fun_soon0001', status: 'accorde', reportDueOn: '2026-11-27' },
        // Handed in already: nothing to remind.
        {
          ...base,
          id: 'fun_done0001',
          status: 'accorde',
          reportDueOn: '2026-11-26',
          reportSubmittedOn: '2026-11-23',
        },
        // Further than the week ahead.
        { ...base, id: 'fun_far00001', status: 'envisage', applicationDeadline: '2027-01-15' },
      ],
    });
    const names = new Map([[base.actionId, 'A3 — Former les aidants']]);
    const message = renderReminder(
      context({
        delivery: delivery({
          kind: 'community_digest',
          recipient: { type: 'channel', governanceId: DEMO_IDS.laRochelle.governance },
        }),
        digest: { week, names },
      }),
    );
    expect(message.text).toContain('**Financements : échéances à tenir (2)**');
    expect(message.text).toContain(
      '- Date limite de dépôt — CPAM, A3 — Former les aidants, 20 novembre (dépassée)',
    );
    expect(message.text).toContain('- Bilan à rendre — CPAM, A3 — Former les aidants, 27 novembre');
    expect(message.text).not.toContain('Rien de neuf');
  });
});
