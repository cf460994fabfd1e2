import { describe, expect, it } from 'vitest';
import {
  easterSunday,
  frenchPublicHolidays,
  isFrenchPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
} from './holidays.ts';

describe('easterSunday', () => {
  it.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('finds Easter %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses a year that is not a Gregorian year, in French', () => {
    expect(() => easterSunday(1500)).toThrow(/Année invalide/);
    expect(() => easterSunday(2024.5)).toThrow(/Année invalide/);
  });
});

describe('frenchPublicHolidays', () => {
  it('lists the eleven holidays of 2024 with their French names', () => {
    expect(frenchPublicHolidays(2024)).toEqual([
      { date: '2024-01-01', label: 'Jour de l’an' },
      { date: '2024-04-01', label: 'Lundi de Pâques' },
      { date: '2024-05-01', label: 'Fête du Travail' },
      { date: '2024-05-08', label: 'Victoire 1945' },
      { date: '2024-05-09', label: 'Ascension' },
      { date: '2024-05-20', label: 'Lundi de Pentecôte' },
      { date: '2024-07-14', label: 'Fête nationale' },
      { date: '2024-08-15', label: 'Assomption' },
      { date: '2024-11-01', label: 'Toussaint' },
      { date: '2024-11-11', label: 'Armistice 1918' },
      { date: '2024-12-25', label: 'Noël' },
    ]);
  });

  it('places the movable holidays of 2025 after Easter on 20 April', () => {
    const movable = frenchPublicHolidays(2025).filter((h) =>
      ['Lundi de Pâques', 'Ascension', 'Lundi de Pentecôte'].includes(h.label),
    );
    expect(movable.map((h) => h.date)).toEqual(['2025-04-21', '2025-05-29', '2025-06-09']);
  });

  it('keeps both names when Ascension falls on 1 May (2008)', () => {
    const firstMay = frenchPublicHolidays(2008).filter((h) => h.date === '2008-05-01');
    expect(firstMay.map((h) => h.label)).toEqual(['Fête du Travail', 'Ascension']);
  });

  it('computes a year once and hands out a frozen list', () => {
    const list = frenchPublicHolidays(2031);
    expect(frenchPublicHolidays(2031)).toBe(list);
    expect(Object.isFrozen(list)).toBe(true);
  });
});

describe('working days', () => {
  it('knows the holidays of the May 2024 bridges', () => {
    expect(isFrenchPublicHoliday('2024-05-08')).toBe(true);
    expect(isFrenchPublicHoliday('2024-05-09')).toBe(true);
    expect(isFrenchPublicHoliday('2024-05-10')).toBe(false);
    expect(isWorkingDay('2024-05-10')).toBe(true);
  });

  it('treats weekends and holidays as days off', () => {
    expect(isWorkingDay('2024-05-18')).toBe(false); // Saturday
    expect(isWorkingDay('2024-05-19')).toBe(false); // Sunday
    expect(isWorkingDay('2024-05-20')).toBe(false); // Whit Monday
    expect(isWorkingDay('2024-05-21')).toBe(true);
    expect(isWorkingDay('2025-07-14')).toBe(false); // Fête nationale, a Monday
  });

  it('finds the next and previous working days across long weekends', () => {
    expect(nextWorkingDay('2024-05-18')).toBe('2024-05-21');
    expect(previousWorkingDay('2024-05-09')).toBe('2024-05-07');
    expect(previousWorkingDay('2025-07-14')).toBe('2025-07-11');
    expect(nextWorkingDay('2024-12-31')).toBe('2024-12-31');
    expect(nextWorkingDay('2025-01-01')).toBe('2025-01-02');
  });
});
