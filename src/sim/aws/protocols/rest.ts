// REST-JSON (CodeArtifact, CodeGuru Reviewer): the operation is chosen by
// method and path; members come from the path, the query string and the body.
import type { RestRoute, RestService } from '../service';
import { parseJsonBody } from './json';

export const restContentType = 'application/json';

export interface RestMatch {
  operation: string;
  input: Record<string, unknown>;
}

/** The matching route's operation and input; undefined when no route matches; null when the body is not JSON. */
export function matchRoute(
  service: RestService,
  method: string,
  url: URL,
  body: string,
  headers: Record<string, string | string[] | undefined> = {},
): RestMatch | undefined | null {
  for (const route of service.routes) {
    if (route.method !== method) continue;
    const match = route.path.exec(url.pathname);
    if (!match) continue;
    const parsed = parseJsonBody(body);
    if (parsed === undefined) return null;
    const input = { ...parsed, ...pathMembers(match), ...queryMembers(route, url), ...headerMembers(route, headers) };
    return { operation: route.operation, input };
  }
  return undefined;
}

function pathMembers(match: RegExpExecArray): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(match.groups ?? {})) out[name] = decodeURIComponent(raw);
  return out;
}

function headerMembers(
  route: RestRoute,
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [header, member] of Object.entries(route.headers ?? {})) {
    const value = headers[header];
    if (typeof value === 'string') out[member] = value;
  }
  return out;
}

/** Whether some route of `service` answers `method` at `url` (for routing unsigned requests). */
export function hasRoute(service: RestService, method: string, url: URL): boolean {
  return service.routes.some((route) => route.method === method && route.path.test(url.pathname));
}

function queryMembers(route: RestRoute, url: URL): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [param, spec] of Object.entries(route.query)) {
    const values = url.searchParams.getAll(param);
    if (values.length === 0) continue;
    if (spec.list) out[spec.member] = values;
    else out[spec.member] = spec.number ? Number(values[0]) : values[0];
  }
  return out;
}
