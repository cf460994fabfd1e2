import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * The test settings every package shares. Besides the console output, each run writes
 * `test-results.json` (vitest's JSON reporter) so that `.ci/run` can count passed and failed
 * tests across the whole workspace.
 */
export function packageTestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  return defineConfig({
    test: {
      reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
      ...overrides,
    },
  });
}
