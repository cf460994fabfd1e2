import { writeBenchSection } from '@maille/bench';
import { DIALECTS } from '@maille/db/testing';
import { benchDispatcher } from './dispatcher.ts';

// The bot's figures written to docs/benchmarks.md. The dispatcher's throughput through the fake
// Discord, the interaction latency and the process's memory are measured end to end elsewhere.
const rows = [];
for (const dialect of DIALECTS) rows.push(await benchDispatcher(dialect));
writeBenchSection('bot-dispatcher', 'Répartiteur des rappels (@maille/bot)', 'pnpm bench', rows);
