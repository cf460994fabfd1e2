import { describe, expect, it } from 'vitest';
import { Email, escapeHtml, Name, Phone, Text } from './text.ts';

describe('free text', () => {
  it('escapes what a person typed before it goes into HTML', () => {
    expect(escapeHtml(`<a href="x">L'« atelier » & co</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;L&#39;« atelier » &amp; co&lt;/a&gt;',
    );
  });

  it('trims and bounds names, and refuses control characters', () => {
    expect(Name.parse('  Centre social du Ruban Vert ')).toBe('Centre social du Ruban Vert');
    expect(Name.safeParse('').success).toBe(false);
    expect(Name.safeParse('a'.repeat(201)).success).toBe(false);
    expect(Name.safeParse('Mairie\u0000').success).toBe(false);
    expect(Name.safeParse('Mairie\nde Lagord').success).toBe(false);
  });

  it('keeps line breaks in long texts but never NUL', () => {
    expect(Text.parse('Ligne 1\nLigne 2')).toBe('Ligne 1\nLigne 2');
    expect(Text.safeParse('Ligne 1\u0000').success).toBe(false);
  });

  it('normalises phone numbers to the national schema form', () => {
    expect(Phone.parse('05 46 00 00 00')).toBe('+33546000000');
    expect(Phone.parse('+262 262 00 00 00')).toBe('+262262000000');
    expect(Phone.safeParse('12').success).toBe(false);
  });

  it('lower-cases emails', () => {
    expect(Email.parse('Claire.Martin@Exemple.FR')).toBe('claire.martin@exemple.fr');
    expect(Email.safeParse('claire@').success).toBe(false);
  });
});
