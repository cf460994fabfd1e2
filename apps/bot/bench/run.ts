import { writeBenchSection } from '@maille/bench';
import { DIALECTS } from '@maille/db/testing';
import { benchDiscord } from './discord.ts';
import { benchDispatcher } from './dispatcher.ts';
import { benchEmail } from './email.ts';

// The bot's figures written to docs/benchmarks.md: the dispatcher alone to a sender with no
// latency (each dialect), the same by e-mail to a local SMTP server (SQLite), then the bot's own process against the fake Discord on loopback
// (acknowledgement latency, throughput through discord.js's REST, memory).
const rows = [];
for (const dialect of DIALECTS) rows.push(await benchDispatcher(dialect));
rows.push(await benchEmail());
rows.push(...(await benchDiscord()));
writeBenchSection(
  'bot-dispatcher',
  'Bot et répartiteur des rappels (@maille/bot)',
  'pnpm bench',
  rows,
);
