// The kernel's rules on the whole demo dataset. They live here, not beside the code, because the
// kernel cannot depend on its own demo: the package graph would turn in a circle.

import { PUBLIC_SCHEMAS } from '@maille/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../src/index.ts';

/** One valid example of each published entity, taken from the demo dataset. */
function samples(): [string, unknown][] {
  const demo = buildDemoDataset();
  const first = <T>(list: readonly T[]): T => {
    const item = list[0];
    if (item === undefined) throw new Error('the demo dataset should not have an empty list');
    return item;
  };
  return [
    ['territory', first(demo.territories)],
    ['organization', first(demo.organizations)],
    ['person', first(demo.persons)],
    ['governance', first(demo.governances)],
    ['body', first(demo.bodies)],
    ['meeting', first(demo.meetings)],
    ['roadmap', first(demo.roadmaps)],
    ['action', first(demo.actions)],
    ['funding-line', first(demo.fundingLines)],
    ['milestone', first(demo.milestones)],
    ['update', first(demo.updates)],
    ['indicator', first(demo.indicators)],
    ['measurement', first(demo.measurements)],
  ];
}

/** Paths to every string in a value, e.g. `['axes', 0, 'title']`. */
function stringPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringPaths(item, [...path, i]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
  }
  return [];
}

function withStringAt(
  value: unknown,
  path: (string | number)[],
  replace: (s: string) => string,
): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  node[last] = replace(node[last] as string);
  return copy;
}

describe('every published schema', () => {
  const cases = samples();

  it.each(cases)('accepts the demo %s as it is', (name, sample) => {
    expect(PUBLIC_SCHEMAS[name]?.safeParse(sample).success).toBe(true);
  });

  it.each(cases)('rejects a NUL byte anywhere in a %s', (name, sample) => {
    const schema = PUBLIC_SCHEMAS[name];
    const paths = stringPaths(sample);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.nat(), (path, at) => {
        const tampered = withStringAt(sample, path, (s) => {
          const i = at % (s.length + 1);
          return `${s.slice(0, i)}\u0000${s.slice(i)}`;
        });
        return schema?.safeParse(tampered).success === false;
      }),
      { numRuns: 200 },
    );
  });

  it.each(cases)('rejects an over-long string anywhere in a %s', (name, sample) => {
    const schema = PUBLIC_SCHEMAS[name];
    for (const path of stringPaths(sample)) {
      const tampered = withStringAt(sample, path, (s) => s + 'x'.repeat(25_000));
      expect(schema?.safeParse(tampered).success, path.join('.')).toBe(false);
    }
  });
});
