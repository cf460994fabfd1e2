/** What a handler sees of a request: its parameters, query and parsed JSON body. */
export interface Context {
  method: string;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
}

export type Answer = { status: number; body?: unknown };
export type Handler = (ctx: Context) => Answer;

export interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  /** Interaction callbacks and webhooks are authenticated by their token, not the bot's. */
  auth: boolean;
  handler: Handler;
}

/**
 * A route of Discord's API, its path written as in Discord's documentation.
 *
 * @example
 * route('GET', '/channels/:channelId', (ctx) => ok(find(ctx.params.channelId)));
 */
export function route(method: string, pattern: string, handler: Handler, auth = true): Route {
  const keys: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, pattern, regex: new RegExp(`^${source}$`), keys, auth, handler };
}

export const ok = (body: unknown): Answer => ({ status: 200, body });
export const noContent: Answer = { status: 204 };

/** The route answering `method path`, with its decoded parameters. */
export function matchRoute(routes: Route[], method: string, path: string) {
  for (const candidate of routes) {
    const found = candidate.method === method ? candidate.regex.exec(path) : null;
    if (found) {
      const params = Object.fromEntries(
        candidate.keys.map((key, i) => [key, decodeURIComponent(found[i + 1] ?? '')]),
      );
      return { route: candidate, params };
    }
  }
  return undefined;
}
