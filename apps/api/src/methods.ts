import { PatternRouter } from 'hono/router/pattern-router';
import type { RouterRoute } from 'hono/types';

/**
 * The methods a path answers, from the routes the app registered (never a list kept by hand): a
 * path known under other methods answers 405 with `Allow` rather than 404. Middlewares
 * (`app.use`, method `ALL`) say nothing about a path and are left out. The router is built once,
 * from the routes as they are, and then only matched against.
 *
 * @example
 * const allowedMethods = methodsByPath(app.routes);
 * allowedMethods('/actions/act_lr0001'); // ['GET', 'HEAD', 'PATCH']
 */
export function methodsByPath(routes: readonly RouterRoute[]): (path: string) => string[] {
  const router = new PatternRouter<string>();
  const methods = new Set<string>();
  for (const route of routes) {
    if (route.method === 'ALL') continue;
    router.add(route.method, route.path, route.method);
    methods.add(route.method);
  }
  return (path) => {
    const allowed = [...methods].filter((method) => router.match(method, path)[0].length > 0);
    // Hono answers HEAD with the GET route: it is allowed wherever GET is.
    if (allowed.includes('GET')) allowed.push('HEAD');
    return allowed.sort();
  };
}
