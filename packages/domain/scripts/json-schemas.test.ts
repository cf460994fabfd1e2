import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from './json-schemas.ts';

const folder = join(import.meta.dirname, '..', 'schemas');

describe('the published JSON Schemas', () => {
  it('match the zod schemas (run `pnpm --filter @maille/domain schemas` after changing them)', () => {
    const expected = renderJsonSchemas();
    expect(readdirSync(folder).sort()).toEqual([...expected.keys()].sort());
    for (const [name, text] of expected) {
      expect(readFileSync(join(folder, name), 'utf8'), name).toBe(text);
    }
  });

  it('describe the limits other languages must enforce too', () => {
    const milestone = JSON.parse(readFileSync(join(folder, 'milestone.schema.json'), 'utf8'));
    expect(milestone.properties.title.maxLength).toBe(200);
    expect(milestone.properties.dueDate.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
    expect(milestone.properties.status.enum).toEqual(['a_venir', 'atteint', 'reporte', 'annule']);
    expect(milestone.required).toEqual(
      expect.arrayContaining(['id', 'roadmapId', 'title', 'dueDate']),
    );
  });
});
