// Starboard's GitHub client against the simulator over real HTTP:
// conditional requests and the ETag cache, Link pagination, the primary and
// secondary rate limits (no request sent while blocked), error mapping, the
// GHES base path, request pacing, and the token never showing in anything
// the client returns or throws.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubClient, shape, type Fetched } from '../../../src/main/sources/github/client';
import { GitHubProblemError } from '../../../src/main/sources/github/problems';
import type { SourceProblem } from '../../../src/shared/sources';
import { demoToken, startSourceHarness, statuses, type SourceHarness } from './support';

const backend = { owner: 'acme-rockets', repo: 'mobile-backend' };
const repoRoute = 'GET /repos/{owner}/{repo}';
const runsRoute = 'GET /repos/{owner}/{repo}/actions/runs';
/** Keeps the body as it came (the client's tests look at GitHub's own fields). */
const raw = shape('raw', (body: unknown) => body);
const branch = shape('default-branch', (body: { default_branch: string }) => body.default_branch);
const runIds = shape('run-ids', (page: { workflow_runs: { id: number }[] }) => page.workflow_runs.map((r) => r.id));

let h: SourceHarness;
beforeEach(async () => {
  h = await startSourceHarness('demo');
});
afterEach(() => h.sim.close());

/** The problem a failing call threw (and that it threw a GitHubProblemError). */
async function problem(call: Promise<unknown>): Promise<SourceProblem & { error: GitHubProblemError }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof GitHubProblemError) return { ...error.problem, error };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('conditional requests', () => {
  it('sends If-None-Match, answers a 304 from the cache, and the 304 costs no primary limit', async () => {
    const client = h.client();
    const first = await client.get(repoRoute, backend, branch);
    const used = h.sim.control.rateLimit('demo-dev').used;
    const second = await client.get(repoRoute, backend, branch);
    expect(first).toEqual({ changed: true, data: 'main' });
    expect(second).toEqual({ changed: false, data: 'main' });
    expect(statuses(h.sim, 'repos/get')).toEqual({ 200: 1, 304: 1 });
    expect(h.sim.control.rateLimit('demo-dev').used).toBe(used);
    expect(client.counts()).toMatchObject({ sent: 2, ok: 1, notModified: 1, failed: 0 });
  });

  it('reads again once the resource changes, and keys the cache by token', async () => {
    const client = h.client();
    await client.get(runsRoute, backend, raw);
    h.sim.clock.advance(60 * 60_000);
    h.sim.control.startWorkflowRun({ repo: 'acme-rockets/mobile-backend', environments: ['staging'] });
    expect((await client.get(runsRoute, backend, raw)).changed).toBe(true);
    expect((await client.get(runsRoute, backend, raw)).changed).toBe(false);

    // A renewed token starts a fresh cache: GitHub's ETags are per token.
    let token = demoToken;
    const rotating = h.client({ token: () => token });
    await rotating.get(runsRoute, backend, raw);
    token = 'ghp_rotated000000000000000000000000000000';
    expect((await rotating.get(runsRoute, backend, raw)).changed).toBe(true);
    expect((await rotating.get(runsRoute, backend, raw)).changed).toBe(false);
  });

  it('follows Link pages, each conditional, and reuses them all when nothing changed', async () => {
    const client = h.client();
    const read = (): Promise<Fetched<number[]>> =>
      client.getAll(runsRoute, { ...backend, per_page: 4 }, runIds, { maxPages: 10 });
    const first = await read();
    expect(first.data).toHaveLength(14);
    expect(new Set(first.data).size).toBe(14);
    const again = await read();
    expect(again).toEqual({ data: first.data, changed: false });
    expect(statuses(h.sim, 'actions/list-workflow-runs-for-repo')).toEqual({ 200: 4, 304: 4 });
    const capped = await client.getAll(runsRoute, { ...backend, per_page: 4 }, runIds, { maxPages: 2 });
    expect(capped).toEqual({ data: first.data.slice(0, 8), changed: false });
    // Another mapping of the same URL has a cache entry of its own.
    const count = shape('count', (page: { workflow_runs: unknown[] }) => [page.workflow_runs.length]);
    expect(await client.getAll(runsRoute, { ...backend, per_page: 4 }, count, { maxPages: 1 })).toEqual({
      data: [4],
      changed: true,
    });
  });

  it('works the same under a GitHub Enterprise Server base URL (/api/v3)', async () => {
    const client = h.client({ enterprise: true });
    expect(client.baseUrl).toBe(h.sim.enterpriseUrl);
    const urls = shape('run-urls', (page: { workflow_runs: { url: string }[] }) =>
      page.workflow_runs.map((r) => r.url),
    );
    const first = await client.getAll(runsRoute, { ...backend, per_page: 5 }, urls);
    expect(first.data).toHaveLength(14);
    expect(first.data.every((url) => url.startsWith(`${h.sim.enterpriseUrl}/repos/`))).toBe(true);
    expect((await client.get(repoRoute, backend, raw)).changed).toBe(true);
    expect((await client.get(repoRoute, backend, raw)).changed).toBe(false);
  });
});

describe('the primary rate limit', () => {
  it('tracks remaining, limit and reset from every answer', async () => {
    const client = h.client();
    expect(client.rateLimit()).toEqual({ slowDown: 1 });
    await client.get(repoRoute, backend, raw);
    const reset = new Date(Math.ceil((h.sim.clock.now() + 3_600_000) / 1000) * 1000).toISOString();
    expect(client.rateLimit()).toEqual({ limit: 5000, remaining: 4999, used: 1, resetAt: reset, slowDown: 1 });
    await client.refreshRateLimit();
    expect(client.rateLimit().remaining).toBe(4999);
  });

  it('when exhausted: throttled with retryAt at the reset, then nothing is sent until then', async () => {
    const client = h.client();
    h.sim.control.exhaustPrimaryRateLimit('demo-dev');
    const reset = h.sim.control.rateLimit('demo-dev').reset;
    const first = await problem(client.get(repoRoute, backend, raw));
    expect(first).toMatchObject({ code: 'throttled', retryAt: new Date(reset * 1000 + 1000).toISOString() });
    expect(first.message).toContain('hourly request limit');
    const sent = h.sim.requests.records.length;
    for (let i = 0; i < 5; i++) {
      const again = await problem(client.get(runsRoute, backend, raw, 'acme-rockets/mobile-backend'));
      expect(again).toMatchObject({
        code: 'throttled',
        retryAt: first.retryAt,
        resource: 'acme-rockets/mobile-backend',
      });
      expect(again.error.sent).toBe(false);
    }
    expect(h.sim.requests.records.length).toBe(sent);
    expect(client.counts()).toMatchObject({ sent: 1, failed: 1, refused: 5 });
    expect(client.rateLimit()).toMatchObject({ remaining: 0, blockedBy: 'primary', blockedUntil: first.retryAt });

    h.sim.clock.advance(reset * 1000 - h.sim.clock.now());
    await expect(client.get(repoRoute, backend, raw)).rejects.toThrow(GitHubProblemError);
    expect(h.sim.requests.records.length).toBe(sent);
    h.sim.clock.advance(1000);
    expect((await client.get(repoRoute, backend, raw)).changed).toBe(true);
    expect(client.rateLimit().blockedUntil).toBeUndefined();
  });

  it('stops before GitHub has to: the last request of the window blocks the next one', async () => {
    const client = h.client();
    h.sim.control.setRateLimitRemaining('demo-dev', 1);
    await client.get(repoRoute, backend, raw);
    const sent = h.sim.requests.records.length;
    expect(await problem(client.get(runsRoute, backend, raw))).toMatchObject({ code: 'throttled' });
    expect(h.sim.requests.records.length).toBe(sent);
  });

  it('slows down below the low-water mark, more as the remainder shrinks', async () => {
    const client = h.client();
    h.sim.control.setRateLimitRemaining('demo-dev', 1000);
    await client.get(repoRoute, backend, raw);
    expect(client.rateLimit().slowDown).toBe(1);
    h.sim.control.setRateLimitRemaining('demo-dev', 251);
    await client.get(runsRoute, backend, raw);
    expect(client.rateLimit()).toMatchObject({ remaining: 250, slowDown: 2 });
    h.sim.control.setRateLimitRemaining('demo-dev', 11);
    await client.get('GET /user', {}, raw);
    expect(client.rateLimit()).toMatchObject({ remaining: 10, slowDown: 8 });
  });
});

describe('secondary rate limits', () => {
  it('honours retry-after: throttled until then, nothing sent meanwhile, slower afterwards', async () => {
    const client = h.client();
    h.sim.control.addSecondaryRateLimit({ operation: 'repos/get', retryAfterSeconds: 30, times: 1 });
    const limited = await problem(client.get(repoRoute, backend, raw));
    expect(limited).toMatchObject({
      code: 'throttled',
      retryAt: new Date(h.sim.clock.now() + 30_000).toISOString(),
    });
    expect(limited.message).toContain('secondary rate limit');
    const sent = h.sim.requests.records.length;
    expect(await problem(client.get('GET /user', {}, raw))).toMatchObject({ code: 'throttled' });
    expect(h.sim.requests.records.length).toBe(sent);
    h.sim.clock.advance(30_000);
    expect((await client.get(repoRoute, backend, raw)).changed).toBe(true);
    expect(client.rateLimit().slowDown).toBe(2);
    h.sim.clock.advance(11 * 60_000);
    expect(client.rateLimit().slowDown).toBe(1);
  });

  it('waits a minute when a 403 secondary limit names no retry-after', async () => {
    const client = h.client();
    h.sim.control.addSecondaryRateLimit({ status: 403, retryAfterSeconds: null, times: 1 });
    const limited = await problem(client.get(repoRoute, backend, raw));
    expect(limited).toMatchObject({ code: 'throttled', retryAt: new Date(h.sim.clock.now() + 60_000).toISOString() });
    expect(client.rateLimit().blockedBy).toBe('secondary');
  });
});

describe('errors', () => {
  it('maps 401 to credentials-expired (RELIABILITY G03)', async () => {
    h.sim.control.revokeToken(demoToken);
    const refused = await problem(h.client().get(repoRoute, backend, raw, 'acme-rockets/mobile-backend'));
    expect(refused).toMatchObject({
      code: 'credentials-expired',
      message: expect.stringContaining('revoked or expired') as string,
      resource: 'acme-rockets/mobile-backend',
    });
  });

  it('maps a 403 to access-denied naming the fine-grained permission of the endpoint', async () => {
    const client = h.client();
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['actions/list-workflow-runs-for-repo', runsRoute, backend, 'Actions: read'],
      ['repos/get-all-environments', 'GET /repos/{owner}/{repo}/environments', backend, 'Actions: read'],
      ['repos/list-deployments', 'GET /repos/{owner}/{repo}/deployments', backend, 'Deployments: read'],
      ['pulls/list', 'GET /repos/{owner}/{repo}/pulls', backend, 'Pull requests: read'],
      ['repos/list-commits', 'GET /repos/{owner}/{repo}/commits', backend, 'Contents: read'],
      [
        'actions/cancel-workflow-run',
        'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel',
        { ...backend, run_id: 1 },
        'Actions: write',
      ],
    ];
    for (const [operation, route, params, permission] of cases) {
      h.sim.faults.add({ service: 'github', operation, error: 'access-denied', times: 1 });
      const call = route.startsWith('POST') ? client.write(route, params) : client.get(route, params, raw);
      const denied = await problem(call);
      expect(denied).toMatchObject({ code: 'access-denied', missingPermission: permission });
      expect(denied.message).toContain(`"${permission}"`);
    }
  });

  it('maps 404 to not-found, 5xx to internal, a truncated body to internal, no answer to offline', async () => {
    const client = h.client();
    expect(
      await problem(client.get(repoRoute, { owner: 'acme-rockets', repo: 'nope' }, raw, 'acme-rockets/nope')),
    ).toMatchObject({
      code: 'not-found',
      resource: 'acme-rockets/nope',
    });
    h.sim.faults.add({ service: 'github', operation: 'repos/get', error: 'server-error', times: 1 });
    expect(await problem(client.get(repoRoute, backend, raw))).toMatchObject({ code: 'internal' });
    h.sim.faults.add({ service: 'github', operation: 'repos/get', error: 'malformed', times: 1 });
    expect(await problem(client.get(repoRoute, backend, raw))).toMatchObject({ code: 'internal' });
    h.sim.faults.add({ service: 'github', operation: 'repos/get', error: 'connection-reset', times: 1 });
    expect(await problem(client.get(repoRoute, backend, raw))).toMatchObject({ code: 'offline' });
    const closed = new GitHubClient({ baseUrl: 'http://127.0.0.1:9', token: () => demoToken });
    expect(await problem(closed.get(repoRoute, backend, raw))).toMatchObject({ code: 'offline' });
    // The malformed body was not cached: the next read is a fresh 200.
    expect((await client.get(repoRoute, backend, raw)).changed).toBe(true);
  });

  it('gives up on a request that takes too long', async () => {
    h.sim.faults.add({ service: 'github', operation: 'repos/get', latencyMs: 500, times: 1 });
    const slow = h.client({ timeoutMs: 100 });
    expect(await problem(slow.get(repoRoute, backend, raw))).toMatchObject({ code: 'offline' });
  });

  it('reports a missing token as credentials-expired without sending anything', async () => {
    const client = h.client({ token: () => '' });
    expect(await problem(client.get(repoRoute, backend, raw))).toMatchObject({ code: 'credentials-expired' });
    expect(h.sim.requests.records).toHaveLength(0);
  });
});

describe('pacing', () => {
  it('keeps at most maxInFlight requests in flight for one token', async () => {
    h.sim.faults.add({ service: 'github', operation: 'repos/get', latencyMs: 100 });
    const client = h.client({ maxInFlight: 2 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 6 }, () => client.get(repoRoute, backend, raw)));
    // Six 100 ms requests, two at a time: three rounds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('sends writes one at a time, spaced apart, and never retries them', async () => {
    const client = h.client({ writeSpacingMs: 150 });
    const run = h.sim.control.startWorkflowRun({ repo: 'acme-rockets/storefront' });
    h.sim.faults.add({ service: 'github', operation: 'actions/cancel-workflow-run', error: 'server-error', times: 1 });
    const cancel = 'POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel';
    const params = { owner: 'acme-rockets', repo: 'storefront', run_id: run };
    const started = performance.now();
    const outcomes = await Promise.allSettled([client.write(cancel, params), client.write(cancel, params)]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    // One 502 (the cancel happened, the answer was lost) and one 409: two requests, no retry.
    expect(statuses(h.sim, 'actions/cancel-workflow-run')).toEqual({ 502: 1, 409: 1 });
  });
});

describe('base URLs', () => {
  it('refuses plain http to anything but loopback (RELIABILITY G07)', () => {
    expect(() => new GitHubClient({ baseUrl: 'http://ghe.example.com/api/v3', token: () => demoToken })).toThrow(
      /HTTPS only/,
    );
    expect(new GitHubClient({ baseUrl: 'https://ghe.example.com/api/v3/', token: () => demoToken }).baseUrl).toBe(
      'https://ghe.example.com/api/v3',
    );
  });
});

describe('the token', () => {
  it('never appears in anything returned or thrown, whatever goes wrong', async () => {
    const client = h.client();
    const seen: unknown[] = [];
    const collect = async (call: Promise<unknown>): Promise<void> => {
      try {
        seen.push(await call);
      } catch (error) {
        seen.push(error, error instanceof GitHubProblemError ? error.problem : undefined, String(error));
      }
    };
    await collect(client.get(repoRoute, backend, raw));
    await collect(client.get(repoRoute, backend, raw));
    await collect(client.get('GET /user', {}, raw));
    await collect(client.getWithHeaders('GET /user'));
    h.sim.faults.add({ service: 'github', operation: 'repos/get', error: 'access-denied', times: 1 });
    await collect(client.get(repoRoute, backend, raw));
    await collect(client.get(repoRoute, { owner: 'acme-rockets', repo: 'nope' }, raw));
    h.sim.faults.add({ service: 'github', operation: 'repos/get', error: 'connection-reset', times: 1 });
    await collect(client.get(repoRoute, backend, raw));
    h.sim.control.addSecondaryRateLimit({ times: 1 });
    await collect(client.get(repoRoute, backend, raw));
    await collect(client.get(repoRoute, backend, raw));
    h.sim.clock.advance(120_000);
    h.sim.control.revokeToken(demoToken);
    await collect(client.get(runsRoute, backend, raw));
    seen.push(client.rateLimit(), client.counts());
    // Four answers, six failures (error, problem, text each), the rate limit and the counters.
    expect(seen).toHaveLength(24);
    const text = JSON.stringify(seen, (_key, value: unknown) =>
      value instanceof Error
        ? { ...Object.fromEntries(Object.entries(value)), message: value.message, stack: value.stack }
        : value,
    );
    expect(text).not.toContain(demoToken);
    expect(text).not.toContain(demoToken.slice(4));
  });
});
