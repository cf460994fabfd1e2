import { describe, expect, it } from 'vitest';
import { checkInField } from './check-in-form.ts';

const ON_MILESTONE = 'v1:point:mil_lr0101:-';
const ON_ACTION = 'v1:point:act_lr0009:dlv_x1';

describe('a field of the check-in form, checked alone', () => {
  it('reads a progress with or without its percent sign, and refuses one past 100', () => {
    expect(checkInField(ON_MILESTONE, 'avancement', '60 %')).toEqual({
      ok: true,
      input: { progress: 60 },
    });
    expect(checkInField(ON_MILESTONE, 'avancement', '')).toEqual({ ok: true, input: {} });
    expect(checkInField(ON_MILESTONE, 'avancement', '150')).toEqual({
      ok: false,
      error: '« 150 » n’est pas un avancement : un nombre entier de 0 à 100 est attendu.',
    });
  });

  it('knows the statuses of the subject the form is about', () => {
    expect(checkInField(ON_ACTION, 'statut', 'En cours')).toEqual({
      ok: true,
      input: { actionStatus: 'en_cours' },
    });
    expect(checkInField(ON_MILESTONE, 'statut', 'annulé')).toEqual({
      ok: true,
      input: { milestoneStatus: 'annule' },
    });
    expect(checkInField(ON_MILESTONE, 'statut', 'en cours')).toEqual({
      ok: false,
      error: '« en cours » n’est pas un statut possible ici. Possibles : atteint, annulé.',
    });
  });

  it('wants a text, of at most 4 000 characters', () => {
    expect(checkInField(ON_MILESTONE, 'texte', '  ')).toMatchObject({ ok: false });
    expect(checkInField(ON_MILESTONE, 'texte', 'x'.repeat(4001))).toEqual({
      ok: false,
      error: 'Le texte est trop long : 4000 caractères au plus.',
    });
    expect(checkInField(ON_MILESTONE, 'texte', ' Relu. ')).toEqual({
      ok: true,
      input: { text: 'Relu.' },
    });
  });
});
