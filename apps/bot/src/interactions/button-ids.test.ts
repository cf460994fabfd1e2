import { describe, expect, it } from 'vitest';
import { BUTTON_VERBS, decodeButtonId, encodeButtonId, reminderButtons } from './button-ids.ts';

describe('button ids', () => {
  it('round-trip every verb, with and without a delivery, under 100 characters', () => {
    for (const verb of BUTTON_VERBS) {
      for (const deliveryId of [undefined, `dlv_${'A'.repeat(40)}`]) {
        const action = { verb, subjectId: `mil_${'z'.repeat(40)}`, deliveryId };
        const id = encodeButtonId(action);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(decodeButtonId(id)).toEqual({
          ok: true,
          button: deliveryId === undefined ? { verb, subjectId: action.subjectId } : action,
        });
      }
    }
    expect(
      encodeButtonId({ verb: 'fait', subjectId: 'mil_lr0101', deliveryId: 'dlv_abcdef' }),
    ).toBe('v1:fait:mil_lr0101:dlv_abcdef');
  });

  it('tell another version from something that is not an id of ours', () => {
    expect(decodeButtonId('v2:fait:mil_lr0101:-')).toEqual({ ok: false, reason: 'version' });
    for (const id of [
      '',
      'v1',
      'v1:fait:mil_lr0101',
      'v1:fait:mil:lr0101:-',
      'v1:fait:mil_lr0101:dlv_a:b',
      'V1:fait:mil_lr0101:-',
    ])
      expect(decodeButtonId(id)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse to encode what is not a kernel id', () => {
    expect(() => encodeButtonId({ verb: 'fait', subjectId: 'mil:lr0101' })).toThrow();
  });
});

describe('reminder buttons', () => {
  it('offer four answers on a milestone and two on an action, tied to the delivery', () => {
    const milestone = reminderButtons({ type: 'milestone', id: 'mil_lr0101' }, 'dlv_abcdef');
    expect(milestone.flat().map((b) => [b.label, b.customId])).toEqual([
      ['Fait', 'v1:fait:mil_lr0101:dlv_abcdef'],
      ['Point d’étape', 'v1:point:mil_lr0101:dlv_abcdef'],
      ['Reporter d’une semaine', 'v1:report:mil_lr0101:dlv_abcdef'],
      ['Rien de neuf', 'v1:rien:mil_lr0101:dlv_abcdef'],
    ]);
    const action = reminderButtons({ type: 'action', id: 'act_lr0001' }, 'dlv_abcdef');
    expect(action.flat().map((b) => b.label)).toEqual(['Point d’étape', 'Rien de neuf']);
  });
});
