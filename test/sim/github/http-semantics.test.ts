// The HTTP behaviour Octokit and Starboard rely on, seen through the real
// Octokit: Link pagination, ETag/304 without primary-limit cost, rate-limit
// headers, primary and secondary limits, and injected faults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokedToken } from '../../../src/sim/github/index';
import { demoToken, failure, startHarness, type Harness } from './harness';

const backend = { owner: 'acme-rockets', repo: 'mobile-backend' };
let sim: Harness;
beforeEach(async () => {
  sim = await startHarness('demo');
});
afterEach(() => sim.close());

describe('pagination', () => {
  it.each([false, true])('octokit.paginate follows Link headers (enterprise base URL: %s)', async (enterprise) => {
    const octokit = sim.octokit({ enterprise });
    const runs = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, { ...backend, per_page: 4 });
    expect(runs).toHaveLength(14);
    expect(new Set(runs.map((r) => r.id)).size).toBe(14);
    expect(sim.requests.count({ operation: 'actions/list-workflow-runs-for-repo', status: 200 })).toBe(4);
    const commits = await octokit.paginate(octokit.rest.repos.listCommits, {
      owner: 'acme-rockets',
      repo: 'storefront',
      per_page: 7,
    });
    expect(commits).toHaveLength(40);
  });

  it('links prev, next, last and first from a middle page; per_page defaults to 30', async () => {
    const middle = await fetch(`${sim.enterpriseUrl}/repos/acme-rockets/mobile-backend/deployments?per_page=5&page=2`, {
      headers: { authorization: `token ${demoToken}` },
    });
    const link = middle.headers.get('link') ?? '';
    const rels: Record<string, string | null> = {};
    for (const m of link.matchAll(/<([^>]+)>; rel="(\w+)"/g))
      rels[m[2] ?? ''] = new URL(m[1] ?? '').searchParams.get('page');
    // 24 deployments: 12 runs reached staging and production (two failed builds did not).
    expect(rels).toEqual({ prev: '1', next: '3', last: '5', first: '1' });
    expect(link).toContain(`${sim.enterpriseUrl}/repos/acme-rockets/mobile-backend/deployments?per_page=5&page=3`);
    const octokit = sim.octokit();
    expect((await octokit.rest.repos.listCommits({ owner: 'acme-rockets', repo: 'storefront' })).data).toHaveLength(30);
    expect(
      (await octokit.rest.repos.listCommits({ owner: 'acme-rockets', repo: 'storefront', per_page: 500 })).data,
    ).toHaveLength(40);
  });
});

describe('conditional requests', () => {
  it('answers 304 to a matching If-None-Match without spending the primary limit', async () => {
    const octokit = sim.octokit();
    const first = await octokit.rest.actions.listWorkflowRunsForRepo(backend);
    const etag = first.headers.etag ?? '';
    expect(etag).toMatch(/^W\/"[0-9a-f]+"$/);
    const remaining = Number(first.headers['x-ratelimit-remaining']);
    const notModified = await failure(
      octokit.rest.actions.listWorkflowRunsForRepo({ ...backend, headers: { 'if-none-match': etag } }),
    );
    expect(notModified.status).toBe(304);
    expect(Number(notModified.headers['x-ratelimit-remaining'])).toBe(remaining);
    expect(sim.control.rateLimit('demo-dev').remaining).toBe(remaining);
    expect(sim.requests.count({ operation: 'actions/list-workflow-runs-for-repo', status: 304 })).toBe(1);
  });

  it('answers 200 again once the resource changes, and never for another token', async () => {
    const octokit = sim.octokit();
    const { headers } = await octokit.rest.actions.listWorkflowRunsForRepo(backend);
    sim.clock.advance(60 * 60_000);
    sim.control.startWorkflowRun({ repo: 'acme-rockets/mobile-backend', environments: ['staging'] });
    const changed = await octokit.rest.actions.listWorkflowRunsForRepo({
      ...backend,
      headers: { 'if-none-match': headers.etag },
    });
    expect(changed.status).toBe(200);
    sim.control.addToken('ghp_other000000000000000000000000000000', 'maria-ops');
    const other = sim.octokit({ token: 'ghp_other000000000000000000000000000000' });
    const again = await other.rest.actions.listWorkflowRunsForRepo({
      ...backend,
      headers: { 'if-none-match': changed.headers.etag },
    });
    expect(again.status).toBe(200);
  });
});

describe('the primary rate limit', () => {
  it('sends x-ratelimit headers and counts each request; GET /rate_limit is free', async () => {
    const octokit = sim.octokit();
    const a = await octokit.rest.users.getAuthenticated();
    expect(a.headers['x-ratelimit-limit']).toBe('5000');
    expect(a.headers['x-ratelimit-resource']).toBe('core');
    expect(a.headers['x-ratelimit-used']).toBe('1');
    expect(Number(a.headers['x-ratelimit-reset'])).toBe(Math.ceil((sim.clock.now() + 3_600_000) / 1000));
    const b = await octokit.rest.repos.get(backend);
    expect(Number(b.headers['x-ratelimit-remaining'])).toBe(4998);
    const { data } = await octokit.rest.rateLimit.get();
    expect(data.resources.core).toMatchObject({ limit: 5000, used: 2, remaining: 4998 });
    expect(sim.control.rateLimit('demo-dev').used).toBe(2);
  });

  it('answers 403 with x-ratelimit-remaining 0 when exhausted, until the reset', async () => {
    const octokit = sim.octokit();
    sim.control.exhaustPrimaryRateLimit('demo-dev');
    const limited = await failure(octokit.rest.repos.get(backend));
    expect(limited.status).toBe(403);
    expect(limited.message).toContain('API rate limit exceeded');
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(sim.clock.now() / 1000);
    expect((await octokit.rest.rateLimit.get()).data.rate.remaining).toBe(0);
    sim.clock.advance(3_600_000);
    expect((await octokit.rest.repos.get(backend)).status).toBe(200);
  });
});

describe('secondary rate limits', () => {
  it('answers 429 with retry-after by default, and 403 or no retry-after when asked', async () => {
    const octokit = sim.octokit();
    sim.control.addSecondaryRateLimit({ operation: 'repos/get', times: 1 });
    const limited = await failure(octokit.rest.repos.get(backend));
    expect([limited.status, limited.headers['retry-after']]).toEqual([429, '60']);
    expect(limited.message).toContain('You have exceeded a secondary rate limit');
    expect((await octokit.rest.repos.get(backend)).status).toBe(200);

    const off = sim.control.addSecondaryRateLimit({ status: 403, retryAfterSeconds: null });
    const forbidden = await failure(octokit.rest.users.getAuthenticated());
    expect([forbidden.status, forbidden.headers['retry-after']]).toEqual([403, undefined]);
    expect(forbidden.message).toContain('secondary rate limit');
    off();
    expect((await octokit.rest.users.getAuthenticated()).status).toBe(200);
  });
});

describe('authentication and visibility', () => {
  it('accepts token and Bearer schemes and rejects unknown or revoked tokens with 401', async () => {
    for (const scheme of ['token', 'Bearer']) {
      const response = await fetch(`${sim.url}/user`, { headers: { authorization: `${scheme} github_pat_11ABC` } });
      expect(response.status).toBe(200);
    }
    expect((await failure(sim.octokit({ token: 'nonsense' }).rest.users.getAuthenticated())).status).toBe(401);
    sim.control.revokeToken(demoToken);
    const revoked = await failure(sim.octokit().rest.users.getAuthenticated());
    expect([revoked.status, revoked.message]).toEqual([401, expect.stringContaining('Bad credentials')]);
  });

  it('hides private repositories from outsiders and anonymous callers with 404', async () => {
    sim.control.addToken('ghp_outsider0000000000000000000000000000', 'outsider');
    const outsider = sim.octokit({ token: 'ghp_outsider0000000000000000000000000000' });
    expect((await failure(outsider.rest.repos.get(backend))).status).toBe(404);
    expect((await outsider.rest.repos.get({ owner: 'acme-rockets', repo: 'docs' })).status).toBe(200);
    const anonymous = await fetch(`${sim.url}/repos/acme-rockets/storefront`);
    expect([anonymous.status, anonymous.headers.get('x-ratelimit-limit')]).toEqual([404, '60']);
    const unknown = await fetch(`${sim.url}/repos/acme-rockets/storefront/wiki/pages`, {
      headers: { authorization: `token ${demoToken}` },
    });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });
  });
});

describe('injected faults', () => {
  it('turns FaultInjector decisions into GitHub answers', async () => {
    const octokit = sim.octokit();
    const add = (error: 'throttle' | 'access-denied' | 'expired-token' | 'server-error' | 'malformed'): void => {
      sim.faults.add({ service: 'github', operation: 'repos/get', error, times: 1 });
    };
    add('access-denied');
    const denied = await failure(octokit.rest.repos.get(backend));
    expect(denied.status).toBe(403);
    expect(denied.message).toContain('Resource not accessible by personal access token');
    add('expired-token');
    expect((await failure(octokit.rest.repos.get(backend))).status).toBe(401);
    add('throttle');
    expect((await failure(octokit.rest.repos.get(backend))).headers['retry-after']).toBe('60');
    add('server-error');
    expect((await failure(octokit.rest.repos.get(backend))).status).toBe(502);
    add('malformed');
    expect(typeof (await octokit.rest.repos.get(backend)).data).toBe('string');
    sim.faults.add({ service: 'github', operation: 'repos/get', error: 'connection-reset', times: 1 });
    await expect(
      fetch(`${sim.url}/repos/acme-rockets/mobile-backend`, { headers: { authorization: `token ${demoToken}` } }),
    ).rejects.toThrow();
    expect(sim.requests.count({ service: 'github', operation: 'repos/get', status: 0 })).toBe(1);
    expect((await octokit.rest.repos.get(backend)).status).toBe(200);
  });
});

describe('the faults scenario', () => {
  it('revokes its example token and starts with the primary limit nearly exhausted', async () => {
    await sim.close();
    sim = await startHarness('faults');
    expect((await failure(sim.octokit({ token: revokedToken }).rest.users.getAuthenticated())).status).toBe(401);
    const { data } = await sim.octokit().rest.rateLimit.get();
    expect(data.rate.remaining).toBe(25);
  });
});
