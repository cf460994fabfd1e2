import { writeBenchSection } from '@maille/bench';
import { benchIndicators } from './indicators.ts';
import { benchReminders } from './reminders.ts';
import { benchRoadmap } from './roadmap.ts';

// The kernel's figures, written to docs/benchmarks.md. Each benchmark builds its data first and
// times only the rule itself.
writeBenchSection('domain', 'Noyau métier (@maille/domain)', 'pnpm bench', [
  ...benchReminders(),
  ...benchIndicators(),
  ...benchRoadmap(),
]);
