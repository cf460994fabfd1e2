import { type BenchRow, formatMs, measureAsync } from '@maille/bench';
import { buildDemoDataset } from '@maille/demo';
import type { Governance, Milestone, Roadmap } from '@maille/domain';
import { createStore, type DialectName } from '../src/index.ts';
import { openTestDatabase } from '../test/dialects.ts';

/**
 * The late milestones of one governance among 100 000 milestones of 1 250 governances (every EPCI
 * and département of France, roughly, with 80 milestones each): what the bot and the dashboard
 * ask most. Data is stored once through the repositories; only `listOpenDueBefore`, in its own store
 * transaction as a use case would run it, is measured, on a different governance each run.
 */

const GOVERNANCES = 1_250;
const PER_GOVERNANCE = 80;
const TODAY = '2026-01-15';
const AT = '2025-01-01T08:00:00.000Z';
const STATUSES = ['a_venir', 'a_venir', 'reporte', 'atteint', 'a_venir', 'annule'] as const;

const governanceId = (g: number) => `gov_b${String(g).padStart(6, '0')}`;
const meta = { createdAt: AT, updatedAt: AT, version: 1 };

// Valid entities of the demo, under other ids: only milestones are read.
const demo = buildDemoDataset();

function governance(g: number): Governance {
  return { ...(demo.governances[0] as Governance), id: governanceId(g) };
}

function roadmap(g: number): Roadmap {
  return {
    ...(demo.roadmaps[0] as Roadmap),
    id: `rdm_b${String(g).padStart(6, '0')}`,
    governanceId: governanceId(g),
  };
}

function milestone(g: number, k: number): Milestone {
  const status = STATUSES[(g + k) % STATUSES.length] ?? 'a_venir';
  const due = new Date(Date.parse('2025-01-01') + ((g * 7 + k * 11) % 730) * 86_400_000);
  const dueDate = due.toISOString().slice(0, 10);
  return {
    id: `mil_b${String(g).padStart(6, '0')}m${String(k).padStart(3, '0')}`,
    roadmapId: roadmap(g).id,
    governanceId: governanceId(g),
    title: `Jalon ${k}`,
    dueDate,
    weight: 1,
    status,
    ...(status === 'atteint' ? { completedOn: dueDate } : {}),
    reschedules: [],
    ...meta,
  };
}

export async function benchMilestones(dialect: DialectName): Promise<BenchRow[]> {
  const test = await openTestDatabase(dialect);
  try {
    const store = createStore(test.database);
    await store.transaction(async (repos) => {
      for (let g = 0; g < GOVERNANCES; g++) {
        await repos.governances.insert(governance(g));
        await repos.roadmaps.insert(roadmap(g));
        for (let k = 0; k < PER_GOVERNANCE; k++) await repos.milestones.insert(milestone(g, k));
      }
    });
    let found = 0;
    const timing = await measureAsync(
      async (run) => {
        const late = await store.transaction((repos) =>
          repos.milestones.listOpenDueBefore(governanceId((run * 37) % GOVERNANCES), TODAY),
        );
        found += late.length;
      },
      { runs: 301, warmup: 20 },
    );
    if (found === 0) throw new Error('the benchmark data should have late milestones');
    const target = dialect === 'sqlite' ? 2 : Number.POSITIVE_INFINITY;
    return [
      {
        what: `Jalons en retard d’une gouvernance parmi 100 000 jalons de 1 250 gouvernances (${label(dialect)}, médiane)`,
        result: formatMs(timing.medianMs),
        target: dialect === 'sqlite' ? '< 2 ms' : 'mesuré',
        met: timing.medianMs < target,
      },
    ];
  } finally {
    await test.drop();
  }
}

export function label(dialect: DialectName): string {
  return dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}
