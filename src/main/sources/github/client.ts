// One GitHub account's REST client: conditional GETs from an ETag cache,
// pages followed through Link headers, the account's rate limit honoured
// before anything is sent, a few requests in flight per token, writes one at
// a time and never retried, and every failure turned into a SourceProblem.
//
// Why Octokit's `request` and none of its plugins: Octokit expands route
// templates, applies the base URL (github.com or GHES /api/v3) and reports
// failures as errors whose request headers are already redacted. Its retry
// and throttling plugins would resend writes (G06) and swallow the 304 that
// tells Starboard nothing changed, so conditional requests, pacing and
// rate-limit blocking live here, around each call, in a few lines.
import { Octokit } from '@octokit/rest';
import type { GitHubRateLimit, GitHubRequestCounts } from '../../../shared/github';
import type { SourceProblem } from '../../../shared/sources';
import { refuse, refuseTransport } from './base-url';
import { ConditionalCache, tokenIdentity } from './conditional-cache';
import { GitHubProblemError, httpProblem, malformedProblem, networkProblem } from './problems';
import { RateLimitTracker, type Headers } from './rate-limit';
import { RequestGate } from './request-gate';

export type TokenProvider = () => string | Promise<string>;
export type Params = Record<string, unknown>;

export interface GitHubClientOptions {
  /** https://api.github.com, https://HOST/api/v3, or a loopback simulator (see base-url.ts). */
  baseUrl: string;
  /** Asked before every request, so a renewed token is used at once. Its value never leaves the client. */
  token: TokenProvider;
  now?: () => Date;
  /** Requests in flight at once for this token (default 4). */
  maxInFlight?: number;
  /** Pause between two writes, in milliseconds (default 1000). */
  writeSpacingMs?: number;
  /** Share of the primary limit below which `rateLimit().slowDown` rises (default 0.1). */
  lowWater?: number;
  /** ETag cache entries kept (default 5000). */
  cacheEntries?: number;
  /** Give up on a request after this long (default 30 s). */
  timeoutMs?: number;
}

/**
 * What a GET keeps of GitHub's JSON: a named, pure mapping to the shared
 * model. The ETag cache holds the mapped value, a small fraction of the raw
 * body (whole repository objects ride along in runs and pull requests), and
 * the name is part of the cache key so two mappings of one URL never mix.
 * A body the mapping cannot read is a malformed answer and is not cached.
 */
export interface Shape<T> {
  readonly name: string;
  read(body: unknown): T;
}

/** A Shape from a function of the wire type the endpoint documents (an unchecked view of its JSON). */
export function shape<T>(name: string, read: (body: never) => T): Shape<T> {
  return { name, read: (body) => read(body as never) };
}

/** A GET's body, and whether it differs from the last one (false: a 304 answered from the ETag cache). */
export interface Fetched<T> {
  data: T;
  changed: boolean;
}

/** A body with the answer's headers, as text. */
export interface WithHeaders<T> {
  data: T;
  headers: Record<string, string>;
}

interface Answer {
  status: number;
  data: unknown;
  headers: Headers;
  changed: boolean;
  link?: string;
}

interface SendOptions {
  conditional: boolean;
  /** How a 200's body is mapped and cached; without it the body is returned as it came. */
  as?: Shape<unknown>;
  /** What a problem is about, e.g. "owner/repo". */
  resource?: string;
  /** The route template of the first page, for naming the permission when a later page fails. */
  template: string;
  redirect?: 'manual';
}

export const userAgent = 'Starboard';
const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/** The URL of the `rel="next"` page in a Link header. */
export function nextPage(link: string | undefined): string | undefined {
  return link
    ?.split(',')
    .find((part) => /;\s*rel="next"/.test(part))
    ?.match(/<([^>]+)>/)?.[1];
}

export class GitHubClient {
  readonly baseUrl: string;
  readonly #octokit: Octokit;
  readonly #token: TokenProvider;
  readonly #cache: ConditionalCache;
  readonly #limits: RateLimitTracker;
  readonly #gate: RequestGate;
  readonly #timeoutMs: number;
  readonly #counts: GitHubRequestCounts = { sent: 0, ok: 0, notModified: 0, failed: 0, refused: 0, logDownloads: 0 };

  constructor(options: GitHubClientOptions) {
    const base = new URL(options.baseUrl);
    const refusal = refuse(base);
    if (refusal) throw new Error(refusal);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#octokit = new Octokit({ baseUrl: this.baseUrl, userAgent, log: silent });
    this.#token = options.token;
    this.#cache = new ConditionalCache(options.cacheEntries);
    this.#limits = new RateLimitTracker({
      now: options.now ?? (() => new Date()),
      ...(options.lowWater !== undefined ? { lowWater: options.lowWater } : {}),
    });
    this.#gate = new RequestGate(options.maxInFlight ?? 4, options.writeSpacingMs ?? 1000);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** A conditional GET of one JSON resource or page: `GET /repos/{owner}/{repo}` with its parameters. */
  async get<T>(route: string, params: Params, as: Shape<T>, resource?: string): Promise<Fetched<T>> {
    const answer = await this.#send(route, params, { conditional: true, template: route, as, ...at(resource) });
    return { data: answer.data as T, changed: answer.changed };
  }

  /** An unconditional GET, with the answer's headers (GET /user and its `x-oauth-scopes`). */
  async getWithHeaders<T>(route: string, params: Params = {}, resource?: string): Promise<WithHeaders<T>> {
    const answer = await this.#send(route, params, { conditional: false, template: route, ...at(resource) });
    const headers = Object.fromEntries(
      Object.entries(answer.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
    );
    return { data: answer.data as T, headers };
  }

  /**
   * Every page of a list (at most `maxPages`), each page conditional and
   * mapped by `as`. `changed` is false only when every page answered 304.
   */
  async getAll<I>(
    route: string,
    params: Params,
    as: Shape<I[]>,
    options: { resource?: string; maxPages?: number } = {},
  ): Promise<Fetched<I[]>> {
    const opts: SendOptions = { conditional: true, template: route, as, ...at(options.resource) };
    let answer = await this.#send(route, params, opts);
    const out = [...(answer.data as I[])];
    let changed = answer.changed;
    for (let page = 1; page < (options.maxPages ?? 10); page++) {
      const next = nextPage(answer.link);
      if (next === undefined) break;
      answer = await this.#send(`GET ${next}`, {}, opts);
      out.push(...(answer.data as I[]));
      changed ||= answer.changed;
    }
    return { data: out, changed };
  }

  /** A write (POST): one at a time, never retried, never cached. */
  async write(route: string, params: Params, resource?: string): Promise<unknown> {
    const answer = await this.#gate.write(() =>
      this.#send(route, params, { conditional: false, template: route, ...at(resource) }, false),
    );
    return answer.data;
  }

  /**
   * A text download behind a redirect (job logs): the API answers 302 with a
   * short-lived URL, fetched without the token since it carries its own signature.
   */
  async download(route: string, params: Params, resource?: string): Promise<string> {
    const answer = await this.#send(route, params, {
      conditional: false,
      template: route,
      redirect: 'manual',
      ...at(resource),
    });
    if (typeof answer.data === 'string' && answer.status === 200) return answer.data;
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status >= 400 || location === undefined)
      throw new GitHubProblemError(malformedProblem(resource), answer.status);
    const target = new URL(String(location), this.baseUrl);
    // The link carries its own signature; it gets no token, and no plain http beyond loopback either.
    if (refuseTransport(target) !== undefined) throw new GitHubProblemError(malformedProblem(resource), answer.status);
    this.#counts.logDownloads += 1;
    try {
      const response = await fetch(target, {
        headers: { 'user-agent': userAgent },
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      if (response.ok) return await response.text();
      const problem: SourceProblem = {
        // The signed URL of a log past its retention answers 404 or 410: the log is gone, not failing.
        code: response.status === 404 || response.status === 410 ? 'not-found' : 'internal',
        message:
          response.status === 404 || response.status === 410
            ? 'The log is gone from GitHub (deleted, or past its retention).'
            : `The log download answered ${response.status}; try again.`,
        ...at(resource),
      };
      throw new GitHubProblemError(problem, response.status);
    } catch (error) {
      if (error instanceof GitHubProblemError) throw error;
      throw new GitHubProblemError(networkProblem(error, resource));
    }
  }

  /** GET /rate_limit: free of the primary limit; updates `rateLimit()`. */
  async refreshRateLimit(): Promise<GitHubRateLimit> {
    await this.#send('GET /rate_limit', {}, { conditional: false, template: 'GET /rate_limit' });
    return this.rateLimit();
  }

  rateLimit(): GitHubRateLimit {
    return this.#limits.snapshot();
  }

  counts(): GitHubRequestCounts {
    return { ...this.#counts };
  }

  async #send(route: string, params: Params, opts: SendOptions, gated = true): Promise<Answer> {
    const refused = this.#refusal(opts.resource);
    if (refused) throw refused;
    const call = async (): Promise<Answer> => {
      // The account may have been blocked while this request waited for a slot.
      const blocked = this.#refusal(opts.resource);
      if (blocked) throw blocked;
      const token = await this.#tokenOrProblem(opts.resource);
      try {
        return await this.#exchange(token, route, params, opts);
      } catch (error) {
        throw redacted(error, token, opts.resource);
      }
    };
    return gated ? this.#gate.run(call) : call();
  }

  async #exchange(token: string, route: string, params: Params, opts: SendOptions): Promise<Answer> {
    const [method = 'GET', url = ''] = route.split(' ');
    const identity = tokenIdentity(token);
    const target = this.#octokit.request.endpoint({ method, url, ...params }).url;
    const key = `${opts.as?.name ?? 'raw'} ${target}`;
    const cached = opts.conditional ? this.#cache.get(identity, key) : undefined;
    const headers: Record<string, string> = { authorization: `token ${token}`, 'user-agent': userAgent };
    if (cached) headers['if-none-match'] = cached.etag;
    const request = {
      signal: AbortSignal.timeout(this.#timeoutMs),
      ...(opts.redirect ? { redirect: opts.redirect } : {}),
    };
    this.#counts.sent += 1;
    let response: { status: number; data: unknown; headers: Headers };
    try {
      response = await this.#octokit.request<unknown>({ method, url, ...params, headers, request });
    } catch (error) {
      const failed = failure(error);
      if (failed?.status === 304 && cached) {
        this.#counts.notModified += 1;
        this.#limits.observe(304, failed.headers);
        return { status: 304, data: cached.data, headers: failed.headers, changed: false, ...link(cached.link) };
      }
      this.#counts.failed += 1;
      if (!failed) throw new GitHubProblemError(networkProblem(error, opts.resource), undefined);
      const limited = this.#limits.observe(failed.status, failed.headers, failed.message);
      const problem = limited
        ? { ...limited, ...at(opts.resource) }
        : httpProblem(failed, { method, path: opts.template.split(' ')[1] ?? url, ...at(opts.resource) });
      throw new GitHubProblemError(problem, failed.status, failed.message);
    }
    this.#limits.observe(response.status, response.headers);
    let data = response.data;
    const json = String(response.headers['content-type'] ?? '').includes('json');
    if (response.status === 200 && (opts.as || json)) {
      try {
        // Octokit hands over the text when JSON does not parse.
        if (json && (typeof data !== 'object' || data === null)) throw new Error('unreadable JSON');
        if (opts.as) data = opts.as.read(data);
      } catch {
        // A body the mapping cannot read (GitHub sent half an answer, or another shape): nothing is cached.
        this.#counts.failed += 1;
        throw new GitHubProblemError(malformedProblem(opts.resource), response.status);
      }
    }
    this.#counts.ok += 1;
    const answerLink = response.headers.link === undefined ? undefined : String(response.headers.link);
    const etag = response.headers.etag;
    if (opts.conditional && response.status === 200 && etag !== undefined)
      this.#cache.set(identity, key, { etag: String(etag), data, ...link(answerLink) });
    return { status: response.status, data, headers: response.headers, changed: true, ...link(answerLink) };
  }

  #refusal(resource: string | undefined): GitHubProblemError | undefined {
    const problem = this.#limits.refusal();
    if (!problem) return undefined;
    this.#counts.refused += 1;
    return new GitHubProblemError({ ...problem, ...at(resource) }, undefined, undefined, false);
  }

  async #tokenOrProblem(resource: string | undefined): Promise<string> {
    let token: string;
    try {
      token = (await this.#token()).trim();
    } catch {
      token = '';
    }
    if (token !== '') return token;
    const problem: SourceProblem = {
      code: 'credentials-expired',
      message: 'No GitHub token is available for this account. Add one to continue.',
      ...at(resource),
    };
    throw new GitHubProblemError(problem, undefined, undefined, false);
  }
}

const at = (resource: string | undefined): { resource?: string } => (resource === undefined ? {} : { resource });
const link = (value: string | undefined): { link?: string } => (value === undefined ? {} : { link: value });

/** An Octokit RequestError that carries GitHub's answer; undefined when no answer came (network, timeout). */
function failure(error: unknown): { status: number; message: string; headers: Headers } | undefined {
  if (!(error instanceof Error) || !('response' in error)) return undefined;
  const response = (error as { response?: { status?: unknown; headers?: Headers; data?: unknown } }).response;
  if (!response || typeof response.status !== 'number') return undefined;
  const data = response.data;
  const message =
    typeof data === 'object' && data !== null && 'message' in data && typeof data.message === 'string'
      ? data.message
      : '';
  return { status: response.status, message, headers: response.headers ?? {} };
}

/** Whatever escapes a request, as a GitHubProblemError whose text cannot carry the token. */
function redacted(error: unknown, token: string, resource: string | undefined): GitHubProblemError {
  const scrub = (text: string): string => text.split(token).join('[REDACTED]');
  if (error instanceof GitHubProblemError) {
    const problem = { ...error.problem, message: scrub(error.problem.message) };
    const said = error.githubMessage === undefined ? undefined : scrub(error.githubMessage);
    return new GitHubProblemError(problem, error.status, said, error.sent);
  }
  const problem: SourceProblem = {
    code: 'internal',
    message: scrub(error instanceof Error ? error.message : String(error)),
    ...at(resource),
  };
  return new GitHubProblemError(problem);
}
