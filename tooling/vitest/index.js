// Plain JavaScript on purpose: vitest loads its config through Node, which cannot import a
// TypeScript file from a linked workspace package.
import { defineConfig } from 'vitest/config';

/**
 * The test settings every package shares. Besides the console output, each run writes
 * `test-results.json` (vitest's JSON reporter) so that `.ci/run` can count passed and failed
 * tests across the whole workspace. A run on another dialect than SQLite
 * (`MAILLE_TEST_DIALECT=postgres`) writes `test-results.postgres.json` instead: the two runs of a
 * package's suite then leave two reports side by side, and the counter knows the second one ran
 * on PostgreSQL.
 *
 * @param {import('vitest/config').ViteUserConfig['test']} [overrides]
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function packageTestConfig(overrides = {}) {
  const dialect = process.env.MAILLE_TEST_DIALECT;
  const outputFile =
    dialect && dialect !== 'sqlite' ? `test-results.${dialect}.json` : 'test-results.json';
  return defineConfig({
    test: {
      reporters: ['default', ['json', { outputFile }]],
      ...overrides,
    },
  });
}
