import { packageTestConfig } from '@maille/vitest-config';

// The API tests open a real SQLite file and seed the demo: on a 2-core machine running several
// test files at once, a request can wait its turn well past vitest's default 5 s.
export default packageTestConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
