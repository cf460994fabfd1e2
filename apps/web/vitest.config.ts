import { packageTestConfig } from '@maille/vitest-config';

// The page tests open a real database seeded with the demo, and drive a real Chromium.
export default packageTestConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
