import { DEMO_IDS } from '@maille/demo';
import { createIndicator, recordMeasurement } from '@maille/domain/use-cases';
import { describe, expect, it } from 'vitest';
import { suiteApi } from './harness.ts';
import { bearer, expectProblem } from './requests.ts';

const LR = DEMO_IDS.laRochelle;
/** La Rochelle's quarterly indicator: support actions, target 330 per quarter. */
const LR_ACTIONS = 'ind_lractions';

const api = suiteApi();

async function getJson<T>(path: string, token: string): Promise<T> {
  const response = await api.app.request(path, { headers: bearer(token) });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

interface Dashboard {
  today: string;
  upcomingDays: number;
  lateMilestones: {
    title: string;
    daysLate: number;
    dueDate: string;
    owner: { id: string; name: string } | null;
    action: { id: string; code: string; title: string } | null;
    roadmap: { id: string; title: string };
  }[];
  upcomingMilestones: { title: string; daysUntil: number }[];
  recentUpdates: { createdAt: string; subject: { type: string; title: string } }[];
  indicators: {
    indicator: { id: string; code: string };
    period: string;
    value: number | null;
    target: number | null;
    gap: number | null;
    provisional: boolean;
    attainment: { status: string };
  }[];
  funding: {
    total: { budgetCents: number; securedCents: number; summary: string };
    byRoadmap: { roadmap: { id: string }; budgetCents: number; securedCents: number }[];
  };
  roadmaps: {
    roadmap: { id: string };
    lateMilestoneCount: number;
    progress: { progress: number };
  }[];
}

describe('GET /governances/{governanceId}/dashboard', () => {
  const path = `/governances/${LR.governance}/dashboard`;

  it('gives the api.keys.coordinator late and upcoming milestones, with action and owner names', async () => {
    const body = await getJson<Dashboard>(path, api.keys.coordinator);
    expect(body.today).toBe('2026-11-24');
    expect(body.upcomingDays).toBe(30);
    expect(body.lateMilestones.length).toBeGreaterThan(0);
    const days = body.lateMilestones.map((m) => m.daysLate);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    for (const milestone of body.lateMilestones) {
      expect(milestone.dueDate < body.today).toBe(true);
      expect(milestone.roadmap.id).toBe(LR.roadmap);
    }
    const owned = body.lateMilestones.find((m) => m.owner !== null);
    expect(owned?.owner?.name).toMatch(/\S/);
    expect(body.lateMilestones.some((m) => m.action?.title)).toBe(true);
    expect(body.upcomingMilestones.every((m) => m.daysUntil >= 0 && m.daysUntil <= 30)).toBe(true);
    const [summary] = body.roadmaps;
    expect(summary?.lateMilestoneCount).toBe(body.lateMilestones.length);
  });

  it('looks as many days ahead as asked with ?upcomingDays=', async () => {
    const week = await getJson<Dashboard>(`${path}?upcomingDays=7`, api.keys.coordinator);
    const year = await getJson<Dashboard>(`${path}?upcomingDays=366`, api.keys.coordinator);
    expect(week.upcomingDays).toBe(7);
    expect(week.upcomingMilestones.every((m) => m.daysUntil <= 7)).toBe(true);
    expect(year.upcomingMilestones.length).toBeGreaterThan(week.upcomingMilestones.length);
  });

  it('lists the latest updates first, as many as asked, with their subject’s title', async () => {
    const body = await getJson<Dashboard>(`${path}?recentUpdates=3`, api.keys.observer);
    expect(body.recentUpdates).toHaveLength(3);
    const instants = body.recentUpdates.map((u) => u.createdAt);
    expect(instants).toEqual([...instants].sort().reverse());
    expect(body.recentUpdates.every((u) => u.subject.title.length > 0)).toBe(true);
  });

  it('judges the indicators on the last complete quarter against their target', async () => {
    const body = await getJson<Dashboard>(path, api.keys.coordinator);
    // The current quarter (2026-T4) has no value yet: 2026-T3's provisional 341 against 330.
    expect(body.indicators.find((i) => i.indicator.id === LR_ACTIONS)).toMatchObject({
      period: '2026-T3',
      value: 341,
      target: 330,
      gap: 11,
      provisional: true,
      attainment: { status: 'atteint' },
    });
  });

  it('sums funding secured against budget in integer cents, by roadmap and in total', async () => {
    const { funding } = await getJson<Dashboard>(path, api.keys.coordinator);
    expect(funding.byRoadmap.map((f) => f.roadmap.id)).toEqual([LR.roadmap]);
    expect(funding.total.securedCents).toBe(funding.byRoadmap[0]?.securedCents);
    expect(funding.total.budgetCents).toBe(funding.byRoadmap[0]?.budgetCents);
    expect(Number.isInteger(funding.total.securedCents)).toBe(true);
    // The State's 400 000 € for the eight advisers is granted.
    expect(funding.total.securedCents).toBeGreaterThanOrEqual(40_000_000);
    expect(funding.total.summary).toMatch(/€ obtenus sur .*€$/);
  });

  it('refuses ?upcomingDays= out of 1–366 with the pointer of the parameter', async () => {
    for (const days of ['0', '367', 'trente']) {
      const body = await expectProblem(
        await api.app.request(`${path}?upcomingDays=${days}`, {
          headers: bearer(api.keys.coordinator),
        }),
        400,
        'validation',
      );
      expect(body.errors?.map((e) => e.path)).toEqual(['/upcomingDays']);
    }
  });

  it('answers 401 to a bad key and 404 to another governance or the public', async () => {
    await expectProblem(
      await api.app.request(path, { headers: bearer('mai_inconnue.secret') }),
      401,
      'non-authentifie',
    );
    const other = await expectProblem(
      await api.app.request(path, { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
    expect(other.detail).toMatch(/introuvable/i);
    await expectProblem(await api.app.request(path), 404, 'introuvable');
    await expectProblem(
      await api.app.request('/governances/gov_inexistante/dashboard', {
        headers: bearer(api.keys.coordinator),
      }),
      404,
      'introuvable',
    );
  });
});

interface Series {
  level: string;
  entryLevel: string | null;
  periods: {
    period: string;
    label: string;
    target: number | null;
    points: {
      territory: { level: string; code: string; name: string | null };
      value: number;
      source: string;
      contributors: number;
      expected: number;
      partial: boolean;
      provisional: boolean;
    }[];
  }[];
}

describe('GET /indicators/{indicatorId}/series', () => {
  const path = `/indicators/${LR_ACTIONS}/series`;

  it('gives the governance’s own values per quarter, the latest revision counting', async () => {
    const body = await getJson<Series>(path, api.keys.observer);
    expect(body.level).toBe('epci');
    expect(
      body.periods.map((p) => [p.period, p.target, p.points.map((x) => [x.value, x.source])]),
    ).toEqual([
      ['2025-T4', 330, [[312, 'mesure']]],
      ['2026-T1', 330, [[298, 'mesure']]],
      ['2026-T2', 330, [[365, 'mesure']]],
      ['2026-T3', 330, [[341, 'mesure']]],
    ]);
    expect(body.periods[0]?.label).toBe('4e trimestre 2025');
    expect(body.periods[3]?.points[0]).toMatchObject({
      territory: { level: 'epci', code: '241700434', name: expect.stringMatching(/Rochelle/) },
      provisional: true,
    });
  });

  it('rolls up to the region, showing that one EPCI of two reported', async () => {
    const body = await getJson<Series>(
      `${path}?level=region&from=2026&to=2026-T2`,
      api.keys.coordinator,
    );
    expect(body.periods.map((p) => p.period)).toEqual(['2026-T1', '2026-T2']);
    expect(body.periods[1]?.points).toEqual([
      {
        territory: { level: 'region', code: '75', name: 'Nouvelle-Aquitaine' },
        value: 365,
        source: 'consolidation',
        contributors: 1,
        expected: 2,
        partial: true,
        provisional: false,
      },
    ]);
  });

  it('rolls communes up to the EPCI and says when some have not reported', async () => {
    const kernel = api.kernel({ personId: LR.coordinator });
    const indicator = await createIndicator(kernel, {
      governanceId: LR.governance,
      code: 'ateliers_communes',
      label: 'Ateliers par commune',
      unit: 'nombre',
      method: { type: 'saisie' },
      timeAggregation: 'somme',
      territoryRollup: 'somme',
      periodicity: 'annuelle',
    });
    for (const [code, value] of [
      ['17300', 40],
      ['17028', 12],
    ] as const) {
      await recordMeasurement(kernel, {
        indicatorId: indicator.id,
        territory: { level: 'commune', code },
        period: '2025',
        value,
        status: 'valide',
      });
    }
    const body = await getJson<Series>(`/indicators/${indicator.id}/series`, api.keys.coordinator);
    expect(body.entryLevel).toBe('commune');
    expect(body.periods).toEqual([
      {
        period: '2025',
        label: '2025',
        target: null,
        points: [
          {
            territory: { level: 'epci', code: '241700434', name: expect.any(String) },
            value: 52,
            source: 'consolidation',
            contributors: 2,
            expected: 4,
            partial: true,
            provisional: false,
          },
        ],
      },
    ]);
  });

  it('sums the quarters of a year with ?periodicity=annuelle', async () => {
    const body = await getJson<Series & { periodicity: string }>(
      `${path}?periodicity=annuelle`,
      api.keys.coordinator,
    );
    expect(body.periodicity).toBe('annuelle');
    // 2025-T4 alone for 2025; 298 + 365 + 341 for 2026, 341 still provisional.
    expect(
      body.periods.map((p) => [p.period, p.points.map((x) => [x.value, x.provisional])]),
    ).toEqual([
      ['2025', [[312, false]]],
      ['2026', [[1004, true]]],
    ]);
  });

  it('refuses a malformed period, an unknown level, bounds in the wrong order or a finer periodicity', async () => {
    const cases: [string, string][] = [
      ['?from=2026-T5', '/from'],
      ['?level=canton', '/level'],
      ['?from=2026&to=2025-T4', '/to'],
      ['?periodicity=mensuelle', '/periodicity'],
      ['?periodicity=hebdomadaire', '/periodicity'],
    ];
    for (const [query, pointer] of cases) {
      const body = await expectProblem(
        await api.app.request(`${path}${query}`, { headers: bearer(api.keys.coordinator) }),
        400,
        'validation',
      );
      expect(body.errors?.map((e) => e.path)).toEqual([pointer]);
    }
  });

  it('answers 401 to a bad key and 404 to another governance or an unknown indicator', async () => {
    await expectProblem(
      await api.app.request(path, { headers: bearer('mai_inconnue.secret') }),
      401,
      'non-authentifie',
    );
    await expectProblem(
      await api.app.request(path, { headers: bearer(api.keys.outsider) }),
      404,
      'introuvable',
    );
    await expectProblem(await api.app.request(path), 404, 'introuvable');
    await expectProblem(
      await api.app.request('/indicators/ind_inexistant/series', {
        headers: bearer(api.keys.coordinator),
      }),
      404,
      'introuvable',
    );
  });
});
