// Plain JavaScript on purpose: vitest loads its config through Node, which cannot import a
// TypeScript file from a linked workspace package.
import { defineConfig } from 'vitest/config';

/**
 * The test settings every package shares. Besides the console output, each run writes
 * `test-results.json` (vitest's JSON reporter) so that `.ci/run` can count passed and failed
 * tests across the whole workspace.
 *
 * @param {import('vitest/config').ViteUserConfig['test']} [overrides]
 * @returns {import('vitest/config').ViteUserConfig}
 */
export function packageTestConfig(overrides = {}) {
  return defineConfig({
    test: {
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...overrides,
    },
  });
}
