import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderJsonSchemas } from './json-schemas.ts';

// Writes packages/domain/schemas/*.schema.json from the zod schemas (run: pnpm schemas).
const folder = join(import.meta.dirname, '..', 'schemas');
mkdirSync(folder, { recursive: true });
const files = renderJsonSchemas();
for (const name of readdirSync(folder)) if (!files.has(name)) rmSync(join(folder, name));
for (const [name, text] of files) writeFileSync(join(folder, name), text);
console.log(`${files.size} schémas JSON écrits dans ${folder}`);
