import { packageTestConfig } from '@maille/vitest-config';

// Storage tests talk to real databases and start child processes: on a 2-core machine running
// several test files at once, a query can wait its turn well past vitest's default 5 s.
export default packageTestConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
