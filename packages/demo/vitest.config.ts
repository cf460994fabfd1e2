import { packageTestConfig } from '@maille/vitest-config';

export default packageTestConfig();
