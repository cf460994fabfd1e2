import { describe, expect, it } from 'vitest';
import { fr } from '../messages/fr.ts';
import { COMMANDS } from './index.ts';

const definitions = COMMANDS.map((command) => command.definition);

describe('the commands as data', () => {
  it('follow Discord’s rules, so registering them cannot be refused', () => {
    expect(definitions.length).toBeLessThanOrEqual(100);
    expect(new Set(definitions.map((c) => c.name)).size).toBe(definitions.length);
    for (const command of definitions) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      expect(command.options.length).toBeLessThanOrEqual(25);
      const firstOptional = command.options.findIndex((o) => !o.required);
      if (firstOptional >= 0)
        expect(command.options.slice(firstOptional).every((o) => !o.required)).toBe(true);
      for (const option of command.options) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
        if (option.maxLength !== undefined) expect(option.maxLength).toBeLessThanOrEqual(6000);
      }
    }
  });

  it('are the ones the issues name, in French', () => {
    expect(definitions.map((c) => c.name).sort()).toEqual(
      [
        'absence',
        'agenda',
        'aide',
        'configurer',
        'connexion',
        'delier',
        'feuille',
        'fait',
        'indicateur',
        'jalons',
        'lier',
        'point',
        'reporter',
      ].sort(),
    );
  });

  it('each show an example of themselves, naming only options they have', () => {
    for (const { definition, texts } of COMMANDS) {
      expect(texts.example.startsWith(`/${definition.name}`)).toBe(true);
      const named = [...texts.example.matchAll(/\s([a-z]+):/g)].map((m) => m[1]);
      for (const name of named) expect(definition.options.map((o) => o.name)).toContain(name);
    }
  });

  it('keep the labels of reminder buttons within Discord’s 80 characters', () => {
    for (const label of Object.values(fr.reminderButtons))
      expect(label.length).toBeLessThanOrEqual(80);
  });
});
