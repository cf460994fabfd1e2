import { createRequire } from 'node:module';
import { DEMO_IDS, DEMO_TERRITORIES, seedDemo } from '@maille/demo';
import {
  communeOfOrganization,
  computeIndicator,
  type Indicator,
  type OfficialDirectory,
} from '@maille/domain';
import {
  getGovernanceDashboard,
  getIndicatorSeries,
  installDefaultIndicators,
  loadTerritoryDirectory,
} from '@maille/domain/use-cases';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../src/index.ts';
import { DIALECTS, kernelAt, openTestDatabase, type TestDatabase } from './dialects.ts';

// The computed indicators of the default referential (places, communes covered, mediators…)
// get their values from the data on the dashboard and the series, on both databases; each value
// is the one the kernel's rule gives over everything the instance holds, filtered by hand.

const require = createRequire(import.meta.url);
const data = (file: string) => require(`@etalab/decoupage-administratif/data/${file}.json`);
const NOW = '2026-12-06T09:00:00.000Z';
const KEPT = new Set(['17', '24']);
const communes = (data('communes') as OfficialDirectory['communes']).filter((c) =>
  KEPT.has(c.departement ?? ''),
);
const codes = new Set(communes.map((c) => c.code));
const directory: OfficialDirectory = {
  communes,
  epci: (data('epci') as OfficialDirectory['epci']).filter((e) =>
    e.membres.some((m) => codes.has(m.code)),
  ),
  departements: data('departements'),
  regions: data('regions'),
};
const { governance: laRochelle } = DEMO_IDS.laRochelle;

describe.each(DIALECTS)('computed indicators, on %s', (dialect) => {
  let test: TestDatabase;
  let indicators: Indicator[];

  beforeAll(async () => {
    test = await openTestDatabase(dialect);
    await seedDemo(createStore(test.database), NOW);
    await loadTerritoryDirectory(kernelAt(test.database, NOW), { edition: 'test', directory });
    await installDefaultIndicators(kernelAt(test.database, NOW), { governanceId: laRochelle });
    indicators = await createStore(test.database).transaction((repos) =>
      repos.indicators.listByGovernance(laRochelle),
    );
  });
  afterAll(() => test.drop());

  it('fills every computed indicator of the dashboard that has data, as the rule counts it', async () => {
    const dashboard = await getGovernanceDashboard(kernelAt(test.database, NOW), {
      governanceId: laRochelle,
    });
    // What the rules give over the whole instance, the perimeter picked out by hand.
    const everything = await createStore(test.database).transaction(async (repos) => {
      const territories = await repos.territories.list();
      const perimeter = territories.filter(
        (t) =>
          t.level === 'commune' &&
          t.parents.some(
            (p) => p.level === 'epci' && p.code === DEMO_TERRITORIES.cdaLaRochelle.code,
          ),
      );
      const inside = new Set(perimeter.map((t) => t.code));
      const governance = await repos.governances.get(laRochelle);
      const bodies = await repos.bodies.listByGovernance(laRochelle);
      const actions = await repos.actions.listByGovernance(laRochelle);
      const named = new Set(
        actions.flatMap((a) => [...a.leadOrganizationIds, ...a.partnerOrganizationIds]),
      );
      const members = new Set([
        ...(governance?.roles ?? []).map((r) => r.personId),
        ...bodies.flatMap((b) => b.members.map((m) => m.personId)),
      ]);
      return {
        governance: governance as NonNullable<typeof governance>,
        organizations: (await repos.organizations.list()).filter(
          (o) => inside.has(communeOfOrganization(o) ?? '') || named.has(o.id),
        ),
        persons: (await repos.persons.getMany([...members])).filter(Boolean),
        communes: perimeter,
        meetings: await repos.meetings.listByGovernance(laRochelle),
        actions,
        fundingLines: await repos.fundingLines.listByGovernance(laRochelle),
      };
    });
    const computed = dashboard.indicators.filter((s) => s.indicator.method === 'calcul');
    expect(computed.length).toBeGreaterThanOrEqual(6);
    for (const standing of computed) {
      const indicator = indicators.find((i) => i.id === standing.indicator.id);
      if (indicator?.method.type !== 'calcul') throw new Error('a computed indicator');
      const expected = computeIndicator(indicator.method.rule, everything, standing.period);
      expect({ code: standing.indicator.code, value: standing.value }).toEqual({
        code: standing.indicator.code,
        value: expected,
      });
    }
    const ruleOf = (id: string) => {
      const method = indicators.find((i) => i.id === id)?.method;
      return method?.type === 'calcul' ? method.rule : undefined;
    };
    const byRule = (rule: string) => computed.find((s) => ruleOf(s.indicator.id) === rule);
    // The demo's actors and committee are there: the counts are not empty.
    expect(byRule('acteurs_recenses')?.value).toBeGreaterThan(0);
    expect(byRule('communes_couvertes')?.value).toBeGreaterThan(0);
    expect(byRule('communes_couvertes')?.value).toBeLessThan(100);
  });

  it('gives a computed indicator’s series its values', async () => {
    const places = indicators.find(
      (i) => i.method.type === 'calcul' && i.method.rule === 'acteurs_recenses',
    );
    if (!places) throw new Error('the default referential counts the actors');
    const series = await getIndicatorSeries(kernelAt(test.database, NOW), {
      indicatorId: places.id,
    });
    const points = series.periods.flatMap((p) => p.points);
    expect(points.length).toBeGreaterThan(0);
    expect(points.at(-1)?.value).toBeGreaterThan(0);
  });
});
