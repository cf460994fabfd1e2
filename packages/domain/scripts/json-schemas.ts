import { z } from 'zod';
import { PUBLIC_SCHEMAS } from '../src/public-schemas.ts';

/** The JSON Schema documents of the public schemas, by file name, as text. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(PUBLIC_SCHEMAS)) {
    const document = {
      $id: `https://maille.example/schemas/${name}.schema.json`,
      // What a client sends: defaults may be left out, checks such as SIRET keys are in the kernel.
      ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    };
    files.set(`${name}.schema.json`, `${JSON.stringify(document, null, 2)}\n`);
  }
  return files;
}
