import { packageTestConfig } from '@maille/vitest-config';

// The conversation tests open a real database and seed the demo, and the end-to-end tests start
// processes: on a 2-core machine running every package's suite at once, a step can wait its turn
// far past vitest's default 5 s (see PATIENCE_MS in test/processes.ts).
export default packageTestConfig({
  testTimeout: 180_000,
  hookTimeout: 60_000,
  globalSetup: ['test/bundle.ts'],
});
