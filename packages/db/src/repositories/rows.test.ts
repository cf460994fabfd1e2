import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromData } from './rows.ts';

const Note = z.object({
  id: z.string(),
  status: z.enum(['ouverte', 'close']).default('ouverte'),
  at: z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString()),
});

describe('fromData', () => {
  it('gives an entity that cannot be changed in place, the same at every read', () => {
    const text = JSON.stringify({ id: 'not_1', status: 'close', at: '2024-05-14T08:00:00.000Z' });
    const first = fromData(Note, text);
    expect(() => {
      first.status = 'ouverte';
    }).toThrow(TypeError);
    expect(fromData(Note, text)).toBe(first);
    expect(first).toEqual({ id: 'not_1', status: 'close', at: '2024-05-14T08:00:00.000Z' });
  });

  it('freezes what an entity holds, not only the entity', () => {
    const Body = z.object({ id: z.string(), members: z.array(z.object({ personId: z.string() })) });
    const body = fromData(Body, JSON.stringify({ id: 'bod_1', members: [{ personId: 'per_1' }] }));
    expect(() => body.members.push({ personId: 'per_2' })).toThrow(TypeError);
    expect(() => {
      (body.members[0] as { personId: string }).personId = 'per_3';
    }).toThrow(TypeError);
  });

  it('applies the schema to a row written before it changed, at every read', () => {
    // Stored before `status` existed, with an offset the schema now normalises.
    const text = JSON.stringify({ id: 'not_2', at: '2024-05-14T10:00:00+02:00' });
    for (let read = 0; read < 3; read++) {
      expect(fromData(Note, text)).toEqual({
        id: 'not_2',
        status: 'ouverte',
        at: '2024-05-14T08:00:00.000Z',
      });
    }
  });

  it('still refuses a text another schema accepted', () => {
    const text = JSON.stringify({ id: 'not_3', status: 'close', at: '2024-05-14T08:00:00.000Z' });
    expect(fromData(Note, text).id).toBe('not_3');
    const Strict = Note.extend({ id: z.string().startsWith('act_') });
    expect(() => fromData(Strict, text)).toThrow();
  });
});
