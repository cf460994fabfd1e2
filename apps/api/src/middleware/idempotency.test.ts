import { describe, expect, it } from 'vitest';
import { documentIdempotencyKey, idempotencyKeyOf } from './idempotency.ts';

describe('idempotencyKeyOf', () => {
  it('reads a quoted key or a bare token of printable ASCII, 1 to 255 characters', () => {
    expect(idempotencyKeyOf('"8e03978e-40d5"')).toBe('8e03978e-40d5');
    expect(idempotencyKeyOf(' cle-1 ')).toBe('cle-1');
    expect(idempotencyKeyOf('"un \\"guillemet\\""')).toBe('un "guillemet"');
    expect(idempotencyKeyOf(`"${'k'.repeat(255)}"`)).toHaveLength(255);
    for (const malformed of ['', '""', 'a b', '"ouvert', 'é', `"${'k'.repeat(256)}"`]) {
      expect(idempotencyKeyOf(malformed), malformed).toBeUndefined();
    }
  });
});

describe('documentIdempotencyKey', () => {
  it('adds the header and its problems to every POST of a document, and nothing else', () => {
    const document = documentIdempotencyKey({
      paths: {
        '/updates': { post: { responses: { '400': { description: 'Données invalides' } } } },
        '/roadmaps': { get: { responses: {} } },
      },
    } as { paths: Record<string, { post?: object; get?: object }> });
    const post = document.paths['/updates']?.post as {
      parameters: { name: string }[];
      responses: Record<string, { description: string }>;
    };
    expect(post.parameters.map((parameter) => parameter.name)).toEqual(['Idempotency-Key']);
    expect(Object.keys(post.responses).sort()).toEqual(['400', '409', '422']);
    expect(post.responses['400']?.description).toContain('Données invalides ; ');
    expect(document.paths['/roadmaps']).toEqual({ get: { responses: {} } });
  });
});
