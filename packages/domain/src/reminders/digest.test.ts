import { describe, expect, it } from 'vitest';
import type { Milestone } from '../roadmap/milestone.ts';
import type { Update } from '../roadmap/update.ts';
import type { Delivery } from './delivery.ts';
import { weekDigest } from './digest.ts';

const NOW = '2024-05-17T07:00:00.000Z';
const TODAY = '2024-05-17';

function milestone(
  id: string,
  dueDate: string,
  status: Milestone['status'] = 'a_venir',
): Milestone {
  return {
    id,
    governanceId: 'gov_000001',
    roadmapId: 'rdm_000001',
    title: `Jalon ${id}`,
    dueDate,
    status,
    weight: 1,
    reschedules: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    version: 1,
  };
}

function update(id: string, createdAt: string): Update {
  return {
    id,
    governanceId: 'gov_000001',
    authorId: 'per_000001',
    subject: { type: 'governance', id: 'gov_000001' },
    kind: 'avancement',
    text: 'Ça avance.',
    channel: 'api',
    createdAt,
  };
}

function delivery(id: string, changes: Partial<Delivery>): Delivery {
  return {
    id,
    dedupeKey: `key:${id}`,
    governanceId: 'gov_000001',
    kind: 'milestone_reminder',
    recipient: { type: 'person', personId: 'per_000001' },
    subject: { type: 'milestone', id: 'mil_000001' },
    dueAt: '2024-05-01T07:00:00.000Z',
    expiresAt: '2024-05-02T07:00:00.000Z',
    status: 'pending',
    attempts: 0,
    createdAt: '2024-05-01T07:00:00.000Z',
    updatedAt: '2024-05-01T07:00:00.000Z',
    version: 1,
    ...changes,
  };
}

describe('the weekly digest of a community channel', () => {
  it('lists late and upcoming open milestones, in due order', () => {
    const digest = weekDigest({
      now: NOW,
      today: TODAY,
      milestones: [
        milestone('mil_late2', '2024-05-16'),
        milestone('mil_late1', '2024-05-02', 'reporte'),
        milestone('mil_done', '2024-05-03', 'atteint'),
        milestone('mil_today', TODAY),
        milestone('mil_week', '2024-05-24'),
        milestone('mil_far', '2024-05-25'),
      ],
      updates: [],
      deliveries: [],
    });
    expect(digest.late.map((m) => m.id)).toEqual(['mil_late1', 'mil_late2']);
    expect(digest.upcoming.map((m) => m.id)).toEqual(['mil_today', 'mil_week']);
  });

  it('counts from the previous digest sent: updates and given-up deliveries since then', () => {
    const previous = delivery('dlv_digest', {
      kind: 'community_digest',
      status: 'sent',
      sentAt: '2024-05-03T07:00:00.000Z',
    });
    const digest = weekDigest({
      now: NOW,
      today: TODAY,
      milestones: [],
      updates: [
        update('upd_before', '2024-05-02T10:00:00.000Z'),
        update('upd_a', '2024-05-06T10:00:00.000Z'),
        update('upd_b', '2024-05-16T10:00:00.000Z'),
      ],
      deliveries: [
        previous,
        delivery('dlv_old', { status: 'expired', updatedAt: '2024-05-02T08:00:00.000Z' }),
        delivery('dlv_exp', { status: 'expired', updatedAt: '2024-05-10T08:00:00.000Z' }),
        delivery('dlv_fail', { status: 'failed', updatedAt: '2024-05-09T08:00:00.000Z' }),
        delivery('dlv_sent', { status: 'sent', updatedAt: '2024-05-09T08:00:00.000Z' }),
      ],
    });
    expect(digest.since).toBe('2024-05-03T07:00:00.000Z');
    expect(digest.updates.map((u) => u.id)).toEqual(['upd_b', 'upd_a']);
    expect(digest.missed.map((d) => d.id)).toEqual(['dlv_fail', 'dlv_exp']);
  });

  it('counts from the previous week, not from another copy of the same week', () => {
    const digestOf = (id: string, dedupeKey: string, sentAt: string) =>
      delivery(id, { kind: 'community_digest', status: 'sent', dedupeKey, sentAt });
    const deliveries = [
      digestOf('dlv_w19', 'digest:gov_000001:2024-W19', '2024-05-10T07:00:00.000Z'),
      // This week's channel post and a first e-mail copy went out a moment ago.
      digestOf('dlv_w20', 'digest:gov_000001:2024-W20', '2024-05-17T06:59:58.000Z'),
      digestOf(
        'dlv_w20a',
        'digest:gov_000001:2024-W20:per_000001:email',
        '2024-05-17T06:59:59.000Z',
      ),
    ];
    const input = { now: NOW, today: TODAY, milestones: [], updates: [], deliveries };
    expect(weekDigest({ ...input, week: '2024-W20' }).since).toBe('2024-05-10T07:00:00.000Z');
    expect(weekDigest(input).since).toBe('2024-05-17T06:59:59.000Z');
  });

  it('looks back one week when no digest was sent yet', () => {
    const digest = weekDigest({
      now: NOW,
      today: TODAY,
      milestones: [],
      updates: [],
      deliveries: [],
    });
    expect(digest.since).toBe('2024-05-10T07:00:00.000Z');
  });
});
