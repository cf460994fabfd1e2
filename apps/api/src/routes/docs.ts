import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../context.ts';
import { type OpenApiDocument, renderReferencePage } from '../docs/reference-page.ts';
import { STYLESHEET } from '../docs/style.ts';

const STYLESHEET_PATH = '/docs/style.css';

/** A document, unlike the API's data: it may show its own stylesheet, and nothing else. */
const DOCS_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-cache',
};

/**
 * The reference page at `/docs` and its stylesheet, both served by the API itself. They are not
 * operations of the OpenAPI document: they describe it. The page is built once, on first request,
 * from the document the API serves at `/openapi.json`, so the two never disagree.
 */
export function registerDocsRoutes(app: OpenAPIHono<ApiEnv>, openApiDocument: () => object): void {
  let page: string | undefined;
  app.get('/docs', (c) => {
    // The generator's types are wider than what the page reads; the document is the API's own.
    page ??= renderReferencePage(openApiDocument() as OpenApiDocument, {
      stylesheet: STYLESHEET_PATH,
    });
    return c.html(page, 200, DOCS_HEADERS);
  });
  app.get(STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(STYLESHEET);
  });
}
