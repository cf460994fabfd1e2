import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from './plural.ts';

describe('plural', () => {
  it('keeps the singular for 0 and 1, as French does', () => {
    expect(plural(0, 'jalon', 'jalons')).toBe('0 jalon');
    expect(plural(1, 'jalon', 'jalons')).toBe('1 jalon');
    expect(plural(1.5, 'jour', 'jours')).toBe('1.5 jour');
  });

  it('takes the plural from 2 on', () => {
    expect(plural(2, 'jalon', 'jalons')).toBe('2 jalons');
    expect(pluralWord(12, 'fiche', 'fiches')).toBe('fiches');
  });
});
