import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MeasurementInput } from '../indicators/measurement.ts';
import { ActionFields, ActionInput } from '../roadmap/action.ts';
import { ValidationError } from './errors.ts';
import { frenchErrors } from './french-errors.ts';
import { validate } from './validate.ts';

/** The message a person reads for each faulty field, by path. */
function messagesOf(schema: z.ZodType, input: unknown): Record<string, string> {
  try {
    validate(schema, input);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return Object.fromEntries(error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  }
  throw new Error('the input should have been refused');
}

const action = { roadmapId: 'rdm_larochelle', code: 'A1', title: 'Bus numérique' };

describe('the kernel’s validation messages', () => {
  it('say a missing field is required, not that undefined was received', () => {
    expect(messagesOf(ActionInput, { roadmapId: 'rdm_larochelle', code: 'A1' })).toEqual({
      title: 'Ce champ est obligatoire.',
    });
  });

  it('ask for a number in words, whatever came instead', () => {
    const messages = messagesOf(ActionInput, { ...action, weight: 'lourd' });
    expect(messages).toEqual({ weight: 'Un nombre est attendu.' });
    expect(messagesOf(ActionInput, { ...action, weight: Number.NaN })).toEqual(messages);
  });

  it('list the allowed choices as a sentence', () => {
    expect(messagesOf(ActionInput, { ...action, priority: 'urgente' })).toEqual({
      priority: 'Choisissez parmi : haute, moyenne ou basse.',
    });
  });

  it('give the bound a number broke', () => {
    expect(messagesOf(ActionInput, { ...action, weight: 250 })).toEqual({
      weight: 'La valeur ne doit pas dépasser 100.',
    });
    expect(messagesOf(ActionInput, { ...action, weight: -1 })).toEqual({
      weight: 'La valeur doit être d’au moins 0.',
    });
    expect(
      messagesOf(MeasurementInput, {
        indicatorId: 'ind_mediateurs',
        territory: { level: 'epci', code: '241700434' },
        period: '2024',
        value: 5e12,
      }),
    ).toEqual({ value: 'La valeur ne doit pas dépasser 1 000 000 000 000.' });
  });

  it('count the elements of a list that is too long', () => {
    const needs = Array.from({ length: 21 }, () => 'animer_la_gouvernance');
    expect(messagesOf(ActionInput, { ...action, needs })).toEqual({
      needs: 'Au plus 20 éléments.',
    });
  });

  it('name the unknown fields of a change, so a typo is found', () => {
    expect(messagesOf(ActionFields.partial().strict(), { titre: 'Bus' })).toEqual({
      '': 'Champ inconnu : titre. Vérifiez l’orthographe ou retirez-le.',
    });
    expect(messagesOf(ActionFields.partial().strict(), { titre: 'Bus', prio: 'haute' })).toEqual({
      '': 'Champs inconnus : titre, prio. Vérifiez l’orthographe ou retirez-les.',
    });
  });

  it('keep the messages written on the kernel’s own checks', () => {
    // One message per fault: a text that is no date is not also « a date that does not exist ».
    expect(() => validate(ActionInput, { ...action, startDate: '14/05/2024' })).toThrow(
      expect.objectContaining({
        issues: [{ path: ['startDate'], message: 'Date attendue au format AAAA-MM-JJ.' }],
      }),
    );
    expect(messagesOf(ActionInput, { ...action, title: 'x'.repeat(201) })).toEqual({
      title: 'Au plus 200 caractères.',
    });
  });
});

describe('frenchErrors', () => {
  const message = (schema: z.ZodType, input: unknown) =>
    schema.safeParse(input, { error: frenchErrors }).error?.issues[0]?.message;

  it('writes formats with an example to follow', () => {
    expect(message(z.iso.date(), '2024')).toBe(
      'Une date au format AAAA-MM-JJ est attendue (ex. 2024-05-14).',
    );
    expect(message(z.email(), 'claire')).toBe(
      'Une adresse électronique est attendue (ex. nom@exemple.fr).',
    );
  });

  it('speaks of characters for texts, one or many', () => {
    expect(message(z.string().min(3), 'ab')).toBe('Au moins 3 caractères.');
    expect(message(z.string().max(1), 'ab')).toBe('Au plus 1 caractère.');
    expect(message(z.string().min(1), '')).toBe('Ce champ ne peut pas être vide.');
    expect(message(z.array(z.string()).min(1), [])).toBe('Au moins un élément est attendu.');
  });

  it('tells the kinds a discriminated union accepts', () => {
    const subject = z.discriminatedUnion('type', [
      z.object({ type: z.literal('roadmap') }),
      z.object({ type: z.literal('action') }),
    ]);
    expect(message(subject, { type: 'jalon' })).toBe('Choisissez parmi : roadmap ou action.');
  });

  describe('installed for every schema', () => {
    afterEach(() => {
      z.config(z.locales.en());
    });

    it('replaces zod’s own wording, as an app does at start-up', () => {
      z.config({ localeError: frenchErrors });
      expect(z.number().safeParse('douze').error?.issues[0]?.message).toBe(
        'Un nombre est attendu.',
      );
      expect(z.boolean().safeParse('oui').error?.issues[0]?.message).toBe(
        'Oui ou non est attendu (true ou false).',
      );
    });
  });
});
