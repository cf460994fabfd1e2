import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  formatDate,
  Instant,
  IsoDate,
  isoWeekday,
  localDate,
  TimeZone,
  toInstant,
  toLocal,
} from './time.ts';

describe('calendar dates and instants', () => {
  it('accepts real dates only', () => {
    expect(IsoDate.safeParse('2024-02-29').success).toBe(true);
    expect(IsoDate.safeParse('2023-02-29').success).toBe(false);
    expect(IsoDate.safeParse('2024-04-31').success).toBe(false);
    expect(IsoDate.safeParse('14/07/2024').success).toBe(false);
  });

  it('normalises instants to UTC', () => {
    expect(Instant.parse('2024-05-14T10:00:00+02:00')).toBe('2024-05-14T08:00:00.000Z');
  });

  it('knows time zones', () => {
    expect(TimeZone.safeParse('America/Cayenne').success).toBe(true);
    expect(TimeZone.safeParse('Europe/Lutece').success).toBe(false);
  });

  it('counts days across months, years and clock changes', () => {
    expect(addDays('2024-03-30', 2)).toBe('2024-04-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    expect(daysBetween('2024-03-30', '2024-04-02')).toBe(3);
    expect(isoWeekday('2024-07-14')).toBe(7);
  });
});

describe('wall clock in a time zone', () => {
  it('puts 09:00 in Paris at 08:00Z in winter and 07:00Z in summer', () => {
    expect(toInstant('2024-03-29', '09:00', 'Europe/Paris')).toBe('2024-03-29T08:00:00.000Z');
    expect(toInstant('2024-04-02', '09:00', 'Europe/Paris')).toBe('2024-04-02T07:00:00.000Z');
    expect(toInstant('2024-10-28', '09:00', 'Europe/Paris')).toBe('2024-10-28T08:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward, and takes the first of a repeated one', () => {
    expect(toInstant('2024-03-31', '02:30', 'Europe/Paris')).toBe('2024-03-31T01:30:00.000Z'); // 03:30 CEST
    expect(toInstant('2024-10-27', '02:30', 'Europe/Paris')).toBe('2024-10-27T00:30:00.000Z'); // first 02:30
  });

  it('reads the local date of an instant, around midnight and overseas', () => {
    expect(localDate('2024-03-31T21:59:00Z', 'Europe/Paris')).toBe('2024-03-31');
    expect(localDate('2024-03-31T22:00:00Z', 'Europe/Paris')).toBe('2024-04-01');
    expect(toLocal('2024-05-14T03:00:00Z', 'America/Cayenne')).toEqual({
      date: '2024-05-14',
      hour: 0,
      minute: 0,
    });
    expect(toLocal('2024-05-14T20:30:00Z', 'Indian/Reunion')).toEqual({
      date: '2024-05-15',
      hour: 0,
      minute: 30,
    });
  });
});

describe('a date as French readers write it', () => {
  it('writes the first of a month « 1er », the other days as numbers', () => {
    expect(formatDate('2027-04-01')).toBe('1er avril 2027');
    expect(formatDate('2027-04-11')).toBe('11 avril 2027');
    expect(formatDate('2026-11-24T23:30:00.000Z')).toBe('24 novembre 2026');
    expect(formatDate('2026-12-01')).toBe('1er décembre 2026');
  });
});
