import { describe, expect, it } from 'vitest';
import { Meeting } from '../governance/meeting.ts';
import { Milestone } from '../roadmap/milestone.ts';
import { type CalendarSource, escapeText, foldLine, renderCalendar } from './calendar.ts';

const NOW = '2026-11-24T09:00:00.000Z';
const META = { createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-03-01T08:15:00.000Z' };

function milestone(fields: Partial<Milestone> = {}): Milestone {
  return Milestone.parse({
    id: 'mil_test001',
    governanceId: 'gov_test001',
    roadmapId: 'rdm_test001',
    actionId: 'act_test001',
    title: 'Recrutement des conseillers',
    dueDate: '2026-12-31',
    version: 1,
    ...META,
    ...fields,
  });
}

function meeting(fields: Partial<Meeting> = {}): Meeting {
  return Meeting.parse({
    id: 'mtg_test001',
    governanceId: 'gov_test001',
    bodyId: 'bod_test001',
    startsAt: '2026-12-03T13:30:00.000Z',
    durationMinutes: 90,
    version: 1,
    ...META,
    ...fields,
  });
}

function render(fields: Partial<CalendarSource> = {}): string {
  return renderCalendar({
    governance: { name: 'CTIN de La Rochelle', timeZone: 'Europe/Paris' },
    milestones: [],
    meetings: [],
    actions: [{ id: 'act_test001', code: 'A1', title: 'Conseillers numériques' }],
    bodies: [{ id: 'bod_test001', name: 'Comité de pilotage' }],
    now: NOW,
    ...fields,
  });
}

/** The content lines of a feed, unfolded (RFC 5545 §3.1). */
function unfolded(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

/** The unfolded lines of the event whose UID is `uid`. */
function eventOf(ics: string, uid: string): string[] {
  const lines = unfolded(ics);
  const at = lines.indexOf(`UID:${uid}`);
  expect(at).toBeGreaterThan(0);
  return lines.slice(at - 1, lines.indexOf('END:VEVENT', at) + 1);
}

describe('renderCalendar', () => {
  it('writes a calendar a subscriber can name, with CRLF line ends only', () => {
    const ics = render();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(unfolded(ics)).toEqual(
      expect.arrayContaining([
        'PRODID:-//Maille//Calendrier de gouvernance//FR',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:CTIN de La Rochelle',
        'X-WR-TIMEZONE:Europe/Paris',
      ]),
    );
  });

  it('puts a milestone on its due day as an all-day event ending the next day', () => {
    const lines = eventOf(render({ milestones: [milestone()] }), 'mil_test001@maille');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261231');
    // The end is exclusive: a milestone due on New Year's Eve ends on 1 January.
    expect(lines).toContain('DTEND;VALUE=DATE:20270101');
    expect(lines).toContain(
      'SUMMARY:Jalon : Recrutement des conseillers (A1 — Conseillers numériques)',
    );
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain(`DTSTAMP:20261124T090000Z`);
  });

  it('keeps the UID of an event and raises its SEQUENCE with the version', () => {
    const before = eventOf(render({ milestones: [milestone()] }), 'mil_test001@maille');
    const after = eventOf(
      render({ milestones: [milestone({ version: 4, dueDate: '2027-01-15' })] }),
      'mil_test001@maille',
    );
    expect(before).toContain('SEQUENCE:1');
    expect(after).toContain('SEQUENCE:4');
    expect(after).toContain('DTSTART;VALUE=DATE:20270115');
  });

  it('marks a cancelled milestone and a cancelled meeting as cancelled', () => {
    const ics = render({
      milestones: [milestone({ status: 'annule' })],
      meetings: [meeting({ status: 'annulee' })],
    });
    expect(eventOf(ics, 'mil_test001@maille')).toContain('STATUS:CANCELLED');
    expect(eventOf(ics, 'mtg_test001@maille')).toContain('STATUS:CANCELLED');
    expect(eventOf(ics, 'mtg_test001@maille')).toContain(
      'SUMMARY:Séance annulée : Comité de pilotage',
    );
  });

  it('times a meeting in UTC from its start and duration, with its place and link', () => {
    const lines = eventOf(
      render({
        meetings: [
          meeting({
            title: 'Copil de décembre',
            place: 'Salle 2, Hôtel de ville',
            link: 'https://visio.example/copil',
            agenda: [{ title: 'Bilan des fiches' }],
          }),
        ],
      }),
      'mtg_test001@maille',
    );
    expect(lines).toContain('DTSTART:20261203T133000Z');
    expect(lines).toContain('DTEND:20261203T150000Z');
    expect(lines).toContain('SUMMARY:Séance : Copil de décembre');
    expect(lines).toContain('LOCATION:Salle 2\\, Hôtel de ville');
    expect(lines).toContain('URL:https://visio.example/copil');
    expect(lines.find((l) => l.startsWith('DESCRIPTION:'))).toBe(
      'DESCRIPTION:Instance : Comité de pilotage\\nStatut : Prévue\\nLien : https://visio.example/copil\\n\\nOrdre du jour :\\n- Bilan des fiches',
    );
  });

  it('folds long lines at 75 octets without splitting an accented letter', () => {
    const title =
      'Déploiement des conseillers numériques à Mireuil, Villeneuve-les-Salines et Laleu';
    const ics = render({ milestones: [milestone({ title, description: 'é'.repeat(200) })] });
    const physical = ics.split('\r\n');
    for (const line of physical) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(physical.some((line) => line.startsWith(' '))).toBe(true);
    // Nothing decodes as a replacement character: no multi-byte sequence was cut in two.
    expect(ics).not.toContain('\uFFFD');
    expect(unfolded(ics).join('\n')).toContain(escapeText(title));
  });
});

describe('escapeText', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('drops control characters a content line may not hold, but keeps tabs', () => {
    expect(escapeText('a\u0001b\tc\u007f')).toBe('ab\tc');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets as it is', () => {
    const line = `SUMMARY:${'a'.repeat(67)}`;
    expect(foldLine(line)).toBe(line);
  });

  it('cuts before a character that would cross 75 octets, continuation lines included', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(40)}${'😀'.repeat(30)}`);
    const parts = folded.split('\r\n');
    expect(parts[0]).toBe(`SUMMARY:${'é'.repeat(33)}`);
    for (const part of parts.slice(1)) {
      expect(part.startsWith(' ')).toBe(true);
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(
      `SUMMARY:${'é'.repeat(40)}${'😀'.repeat(30)}`,
    );
  });
});
