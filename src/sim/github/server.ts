// The HTTP front of the GitHub simulator: base paths (root and GHES /api/v3),
// authentication, injected faults, secondary and primary rate limits, ETags
// and 304s, and the request log, around the route table.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultInjector, FaultKind } from '../faults';
import type { RequestLog } from '../requests';
import { badCredentials, GitHubError, notAccessibleByToken, notFound, restDocs } from './http/errors';
import { etagFor, matchesIfNoneMatch } from './http/etag';
import {
  anonymousLimit,
  authenticatedLimit,
  primaryLimitDocs,
  secondaryLimitDocs,
  secondaryLimitMessage,
  type PrimaryRateLimits,
  type RateLimitState,
  type SecondaryRateLimits,
} from './http/rate-limit';
import { Router, type RouteResult } from './router';
import { logPathPrefix, serveJobLog } from './routes/logs';
import { devicePaths, type DeviceAuthorizations } from './routes/oauth';
import type { SimUser } from './world/model';
import type { World } from './world/world';

export const enterpriseBasePath = '/api/v3';

export interface ServerParts {
  world: World;
  router: Router;
  faults: FaultInjector;
  requests: RequestLog;
  primary: PrimaryRateLimits;
  secondary: SecondaryRateLimits;
  /** The OAuth device flow at the web root (not under /api/v3, like GitHub Enterprise Server). */
  oauth?: DeviceAuthorizations;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: status === 204 || status === 304 ? '' : JSON.stringify(body),
});

const errorAnswer = (e: GitHubError, extra: Record<string, string> = {}): Answer =>
  json(e.status, e.body(), { ...extra, ...e.headers });

function tokenOf(req: IncomingMessage): string | undefined | null {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

/** Scopes every classic and OAuth token of the simulator has; fine-grained tokens have permissions instead. */
export const classicTokenScopes = 'repo, workflow, read:org';

/** Like GitHub, answers to a classic (`ghp_`) or OAuth (`gho_`) token name its scopes in `x-oauth-scopes`. */
function scopeHeaders(req: IncomingMessage, status: number): Record<string, string> {
  const token = tokenOf(req);
  return status !== 401 && token && /^gh[po]_/.test(token) ? { 'x-oauth-scopes': classicTokenScopes } : {};
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createHandler(parts: ServerParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ message: `Simulator error: ${String(error)}`, documentation_url: restDocs, status: '500' }),
      );
    });
  };
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname.startsWith(logPathPrefix)) {
    const log = serveJobLog(parts.world, url);
    parts.requests.record('github', 'job-log-download', log.status);
    res.writeHead(log.status, { 'content-type': 'text/plain; charset=utf-8' }).end(log.text);
    return;
  }
  const enterprise = url.pathname === enterpriseBasePath || url.pathname.startsWith(`${enterpriseBasePath}/`);
  const path = enterprise ? url.pathname.slice(enterpriseBasePath.length) || '/' : url.pathname;
  const links = { api: enterprise ? `${origin}${enterpriseBasePath}` : origin, web: origin };
  const method = req.method ?? 'GET';
  const oauthPath = path === devicePaths.code || path === devicePaths.token;
  if (parts.oauth && !enterprise && method === 'POST' && oauthPath) {
    await answerOAuth(parts, req, res, path, origin);
    return;
  }
  const matched = parts.router.match(method === 'HEAD' ? 'GET' : method, path);
  const operation = matched?.route.operation ?? 'unknown';
  const decision = parts.faults.decide('github', operation);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs);
  const rawBody = method === 'POST' ? await readBody(req) : '';

  const answer = await answerFor(parts, req, {
    url,
    path,
    links,
    method,
    matched,
    operation,
    rawBody,
    fault: decision.error,
  });
  if (decision.error === 'connection-reset') {
    parts.requests.record('github', operation, 0);
    req.socket.destroy();
    return;
  }
  parts.requests.record('github', operation, answer.status);
  res.writeHead(answer.status, {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `SIM:${parts.requests.records.length.toString(16).toUpperCase()}`,
    ...scopeHeaders(req, answer.status),
    ...answer.headers,
  });
  res.end(method === 'HEAD' ? '' : answer.body);
}

/** The device flow's two endpoints: no token, no rate limit; recorded like the API. */
async function answerOAuth(parts: ServerParts, req: IncomingMessage, res: ServerResponse, path: string, web: string) {
  const operation = path === devicePaths.code ? 'oauth/device-code' : 'oauth/access-token';
  const oauth = parts.oauth;
  if (!oauth) throw new Error('the device flow is not served here');
  const answer = oauth.answer(path, req.headers['content-type'], req.headers.accept, await readBody(req), web);
  parts.requests.record('github', operation, answer.status);
  res.writeHead(answer.status, answer.headers).end(answer.body);
}

interface Incoming {
  url: URL;
  path: string;
  links: { api: string; web: string };
  method: string;
  matched: ReturnType<Router['match']>;
  operation: string;
  rawBody: string;
  fault: FaultKind | undefined;
}

/** The caller's primary-limit window: per user, or per address without a token. */
interface Quota {
  before: RateLimitState;
  headers(): Record<string, string>;
  spend(): void;
}

function quotaFor(primary: PrimaryRateLimits, viewer: SimUser | undefined, req: IncomingMessage, free: boolean): Quota {
  const key = viewer ? `user:${viewer.login}` : `ip:${req.socket.remoteAddress ?? ''}`;
  const limit = viewer ? authenticatedLimit : anonymousLimit;
  return {
    before: primary.state(key, limit),
    headers: () => primary.headers(primary.state(key, limit)),
    // GET /rate_limit is free, as on github.com.
    spend: () => {
      if (!free) primary.spend(key, limit);
    },
  };
}

async function answerFor(parts: ServerParts, req: IncomingMessage, incoming: Incoming): Promise<Answer> {
  const token = tokenOf(req);
  let viewer: SimUser | undefined;
  if (token !== undefined) {
    const check = token === null ? { kind: 'bad-credentials' as const } : parts.world.checkToken(token);
    // Like GitHub, a bad token still gets the anonymous limit's headers (and does not spend from it).
    if (check.kind === 'bad-credentials')
      return errorAnswer(badCredentials(), quotaFor(parts.primary, undefined, req, true).headers());
    viewer = check.user;
  }
  const quota = quotaFor(parts.primary, viewer, req, incoming.operation === 'rate-limit/get');
  const refusal = refuse(parts, incoming, quota, viewer);
  if (refusal) return refusal;
  const route = incoming.matched;
  if (!route) return errorAnswer(notFound(), quota.headers());

  let body: unknown;
  try {
    body = incoming.rawBody === '' ? undefined : (JSON.parse(incoming.rawBody) as unknown);
  } catch {
    quota.spend();
    return errorAnswer(new GitHubError(400, 'Problems parsing JSON'), quota.headers());
  }
  let result: RouteResult;
  try {
    const { world } = parts;
    const { url, links } = incoming;
    result = route.route.handle({ world, viewer, params: route.params, url, body, links, rateLimit: quota.before });
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    quota.spend();
    return errorAnswer(error, quota.headers());
  }
  return represent(result, incoming, quota, token ?? undefined, req.headers['if-none-match']);
}

/** Answers that stop a request before its route runs: injected faults, secondary and primary limits. */
function refuse(parts: ServerParts, incoming: Incoming, quota: Quota, viewer: SimUser | undefined): Answer | undefined {
  if (incoming.fault === 'expired-token') return errorAnswer(badCredentials());
  if (!incoming.matched) return undefined;
  if (incoming.fault === 'access-denied') return errorAnswer(notAccessibleByToken(), quota.headers());
  const secondary =
    incoming.fault === 'throttle'
      ? { status: 429 as const, retryAfterSeconds: 60 }
      : parts.secondary.match(incoming.operation);
  if (secondary) {
    const retry = secondary.retryAfterSeconds === undefined ? 60 : secondary.retryAfterSeconds;
    const headers = { ...quota.headers(), ...(retry === null ? {} : { 'retry-after': String(retry) }) };
    return errorAnswer(new GitHubError(secondary.status ?? 429, secondaryLimitMessage, secondaryLimitDocs), headers);
  }
  if (incoming.operation !== 'rate-limit/get' && quota.before.remaining === 0) {
    const who = viewer ? `for user ID ${viewer.id}` : 'for your IP address';
    return errorAnswer(new GitHubError(403, `API rate limit exceeded ${who}.`, primaryLimitDocs), quota.headers());
  }
  return undefined;
}

/**
 * Turns a route's result into the answer: ETag and 304 (which costs nothing),
 * then the faults that strike after the route ran. A 502 or a truncated body
 * after a write means the change happened and the answer was lost, the case
 * RELIABILITY.md G06 is about.
 */
function represent(
  result: RouteResult,
  incoming: Incoming,
  quota: Quota,
  token: string | undefined,
  ifNoneMatch: string | undefined,
): Answer {
  const isGet = incoming.method === 'GET' || incoming.method === 'HEAD';
  const payload = result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body));
  const etag = isGet && result.status === 200 ? etagFor(token, payload) : undefined;
  if (etag && matchesIfNoneMatch(ifNoneMatch, etag)) {
    return { status: 304, headers: { ...quota.headers(), etag, ...result.headers }, body: '' };
  }
  quota.spend();
  const headers = { ...quota.headers(), ...(etag && { etag }), ...result.headers };
  if (incoming.fault === 'server-error') return json(502, { message: 'Server Error' }, quota.headers());
  if (incoming.fault === 'malformed') {
    const truncated = payload.slice(0, Math.floor(payload.length / 2));
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: truncated };
  }
  return result.text !== undefined
    ? { status: result.status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: result.text }
    : json(result.status, result.body, headers);
}
