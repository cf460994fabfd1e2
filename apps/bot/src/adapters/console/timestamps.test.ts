import { describe, expect, it } from 'vitest';
import { renderTimestamps } from './timestamps.ts';

// 2026-11-24, the day the test demo is seeded.
const NOW = '2026-11-24T09:00:00.000Z';

describe('timestamps in a terminal', () => {
  it('shows Discord timestamps in the governance’s zone, across the clock change', () => {
    const now = new Date(NOW);
    // 10:00 UTC on 25 October 2026, the morning summer time ended: 11:00 in Paris (UTC+1).
    expect(renderTimestamps('<t:1792922400:t>', 'Europe/Paris', now)).toBe('11:00');
    expect(renderTimestamps('<t:1792922400:t>', 'America/Cayenne', now)).toBe('07:00');
    expect(renderTimestamps('le <t:1792922400:D>', 'Europe/Paris', now)).toBe('le 25 octobre 2026');
    expect(
      renderTimestamps('<t:1764324000:R>', 'Europe/Paris', new Date('2025-11-25T10:00:00Z')),
    ).toBe('dans 3 jours');
  });
});
