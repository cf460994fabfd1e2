import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const src = join(root, 'src');

function kernelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return kernelFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// What makes the kernel reusable anywhere: no I/O, no framework, no clock or randomness of its own.
const FORBIDDEN = [
  { pattern: /from ['"]node:/, why: 'un module node:*' },
  {
    pattern: /from ['"](kysely|hono|discord\.js|pg|better-sqlite3)['"/]/,
    why: 'une bibliothèque d’infrastructure',
  },
  {
    pattern: /\bDate\.now\(|\bnew Date\(\)|\bMath\.random\(/,
    why: 'une horloge ou un hasard non injectés',
  },
  { pattern: /\bprocess\./, why: 'l’environnement du processus' },
  // The demo and the apps build on the kernel, never the other way round.
  { pattern: /from ['"]@maille\//, why: 'un autre paquet de Maille (la démo comprise)' },
];

describe('the kernel stays pure', () => {
  it('depends on zod and the national places model only, both pure', () => {
    // `@gouvfr-anct/lieux-de-mediation-numerique` is the national agency's own model of the
    // places schema: plain functions over plain objects, no I/O, no dependency of its own.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@gouvfr-anct/lieux-de-mediation-numerique',
      'zod',
    ]);
  });

  it('imports no Node module, no infrastructure, and reads no clock of its own', () => {
    const offences = kernelFiles(src).flatMap((file) => {
      // Comments may show how an app wires a real clock; only code counts.
      const text = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      return FORBIDDEN.filter((rule) => rule.pattern.test(text)).map(
        (rule) => `${relative(root, file)} : ${rule.why}`,
      );
    });
    expect(offences).toEqual([]);
  });
});
