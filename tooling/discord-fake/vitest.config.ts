import { packageTestConfig } from '@maille/vitest-config';

// Each test starts a fake Discord and a real discord.js client; a reconnection waits 500 ms and a
// fresh identify up to 5 s (discord.js's own throttle), so the defaults of 5 s are too short on a
// loaded 2-core machine.
export default packageTestConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
