import { idOf } from '@maille/domain';
import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from '../src/ids.ts';

describe('ids', () => {
  it('follow the kernel’s format and do not repeat', () => {
    const ids = timeOrderedIds();
    const made = Array.from({ length: 1000 }, () => ids('governance'));
    for (const id of made.slice(0, 20)) {
      expect(id).toMatch(/^gov_[0-9A-Za-z]{20}$/);
      expect(idOf('governance').safeParse(id).success).toBe(true);
    }
    expect(new Set(made).size).toBe(made.length);
    expect(ids('auditEvent')).toMatch(/^aud_/);
  });

  it('sort in the order they were made, a millisecond apart or more (SQLite compares bytes)', () => {
    let now = Date.parse('2026-12-05T10:00:00.000Z');
    const ids = timeOrderedIds(() => now);
    const made: string[] = [];
    for (const step of [0, 1, 61, 62, 999, 86_400_000, 3_844]) {
      now += step;
      made.push(ids('update'));
    }
    expect([...made].sort()).toEqual(made);
  });

  it('keep most of their length random: two made the same millisecond differ', () => {
    const ids = timeOrderedIds(() => 1_764_929_000_000);
    const a = ids('person');
    const b = ids('person');
    expect(a.slice(0, 12)).toBe(b.slice(0, 12));
    expect(a).not.toBe(b);
  });
});
