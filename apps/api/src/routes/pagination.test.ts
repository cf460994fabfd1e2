import { ValidationError } from '@maille/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeCursor, encodeCursor, PageQuery } from './pagination.ts';

const ActionId = z.string().startsWith('act_');

describe('cursors', () => {
  it('round-trip an id, opaque and URL-safe', () => {
    const cursor = encodeCursor('act_abc123');
    expect(cursor).toMatch(/^[\w-]+$/);
    expect(cursor).not.toContain('act_');
    expect(decodeCursor(cursor, ActionId)).toBe('act_abc123');
    expect(decodeCursor(undefined, ActionId)).toBeUndefined();
  });

  it.each(['!!', Buffer.from('[1]').toString('base64url'), encodeCursor('gov_abc123')])(
    'refuses %s as a validation error on /cursor',
    (cursor) => {
      try {
        decodeCursor(cursor, ActionId);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).issues[0]?.path).toEqual(['cursor']);
      }
    },
  );
});

describe('the page query', () => {
  it('defaults to 50 and keeps limit between 1 and 100', () => {
    expect(PageQuery.parse({})).toEqual({ limit: 50 });
    expect(PageQuery.parse({ limit: '100' }).limit).toBe(100);
    for (const limit of ['0', '101', 'x', '2.5']) {
      expect(PageQuery.safeParse({ limit }).success).toBe(false);
    }
  });
});
