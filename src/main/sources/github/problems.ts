// Turns a failed GitHub request into a SourceProblem the UI can act on:
// revoked token, the fine-grained permission a 403 lacks (from GitHub's
// x-accepted-github-permissions header, else from the endpoint), not found,
// offline. Rate limits are the RateLimitTracker's (./rate-limit). Messages
// are written here, from status and GitHub's own `message`, never from
// request headers, so no token can travel in one.
import type { SourceProblem } from '../../../shared/sources';

/** A failure thrown by the GitHub client: the problem, and the HTTP status when GitHub answered. */
export class GitHubProblemError extends Error {
  constructor(
    readonly problem: SourceProblem,
    /** The HTTP status, or undefined when no answer came (offline, timeout, refused before sending). */
    readonly status?: number,
    /** GitHub's `message` from the error body. */
    readonly githubMessage?: string,
    /** False when Starboard refused before sending (rate limit, no token): nothing reached GitHub. */
    readonly sent = true,
  ) {
    super(problem.message);
    this.name = 'GitHubProblemError';
  }
}

/** Fine-grained permissions by endpoint (GitHub's "permissions required for fine-grained PATs"). */
const permissionRules: [method: string, path: RegExp, permission: string][] = [
  ['GET', /^\/repos\/[^/]+\/[^/]+$/, 'Metadata: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/status$/, 'Commit statuses: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/check-runs$/, 'Checks: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/(commits|branches)(\/|$)/, 'Contents: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/pulls(\/|$)/, 'Pull requests: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/(actions|environments)(\/|$)/, 'Actions: read'],
  ['GET', /^\/repos\/[^/]+\/[^/]+\/deployments(\/|$)/, 'Deployments: read'],
  // Reviewing asks for read access to deployments (GitHub's OpenAPI description); being a required reviewer is a separate check.
  ['POST', /^\/repos\/[^/]+\/[^/]+\/actions\/runs\/[^/]+\/pending_deployments$/, 'Deployments: read'],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/actions\//, 'Actions: write'],
];

/** The fine-grained permission an endpoint needs, from its route template or a concrete path. */
export function permissionFor(method: string, path: string): string | undefined {
  const bare =
    path
      .replace(/^https?:\/\/[^/]+/, '')
      .replace(/^\/api\/v3(?=\/)/, '')
      .split('?')[0] ?? '';
  return permissionRules.find(([m, pattern]) => m === method.toUpperCase() && pattern.test(bare))?.[2];
}

const permissionTitles: Record<string, string> = {
  pull_requests: 'Pull requests',
  statuses: 'Commit statuses',
};

/**
 * Reads `x-accepted-github-permissions` ("actions=read", "contents=read,
 * statuses=read; checks=read": commas join permissions needed together,
 * semicolons separate alternatives) into "Actions: read" style text; the
 * first alternative is named.
 */
export function acceptedPermissions(header: string | undefined): string | undefined {
  const first = header?.split(';')[0]?.trim();
  if (!first) return undefined;
  const named = first
    .split(',')
    .map((pair) => pair.trim().split('='))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== '')
    .map(([name, level]) => {
      const key = name.trim().toLowerCase();
      const title = permissionTitles[key] ?? `${key.charAt(0).toUpperCase()}${key.slice(1).replaceAll('_', ' ')}`;
      return `${title}: ${level.trim().toLowerCase()}`;
    });
  return named.length > 0 ? named.join(', ') : undefined;
}

export interface FailedAnswer {
  status: number;
  /** GitHub's `message` (may be empty). */
  message: string;
  headers: Record<string, string | number | undefined>;
}

export interface ProblemContext {
  method: string;
  /** The route template or URL that was called. */
  path: string;
  /** What the problem is about, e.g. `owner/repo` or `owner/repo run 42`. */
  resource?: string;
}

/** The problem for an answer that is neither a success nor a rate limit. */
export function httpProblem(answer: FailedAnswer, context: ProblemContext): SourceProblem {
  const at = context.resource === undefined ? {} : { resource: context.resource };
  const on = context.resource === undefined ? '' : ` on ${context.resource}`;
  const said = answer.message.trim();
  switch (true) {
    case answer.status === 401:
      return {
        code: 'credentials-expired',
        message: 'The GitHub token was revoked or expired. Add a new token for this account.',
        ...at,
      };
    case answer.status === 403 && /SAML|single sign-on|SSO/i.test(said):
      return {
        code: 'access-denied',
        message: `The organization requires single sign-on: authorize the GitHub token for SSO${on}.`,
        ...at,
      };
    case answer.status === 403: {
      const header = answer.headers['x-accepted-github-permissions'];
      const missing =
        acceptedPermissions(header === undefined ? undefined : String(header)) ??
        permissionFor(context.method, context.path);
      if (missing === undefined) return { code: 'access-denied', message: `GitHub refused${on}: ${said}`, ...at };
      return {
        code: 'access-denied',
        message: `The GitHub token lacks the "${missing}" permission${on}.`,
        missingPermission: missing,
        ...at,
      };
    }
    case answer.status === 404:
      return {
        code: 'not-found',
        message: `${context.resource ?? 'The resource'} was not found, or the GitHub token cannot see it.`,
        ...at,
      };
    case answer.status === 410:
      return {
        code: 'not-found',
        message: `${context.resource ?? 'The resource'} is gone from GitHub (deleted, or past its retention).`,
        ...at,
      };
    case answer.status === 409 || answer.status === 422:
      return { code: 'conflict', message: `GitHub refused${on}: ${said || `HTTP ${answer.status}`}`, ...at };
    case answer.status >= 500:
      return {
        code: 'internal',
        message: `GitHub answered ${answer.status}${on}; Starboard will try again on the next refresh.`,
        ...at,
      };
    default:
      return { code: 'internal', message: `GitHub answered ${answer.status}${on}: ${said}`, ...at };
  }
}

/** The problem for a request that got no answer: network down, connection reset, timeout. */
export function networkProblem(cause: unknown, resource?: string): SourceProblem {
  const at = resource === undefined ? {} : { resource };
  const name = cause instanceof Error ? cause.name : '';
  if (name === 'TimeoutError' || name === 'AbortError')
    return { code: 'offline', message: 'GitHub did not answer in time. Starboard will retry shortly.', ...at };
  return {
    code: 'offline',
    message: 'GitHub cannot be reached. Starboard will retry when the network is back.',
    ...at,
  };
}

/** The problem for a 200 whose body is not what the endpoint promises (e.g. truncated JSON). */
export function malformedProblem(resource?: string): SourceProblem {
  const at = resource === undefined ? {} : { resource };
  return { code: 'internal', message: 'GitHub sent an answer Starboard could not read; it will try again.', ...at };
}

/** The problem a read should report for whatever it caught. */
export function problemOf(error: unknown, resource?: string): SourceProblem {
  if (error instanceof GitHubProblemError) return error.problem;
  const at = resource === undefined ? {} : { resource };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error), ...at };
}

/** A read's outcome as data: the value, or the problem about the resource it concerned. */
export type SourceResult<T> = { ok: true; value: T } | { ok: false; error: SourceProblem };

/** Runs one read; a failure comes back as its problem. */
export async function tryRead<T>(resource: string, read: () => Promise<T>): Promise<SourceResult<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error: problemOf(error, resource) };
  }
}
