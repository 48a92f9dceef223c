// The route table's types and matching. Paths use the OpenAPI description's
// `{param}` syntax and operations are its operationIds, so the request log,
// the fault rules and the model-validation test all speak the same names.
import type { SimUser } from './world/model';
import type { World } from './world/world';
import type { Links } from './wire/links';
import type { RateLimitState } from './http/rate-limit';

export interface RouteContext {
  world: World;
  /** The authenticated user; undefined for a request without a token. */
  viewer: SimUser | undefined;
  params: Record<string, string>;
  url: URL;
  body: unknown;
  links: Links;
  /** The viewer's primary rate limit before this request is counted. */
  rateLimit: RateLimitState;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /** A non-JSON body (job logs). */
  text?: string;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  path: string;
  operation: string;
  handle(ctx: RouteContext): RouteResult;
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

export class Router {
  readonly #routes: CompiledRoute[] = [];

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const names: string[] = [];
      const source = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      this.#routes.push({ route, pattern: new RegExp(`^${source}/?$`), names });
    }
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, pattern, names } of this.#routes) {
      if (route.method !== method) continue;
      const m = pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = decodeURIComponent(m[i + 1] ?? '')));
      return { route, params };
    }
    return undefined;
  }
}
