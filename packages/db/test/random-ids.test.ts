import { idOf } from '@maille/domain';
import { describe, expect, it } from 'vitest';
import { randomIds } from '../src/random-ids.ts';

describe('random ids', () => {
  it('follow the kernel’s format and do not repeat', () => {
    const ids = randomIds();
    const made = Array.from({ length: 1000 }, () => ids('governance'));
    for (const id of made.slice(0, 20)) {
      expect(id).toMatch(/^gov_[0-9A-Za-z]{16}$/);
      expect(idOf('governance').safeParse(id).success).toBe(true);
    }
    expect(new Set(made).size).toBe(made.length);
    expect(ids('auditEvent')).toMatch(/^aud_/);
  });
});
