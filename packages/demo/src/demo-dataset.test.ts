import { Organization, Territory, type TerritoryRef } from '@maille/domain/actors';
import { Body, Governance, Meeting } from '@maille/domain/governance';
import { Indicator, Measurement } from '@maille/domain/indicators';
import { Person } from '@maille/domain/people';
import {
  Action,
  FundingLine,
  fundingCalendarProblems,
  Milestone,
  Roadmap,
  Update,
} from '@maille/domain/roadmap';
import { addDays, localDate } from '@maille/domain/shared';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset, DEFAULT_DEMO_NOW, DEMO_IDS, type DemoDataset } from './index.ts';

const demo = buildDemoDataset();
const { laRochelle, dronneEtBelle } = DEMO_IDS;

function byId<T extends { id: string }>(list: T[]): Map<string, T> {
  return new Map(list.map((item) => [item.id, item]));
}

const refKey = (ref: TerritoryRef) => `${ref.level}:${ref.code}`;

/** Every reference of the dataset, as `[where, kind, id]`, so a dangling one names itself. */
function references(data: DemoDataset): [string, keyof DemoDataset, string][] {
  const refs: [string, keyof DemoDataset, string][] = [];
  const add = (where: string, kind: keyof DemoDataset, id: string | undefined) => {
    if (id !== undefined) refs.push([where, kind, id]);
  };
  for (const o of data.organizations) {
    if (o.territory) add(o.id, 'territories', refKey(o.territory));
  }
  for (const t of data.territories) for (const p of t.parents) add(t.id, 'territories', refKey(p));
  for (const p of data.persons) add(p.id, 'organizations', p.organizationId);
  for (const g of data.governances) {
    add(g.id, 'territories', refKey(g.territory));
    for (const r of g.roles) add(g.id, 'persons', r.personId);
  }
  for (const b of data.bodies) {
    add(b.id, 'governances', b.governanceId);
    for (const m of b.members) {
      add(b.id, 'persons', m.personId);
      add(b.id, 'organizations', m.organizationId);
    }
  }
  for (const m of data.meetings) {
    add(m.id, 'governances', m.governanceId);
    add(m.id, 'bodies', m.bodyId);
    for (const item of m.agenda) {
      add(m.id, 'persons', item.presenterId);
      add(m.id, 'actions', item.actionId);
    }
    for (const d of m.decisions) add(m.id, 'actions', d.actionId);
    for (const a of m.attendance) add(m.id, 'persons', a.personId);
  }
  for (const r of data.roadmaps) add(r.id, 'governances', r.governanceId);
  for (const a of data.actions) {
    add(a.id, 'governances', a.governanceId);
    add(a.id, 'roadmaps', a.roadmapId);
    add(a.id, 'persons', a.ownerId);
    for (const o of [...a.leadOrganizationIds, ...a.partnerOrganizationIds])
      add(a.id, 'organizations', o);
    for (const i of a.indicatorIds) add(a.id, 'indicators', i);
    for (const s of a.statusHistory) add(a.id, 'persons', s.byId);
  }
  for (const m of data.milestones) {
    add(m.id, 'governances', m.governanceId);
    add(m.id, 'roadmaps', m.roadmapId);
    add(m.id, 'actions', m.actionId);
    add(m.id, 'persons', m.ownerId);
    for (const r of m.reschedules) add(m.id, 'persons', r.byId);
  }
  for (const f of data.fundingLines) {
    add(f.id, 'governances', f.governanceId);
    add(f.id, 'actions', f.actionId);
    add(f.id, 'organizations', f.funderOrganizationId);
  }
  for (const u of data.updates) {
    add(u.id, 'governances', u.governanceId);
    add(u.id, 'persons', u.authorId);
    const kind = (
      {
        action: 'actions',
        milestone: 'milestones',
        roadmap: 'roadmaps',
        governance: 'governances',
      } as const
    )[u.subject.type];
    add(u.id, kind, u.subject.id);
  }
  for (const i of data.indicators) add(i.id, 'governances', i.governanceId);
  for (const m of data.measurements) {
    add(m.id, 'governances', m.governanceId);
    add(m.id, 'indicators', m.indicatorId);
    add(m.id, 'persons', m.authorId);
    add(m.id, 'territories', refKey(m.territory));
  }
  return refs;
}

function keysOf(data: DemoDataset, kind: keyof DemoDataset): Set<string> {
  if (kind === 'territories') return new Set(data.territories.map(refKey));
  return new Set(data[kind].map((item) => item.id));
}

const today = localDate(DEFAULT_DEMO_NOW, 'Europe/Paris');
const open = (m: { status: string }) => m.status === 'a_venir' || m.status === 'reporte';
const milestonesOf = (governanceId: string) =>
  demo.milestones.filter((m) => m.governanceId === governanceId);
const actionsOf = (roadmapId: string) => demo.actions.filter((a) => a.roadmapId === roadmapId);

describe('buildDemoDataset', () => {
  it('points every reference to an entity of the dataset', () => {
    const dangling = references(demo).filter(([, kind, id]) => !keysOf(demo, kind).has(id));
    expect(dangling).toEqual([]);
  });

  it('keeps every link inside one governance', () => {
    const roadmaps = byId(demo.roadmaps);
    const actions = byId(demo.actions);
    const bodies = byId(demo.bodies);
    for (const action of demo.actions) {
      const roadmap = roadmaps.get(action.roadmapId);
      expect(roadmap?.governanceId).toBe(action.governanceId);
      if (action.axisId) expect(roadmap?.axes.map((axis) => axis.id)).toContain(action.axisId);
    }
    for (const milestone of demo.milestones) {
      expect(roadmaps.get(milestone.roadmapId)?.governanceId).toBe(milestone.governanceId);
      if (milestone.actionId)
        expect(actions.get(milestone.actionId)?.roadmapId).toBe(milestone.roadmapId);
    }
    for (const line of demo.fundingLines) {
      expect(actions.get(line.actionId)?.governanceId).toBe(line.governanceId);
    }
    for (const meeting of demo.meetings) {
      expect(bodies.get(meeting.bodyId)?.governanceId).toBe(meeting.governanceId);
    }
  });

  it('keeps every funding line within the rules of a funding calendar', () => {
    // Checked on the day the demo is seeded at and on a later one (the demo moves with its day).
    for (const now of [DEFAULT_DEMO_NOW, '2027-06-01T09:00:00.000Z']) {
      const problems = buildDemoDataset({ now }).fundingLines.flatMap((line) =>
        fundingCalendarProblems(line, localDate(now, 'Europe/Paris')).map(
          (issue) => `${line.id} ${issue.path.join('.')} ${issue.message}`,
        ),
      );
      expect(problems).toEqual([]);
    }
  });

  it('gives every entity a unique id', () => {
    const ids = Object.entries(demo)
      .filter(([kind]) => kind !== 'territories')
      .flatMap(([, list]) => (list as { id: string }[]).map((item) => item.id));
    const nested = [
      ...demo.meetings.flatMap((m) => m.decisions.map((d) => d.id)),
      ...demo.roadmaps.flatMap((r) => [...r.axes, ...r.method].map((x) => x.id)),
      ...demo.territories.map((t) => t.id),
    ];
    const all = [...ids, ...nested];
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(demo.territories.map(refKey)).size).toBe(demo.territories.length);
  });

  it('holds entities that their schemas accept as they are', () => {
    const schemas = {
      territories: Territory,
      organizations: Organization,
      persons: Person,
      governances: Governance,
      bodies: Body,
      meetings: Meeting,
      roadmaps: Roadmap,
      actions: Action,
      milestones: Milestone,
      fundingLines: FundingLine,
      updates: Update,
      indicators: Indicator,
      measurements: Measurement,
    } as const;
    for (const [kind, schema] of Object.entries(schemas)) {
      for (const entity of demo[kind as keyof DemoDataset]) {
        expect(schema.parse(entity)).toEqual(entity);
      }
    }
  });

  it('builds the same dataset twice', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
    const now = '2027-03-02T15:30:00.000Z';
    expect(buildDemoDataset({ now })).toEqual(buildDemoDataset({ now }));
  });

  it('moves the live dates with now, and nothing is timestamped after it', () => {
    const later = buildDemoDataset({ now: '2026-12-01T09:00:00.000Z' });
    const due = (data: DemoDataset, id: string) =>
      data.milestones.find((m) => m.id === id)?.dueDate;
    expect(due(later, 'mil_db0601')).toBe(addDays(due(demo, 'mil_db0601') ?? '', 7));
    const instants = JSON.stringify(demo).match(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g) ?? [];
    expect(instants.length).toBeGreaterThan(50);
    expect(instants.filter((instant) => instant > DEFAULT_DEMO_NOW)).toEqual(
      // Only meetings still to come start after now.
      demo.meetings.filter((m) => m.status === 'prevue').map((m) => m.startsAt),
    );
  });

  it('shows each governance a late milestone and one due within 30 days', () => {
    for (const governanceId of [laRochelle.governance, dronneEtBelle.governance]) {
      const milestones = milestonesOf(governanceId).filter(open);
      expect(
        milestones.some((m) => m.dueDate < today),
        governanceId,
      ).toBe(true);
      expect(
        milestones.some((m) => m.dueDate >= today && m.dueDate <= addDays(today, 30)),
        governanceId,
      ).toBe(true);
    }
  });

  describe('Dronne et Belle', () => {
    const sheets = actionsOf(dronneEtBelle.roadmap).filter((a) => a.kind === 'fiche_action');

    it('has eight fiches-actions, four of them done', () => {
      expect(sheets).toHaveLength(8);
      expect(sheets.filter((a) => a.status === 'realisee')).toHaveLength(4);
    });

    it('funds the bus from four kinds of funders, all secured', () => {
      const bus = demo.actions.find((a) => a.id === dronneEtBelle.bus);
      expect(bus?.title).toMatch(/bus/i);
      const lines = demo.fundingLines.filter((f) => f.actionId === dronneEtBelle.bus);
      expect(lines).toHaveLength(4);
      expect(new Set(lines.map((f) => f.funderKind))).toEqual(
        new Set(['etat', 'fondation', 'region', 'budget_participatif']),
      );
      expect(lines.every((f) => f.status === 'accorde' || f.status === 'verse')).toBe(true);
    });

    it('keeps a fiche-projet that cannot be promoted: no dated milestone', () => {
      const project = demo.actions.find((a) => a.id === dronneEtBelle.maturingProject);
      expect(project?.kind).toBe('fiche_projet');
      expect(demo.milestones.filter((m) => m.actionId === dronneEtBelle.maturingProject)).toEqual(
        [],
      );
    });

    it('turned its project group into a steering committee that meets', () => {
      const body = demo.bodies.find((b) => b.id === dronneEtBelle.steeringCommittee);
      expect(body?.kind).toBe('comite_pilotage');
      expect(body?.kindHistory.map((change) => change.kind)).toEqual(['groupe_projet']);
      const held = demo.meetings.filter((m) => m.bodyId === body?.id && m.status === 'tenue');
      expect(held.length).toBeGreaterThanOrEqual(3);
      for (const meeting of held) {
        expect(meeting.attendance.length).toBeGreaterThan(0);
        expect(meeting.agenda.length).toBeGreaterThan(0);
      }
    });

    it('ties its adopted roadmap to the CAF’s territorial convention', () => {
      const roadmap = demo.roadmaps.find((r) => r.id === dronneEtBelle.roadmap);
      expect(roadmap?.contract).toBe('ctg');
      expect(roadmap?.adoption?.date.slice(0, 7)).toBe('2022-12');
    });
  });

  describe('La Rochelle', () => {
    it('records 200 participants in the co-construction', () => {
      const roadmap = demo.roadmaps.find((r) => r.id === laRochelle.roadmap);
      expect(roadmap?.method.some((step) => step.participants === 200)).toBe(true);
      const indicator = demo.indicators.find(
        (i) => i.governanceId === laRochelle.governance && i.code === 'participants_coconstruction',
      );
      const values = demo.measurements.filter((m) => m.indicatorId === indicator?.id);
      expect(values.map((m) => m.value)).toEqual([200]);
    });

    it('has the State’s 400 000 € for the eight advisers', () => {
      const line = demo.fundingLines.find((f) => f.id === laRochelle.stateFunding);
      expect(line).toMatchObject({
        funderKind: 'etat',
        amountCents: 40_000_000,
        governanceId: laRochelle.governance,
      });
      expect(['accorde', 'verse']).toContain(line?.status);
    });

    it('keeps a revised figure as a second revision beside the first', () => {
      const revised = demo.measurements.filter(
        (m) => m.governanceId === laRochelle.governance && m.revision === 2,
      );
      expect(revised).toHaveLength(1);
      const [second] = revised;
      const first = demo.measurements.find(
        (m) =>
          m.indicatorId === second?.indicatorId && m.period === second?.period && m.revision === 1,
      );
      expect(first?.value).not.toBe(second?.value);
      expect((first?.recordedAt ?? '') < (second?.recordedAt ?? '')).toBe(true);
    });

    it('binds its community to Discord and links members’ accounts', () => {
      const governance = demo.governances.find((g) => g.id === laRochelle.governance);
      expect(governance?.chat?.channelId).toMatch(/^\d{18}$/);
      const linked = demo.persons.filter((p) => p.chatAccounts.length > 0);
      expect(linked.length).toBeGreaterThanOrEqual(2);
      expect(governance?.roles.find((r) => r.role === 'coordinateur')?.personId).toBe(
        laRochelle.coordinator,
      );
    });
  });
});
