// The kernel's rules on the whole demo dataset. They live here, not beside the code, because the
// kernel cannot depend on its own demo: the package graph would turn in a circle.

import { escapeText } from '@maille/domain/exchange';
import { NotFoundError, ValidationError } from '@maille/domain/shared';
import { createInMemoryStore, sequentialIds } from '@maille/domain/testing';
import {
  type Actor,
  createCalendarFeed,
  exportActionsCsv,
  exportMeasurementsCsv,
  exportMilestonesCsv,
  exportOrganizationsCsv,
  readCalendarFeed,
  type UseCaseContext,
  updateMeeting,
  updateRoadmap,
} from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset, DEFAULT_DEMO_NOW, DEMO_IDS } from '../src/index.ts';

const LR = DEMO_IDS.laRochelle;
const DB = DEMO_IDS.dronneEtBelle;

/** The demo in memory, and a context acting as `actor` on it. */
function demo() {
  const store = createInMemoryStore(buildDemoDataset({ now: DEFAULT_DEMO_NOW }));
  const ids = sequentialIds();
  return (actor: Omit<Actor, 'channel'>): UseCaseContext => ({
    store,
    clock: () => DEFAULT_DEMO_NOW,
    ids,
    actor: { ...actor, channel: 'api' },
  });
}

/** The rows of a CSV text as arrays of cells (no quoted separators in the demo's columns read). */
function rowsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return csv
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

/** The token of a new feed of La Rochelle's governance. */
async function feedToken(as: ReturnType<typeof demo>): Promise<string> {
  const input = { governanceId: LR.governance, label: 'Agenda' };
  return (await createCalendarFeed(as({ instanceAdmin: true }), input)).token;
}

/** The calendar a token opens; fails the test when it opens none. */
async function calendarOf(as: ReturnType<typeof demo>, token: string) {
  const opened = await readCalendarFeed(as({}), { token });
  if (!opened) throw new Error('the token opened no calendar');
  return opened;
}

describe('readCalendarFeed', () => {
  it('gathers every milestone, meeting and funding date of the governance, and those only', async () => {
    const as = demo();
    const { governance, calendar } = await calendarOf(as, await feedToken(as));
    const dataset = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
    const uids = [...calendar.matchAll(/^UID:(.+)@maille\r$/gm)].map((m) => m[1]);
    const expected = [
      ...dataset.milestones.filter((m) => m.governanceId === LR.governance),
      ...dataset.meetings.filter((m) => m.governanceId === LR.governance),
    ].map((e) => e.id);
    // Each dated step of a funding line is an event of its own: La Rochelle's lines have a
    // decision date each, when decided, and each payment received is one more.
    for (const line of dataset.fundingLines.filter((l) => l.governanceId === LR.governance)) {
      if (line.decidedOn) expected.push(`${line.id}-decision`);
      expected.push(...line.payments.map((_, index) => `${line.id}-versement-${index + 1}`));
    }
    expect(governance?.id).toBe(LR.governance);
    expect(uids.sort()).toEqual(expected.sort());
    // Demonstration data says so in the calendar's name too.
    expect(calendar.replace(/\r\n /g, '')).toContain(
      `X-WR-CALNAME:${escapeText(governance?.name ?? '')} (démonstration)`,
    );
  });

  it('gives a new sequence to a meeting once it is cancelled', async () => {
    const as = demo();
    const coordinator = as({ personId: LR.coordinator });
    const dataset = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
    const meeting = dataset.meetings.find((m) => m.governanceId === LR.governance);
    if (!meeting) throw new Error('the demo has no meeting');
    await updateMeeting(coordinator, { id: meeting.id, patch: { status: 'annulee' } });
    const { calendar } = await calendarOf(as, await feedToken(as));
    const event = calendar.slice(calendar.indexOf(`UID:${meeting.id}@maille`));
    expect(event).toMatch(new RegExp(`^UID:.*\\r\\nSEQUENCE:${meeting.version + 1}\\r\\n`));
    expect(event.slice(0, event.indexOf('END:VEVENT'))).toContain('STATUS:CANCELLED');
  });

  it('opens nothing for a token no feed has', async () => {
    expect(await readCalendarFeed(demo()({}), { token: 'A'.repeat(43) })).toBeUndefined();
  });
});

describe('spreadsheet exports', () => {
  it('lists the actions of a roadmap with French headers, labels and euros', async () => {
    const { filename, csv } = await exportActionsCsv(demo()({ personId: LR.coordinator }), {
      roadmapId: LR.roadmap,
    });
    expect(filename).toBe(`fiches-${LR.roadmap}-${DEFAULT_DEMO_NOW.slice(0, 10)}.csv`);
    const [headers, ...rows] = rowsOf(csv);
    expect(headers?.slice(0, 5)).toEqual(['Code', 'Titre', 'Type', 'Statut', 'Priorité']);
    const dataset = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
    const actions = dataset.actions.filter((a) => a.roadmapId === LR.roadmap);
    expect(rows).toHaveLength(actions.length);
    const statuses = new Set(rows.map((r) => r[3]));
    for (const status of statuses)
      expect(['À mûrir', 'Prête', 'En cours', 'Réalisée', 'Suspendue', 'Abandonnée']).toContain(
        status,
      );
    const budget = headers?.indexOf('Budget (€)') ?? -1;
    for (const row of rows) expect(row[budget]).toMatch(/^(\d+,\d{2})?$/);
  });

  it('lists the milestones by due date, with late ones shown as such', async () => {
    const { csv } = await exportMilestonesCsv(demo()({ personId: LR.coordinator }), {
      roadmapId: LR.roadmap,
    });
    const [headers, ...rows] = rowsOf(csv);
    const due = headers?.indexOf('Échéance') ?? -1;
    const dates = rows.map((r) => r[due] as string);
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
    expect([...dates].sort()).toEqual(dates);
  });

  it('follows the roadmap’s readers: the public once published, nobody else’s', async () => {
    const as = demo();
    await updateRoadmap(as({ personId: LR.coordinator }), {
      id: LR.roadmap,
      patch: { public: false },
    });
    await expect(exportActionsCsv(as({}), { roadmapId: LR.roadmap })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      exportMilestonesCsv(as({ personId: DB.coordinator }), { roadmapId: LR.roadmap }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportActionsCsv(as({}), { roadmapId: 'gov_x' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('gives the current value of each measurement, for the governance’s readers only', async () => {
    const as = demo();
    const { csv } = await exportMeasurementsCsv(as({ personId: LR.coordinator }), {
      governanceId: LR.governance,
    });
    const [headers, ...rows] = rowsOf(csv);
    expect(headers).toContain('Période');
    const dataset = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
    const series = new Set(
      dataset.measurements
        .filter((m) => m.governanceId === LR.governance)
        .map((m) => `${m.indicatorId}|${m.period}|${m.territory.code}`),
    );
    expect(rows).toHaveLength(series.size);
    await expect(
      exportMeasurementsCsv(as({}), { governanceId: LR.governance }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps the organizations of the governance’s territory, not those of the other one', async () => {
    const { csv } = await exportOrganizationsCsv(demo()({ personId: LR.coordinator }), {
      governanceId: LR.governance,
    });
    const names = rowsOf(csv)
      .slice(1)
      .map((r) => r[0]);
    expect(names).toContain('Ville de La Rochelle');
    expect(names).toContain('Commune d’Aytré');
    const dataset = buildDemoDataset({ now: DEFAULT_DEMO_NOW });
    const dronne = dataset.organizations.filter((o) => o.territory?.code === 'ccDronneEtBelle');
    for (const o of dronne) expect(names).not.toContain(o.name);
    expect(names.some((n) => /Brantôme|Dronne/.test(n ?? ''))).toBe(false);
  });
});
