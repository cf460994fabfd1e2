import { escapeHtml } from '@maille/domain';

/**
 * The `/docs` reference page, rendered on the server from the API's own OpenAPI document. No
 * script and no asset from elsewhere: the page works with no internet, under a CSP that allows
 * only this API's stylesheet, and every word of it is French (a generic OpenAPI viewer would
 * speak English and fetch fonts or bundles from a CDN).
 */

/** The parts of an OpenAPI 3.1 document the page reads. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; headers?: Record<string, unknown> }>;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
  nullable?: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const PARAMETER_PLACES: Record<string, string> = {
  path: 'chemin',
  query: 'requête',
  header: 'en-tête',
  cookie: 'cookie',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  integer: 'entier',
  boolean: 'booléen',
  object: 'objet',
  array: 'liste',
  null: 'null',
};

/** Nested objects are shown this deep; deeper ones are summed up (the JSON document has all). */
const MAX_DEPTH = 4;

/**
 * The whole page, as HTML.
 *
 * @example
 * const html = renderReferencePage(document, { stylesheet: '/docs/style.css' });
 */
export function renderReferencePage(
  document: OpenApiDocument,
  { stylesheet }: { stylesheet: string },
): string {
  const schemas = document.components?.schemas ?? {};
  const byTag = operationsByTag(document);
  const toc = [...byTag.keys()]
    .map((tag) => `<li><a href="#${anchor(tag)}">${escapeHtml(tag)}</a></li>`)
    .join('');
  const sections = [...byTag.entries()]
    .map(
      ([tag, operations]) =>
        `<section id="${anchor(tag)}"><h2>${escapeHtml(tag)}</h2>${operations
          .map((entry) => renderOperation(entry, schemas))
          .join('')}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)} — référence</title>
<link rel="stylesheet" href="${escapeHtml(stylesheet)}">
</head>
<body>
<header>
<h1>${escapeHtml(document.info.title)} <small>version ${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description ?? '')}</p>
<p>Le document OpenAPI 3.1 complet : <a href="/openapi.json">/openapi.json</a> (à importer dans un client HTTP ou un générateur de code).</p>
</header>
<nav aria-label="Sommaire"><h2>Sommaire</h2><ul>${toc}</ul></nav>
<main>${sections}</main>
</body>
</html>
`;
}

interface OperationEntry {
  method: string;
  path: string;
  operation: Operation;
}

function operationsByTag(document: OpenApiDocument): Map<string, OperationEntry[]> {
  const byTag = new Map<string, OperationEntry[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Autres';
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return byTag;
}

function renderOperation(
  { method, path, operation }: OperationEntry,
  schemas: Record<string, JsonSchema>,
): string {
  const id = anchor(`${method} ${path}`);
  const parts = [
    `<article id="${id}" class="operation">`,
    `<h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>`,
    `<p class="summary">${escapeHtml(operation.summary ?? '')}</p>`,
    operation.description ? `<p>${escapeHtml(operation.description)}</p>` : '',
    `<p class="access">${accessOf(operation)}</p>`,
    renderParameters(operation.parameters ?? [], schemas),
    renderRequestBody(operation, schemas),
    renderResponses(operation),
    '</article>',
  ];
  return parts.join('');
}

function accessOf(operation: Operation): string {
  const security = operation.security;
  if (!security || security.length === 0) return 'Sans clé d’API.';
  const optional = security.some((requirement) => Object.keys(requirement).length === 0);
  return optional
    ? 'Clé d’API facultative : sans clé, seul ce qui est public répond.'
    : 'Clé d’API obligatoire (<code>Authorization: Bearer mai_…</code>).';
}

function renderParameters(parameters: Parameter[], schemas: Record<string, JsonSchema>): string {
  if (parameters.length === 0) return '';
  const rows = parameters
    .map(
      (parameter) =>
        `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${PARAMETER_PLACES[parameter.in] ?? escapeHtml(parameter.in)}</td><td>${parameter.required ? 'oui' : 'non'}</td><td>${describeType(parameter.schema ?? {}, schemas)}</td><td>${escapeHtml(parameter.description ?? parameter.schema?.description ?? '')}</td></tr>`,
    )
    .join('');
  return `<h4>Paramètres</h4><table><thead><tr><th>Nom</th><th>Où</th><th>Obligatoire</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderRequestBody(operation: Operation, schemas: Record<string, JsonSchema>): string {
  const content = operation.requestBody?.content;
  if (!content) return '';
  return Object.entries(content)
    .map(
      ([type, { schema }]) =>
        `<h4>Corps (<code>${escapeHtml(type)}</code>)${operation.requestBody?.required ? '' : ' — facultatif'}</h4>${renderSchema(schema ?? {}, schemas, 0)}`,
    )
    .join('');
}

function renderResponses(operation: Operation): string {
  const rows = Object.entries(operation.responses ?? {})
    .map(
      ([status, response]) =>
        `<tr><td class="status s${status[0]}">${escapeHtml(status)}</td><td>${escapeHtml(response.description ?? '')}${
          response.headers
            ? ` <span class="headers">(en-têtes : ${Object.keys(response.headers)
                .map((name) => `<code>${escapeHtml(name)}</code>`)
                .join(', ')})</span>`
            : ''
        }</td></tr>`,
    )
    .join('');
  return `<h4>Réponses</h4><table class="responses"><tbody>${rows}</tbody></table>`;
}

/** A schema as a table of its fields when it is an object, otherwise as one line. */
function renderSchema(
  schema: JsonSchema,
  schemas: Record<string, JsonSchema>,
  depth: number,
): string {
  const resolved = resolve(schema, schemas);
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants && depth < MAX_DEPTH) {
    return `<p>L’une des formes suivantes :</p><ol class="variants">${variants
      .map((variant) => `<li>${renderSchema(variant, schemas, depth + 1)}</li>`)
      .join('')}</ol>`;
  }
  if (!resolved.properties || depth >= MAX_DEPTH) {
    return `<p>${describeType(resolved, schemas)}${resolved.description ? ` — ${escapeHtml(resolved.description)}` : ''}</p>`;
  }
  const required = new Set(resolved.required ?? []);
  const fields = Object.entries(resolved.properties).map(
    ([name, property]) => [name, resolve(property, schemas)] as const,
  );
  // A column of blanks says nothing: descriptions show only when some field has one.
  const described = fields.some(([, field]) => field.description);
  const rows = fields
    .map(([name, field]) => {
      const nested = nestedObjectOf(field, schemas);
      return `<tr><td><code>${escapeHtml(name)}</code></td><td>${required.has(name) ? 'oui' : 'non'}</td><td>${describeType(field, schemas)}${
        nested
          ? `<details><summary>champs</summary>${renderSchema(nested, schemas, depth + 1)}</details>`
          : ''
      }</td>${described ? `<td>${escapeHtml(field.description ?? '')}</td>` : ''}</tr>`;
    })
    .join('');
  return `${resolved.description ? `<p>${escapeHtml(resolved.description)}</p>` : ''}<table><thead><tr><th>Champ</th><th>Obligatoire</th><th>Type et contraintes</th>${described ? '<th>Description</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** The object (or object of a list, or variants) worth unfolding under a field. */
function nestedObjectOf(
  field: JsonSchema,
  schemas: Record<string, JsonSchema>,
): JsonSchema | undefined {
  if (field.properties || field.oneOf || field.anyOf) return field;
  const items = field.items ? resolve(field.items, schemas) : undefined;
  if (items && (items.properties || items.oneOf || items.anyOf)) return items;
  return undefined;
}

/** « texte, 1 à 200 caractères », « liste de texte (20 au plus) », « l’une de : a, b »… */
function describeType(schema: JsonSchema, schemas: Record<string, JsonSchema>): string {
  const resolved = resolve(schema, schemas);
  if (resolved.const !== undefined)
    return `<code>${escapeHtml(JSON.stringify(resolved.const))}</code>`;
  if (resolved.enum) {
    const values = resolved.enum.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(', ');
    return `l’une de : ${values}${defaultOf(resolved)}`;
  }
  const variants = resolved.oneOf ?? resolved.anyOf;
  if (variants) {
    const shapes = variants.map((variant) => describeType(variant, schemas));
    // Alternatives of objects differ by their fields, which the unfolded table shows.
    return shapes.every((shape) => shape === TYPE_NAMES.object)
      ? `objet, sous l’une de ${shapes.length} formes`
      : shapes.join(' ou ');
  }
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type ?? 'object'];
  const name = types.map((type) => TYPE_NAMES[type] ?? escapeHtml(type)).join(' ou ');
  const constraints: string[] = [];
  if (resolved.items && types.includes('array')) {
    constraints.push(`de ${describeType(resolved.items, schemas)}`);
  }
  if (resolved.minLength !== undefined || resolved.maxLength !== undefined) {
    constraints.push(range(resolved.minLength, resolved.maxLength, 'caractères'));
  }
  if (resolved.minItems !== undefined || resolved.maxItems !== undefined) {
    constraints.push(range(resolved.minItems, resolved.maxItems, 'éléments'));
  }
  if (resolved.minimum !== undefined || resolved.maximum !== undefined) {
    constraints.push(range(resolved.minimum, resolved.maximum, ''));
  }
  if (resolved.format) constraints.push(`format ${escapeHtml(resolved.format)}`);
  if (resolved.pattern === '^\\d{4}-\\d{2}-\\d{2}$') constraints.push('date AAAA-MM-JJ');
  return `${name}${constraints.length > 0 ? `, ${constraints.join(', ')}` : ''}${defaultOf(resolved)}`;
}

function range(min: number | undefined, max: number | undefined, unit: string): string {
  const suffix = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `de ${min} à ${max}${suffix}`;
  if (min !== undefined) return `au moins ${min}${suffix}`;
  return `au plus ${max}${suffix}`;
}

function defaultOf(schema: JsonSchema): string {
  return schema.default === undefined
    ? ''
    : ` (par défaut <code>${escapeHtml(JSON.stringify(schema.default))}</code>)`;
}

function resolve(schema: JsonSchema, schemas: Record<string, JsonSchema>): JsonSchema {
  const name = schema.$ref?.replace('#/components/schemas/', '');
  return name !== undefined ? (schemas[name] ?? {}) : schema;
}

function anchor(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
