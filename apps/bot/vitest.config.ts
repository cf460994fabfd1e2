import { packageTestConfig } from '@maille/vitest-config';

// The conversation tests open a real database and seed the demo: on a 2-core machine running
// several test files at once, a hook can wait its turn past vitest's default 5 s.
export default packageTestConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
