import { writeBenchSection } from '@maille/bench';
import { DIALECTS } from '../test/dialects.ts';
import { benchDeliveries } from './deliveries.ts';
import { benchMilestones } from './milestones.ts';
import { benchPlaces } from './places.ts';

// The storage's figures, for both dialects, written to docs/benchmarks.md. PostgreSQL is this
// machine's server (TEST_DATABASE_URL to use another): a missing server fails the run.
const rows = [];
for (const dialect of DIALECTS) {
  rows.push(...(await benchMilestones(dialect)));
  rows.push(...(await benchDeliveries(dialect)));
  rows.push(...(await benchPlaces(dialect)));
}
writeBenchSection('db', 'Stockage (@maille/db)', 'pnpm bench', rows);
