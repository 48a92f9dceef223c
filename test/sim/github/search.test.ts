// Finding repositories in the simulator through the real Octokit: a user's
// or organisation's public repositories, and the repository search with its
// qualifiers, pages and its own rate limit of 30 searches a minute.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, startHarness, type Harness } from './harness';

let sim: Harness;
beforeEach(async () => {
  sim = await startHarness('demo');
});
afterEach(() => sim.close());

describe('GET /users/{username}/repos', () => {
  it("lists an organisation's or a user's public repositories only", async () => {
    const octokit = sim.octokit();
    const { data: org } = await octokit.rest.repos.listForUser({ username: 'acme-rockets' });
    expect(org.map((r) => r.full_name)).toEqual(['acme-rockets/docs']);
    const { data: user } = await octokit.rest.repos.listForUser({ username: 'demo-dev' });
    expect(user).toEqual([]);
    expect((await failure(octokit.rest.repos.listForUser({ username: 'nobody-here' }))).status).toBe(404);
  });
});

describe('GET /search/repositories', () => {
  it('matches every word in names and descriptions, without case, among the repositories the viewer can see', async () => {
    const octokit = sim.octokit();
    const { data } = await octokit.rest.search.repos({ q: 'STORE' });
    expect([data.total_count, data.incomplete_results]).toEqual([1, false]);
    expect(data.items.map((r) => [r.full_name, r.private, r.score])).toEqual([['acme-rockets/storefront', true, 1]]);
    const { data: none } = await octokit.rest.search.repos({ q: 'store nonsense' });
    expect(none.total_count).toBe(0);
    sim.control.addToken('ghp_outsider00000000000000000000000000000', 'outsider');
    const outsider = sim.octokit({ token: 'ghp_outsider00000000000000000000000000000' });
    expect((await outsider.rest.search.repos({ q: 'store' })).data.total_count).toBe(0);
  });

  it('knows the user:, org:, fork: and archived: qualifiers', async () => {
    const octokit = sim.octokit();
    const names = async (q: string) => (await octokit.rest.search.repos({ q })).data.items.map((r) => r.name).sort();
    expect(await names('user:acme-rockets fork:true')).toEqual(['docs', 'mobile-backend', 'storefront']);
    expect(await names('org:ACME-ROCKETS archived:false')).toEqual(['docs', 'mobile-backend', 'storefront']);
    expect(await names('user:someone-else')).toEqual([]);
    expect(await names('user:acme-rockets fork:only')).toEqual([]);
    expect(await names('user:acme-rockets archived:true')).toEqual([]);
  });

  it('pages with a Link header and refuses an empty query', async () => {
    const octokit = sim.octokit();
    const first = await octokit.rest.search.repos({ q: 'user:acme-rockets', per_page: 2 });
    expect(first.data.items).toHaveLength(2);
    expect(first.data.total_count).toBe(3);
    expect(first.headers.link).toMatch(/rel="next"/);
    const second = await octokit.rest.search.repos({ q: 'user:acme-rockets', per_page: 2, page: 2 });
    expect(second.data.items).toHaveLength(1);
    expect(second.headers.link).not.toMatch(/rel="next"/);
    expect((await failure(octokit.rest.search.repos({ q: ' ' }))).status).toBe(422);
  });

  it('allows 30 searches a minute per user, then answers 403 for the search resource until the reset', async () => {
    const octokit = sim.octokit();
    let last: Awaited<ReturnType<typeof octokit.rest.search.repos>> | undefined;
    for (let i = 0; i < 30; i++) last = await octokit.rest.search.repos({ q: 'docs' });
    expect(last?.headers['x-ratelimit-resource']).toBe('search');
    expect([last?.headers['x-ratelimit-limit'], last?.headers['x-ratelimit-remaining']]).toEqual(['30', '0']);
    const refused = await failure(octokit.rest.search.repos({ q: 'docs' }));
    expect(refused.status).toBe(403);
    expect(refused.headers['x-ratelimit-resource']).toBe('search');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    const reset = Number(refused.headers['x-ratelimit-reset']);
    expect(reset * 1000).toBeGreaterThan(sim.clock.now());
    expect(reset * 1000).toBeLessThanOrEqual(sim.clock.now() + 60_000);
    // Other reads go on, counted in the core window.
    const { headers } = await octokit.rest.repos.get({ owner: 'acme-rockets', repo: 'docs' });
    expect(headers['x-ratelimit-resource']).toBe('core');
    sim.clock.advance(60_000);
    expect((await octokit.rest.search.repos({ q: 'docs' })).data.total_count).toBe(1);
  });
});
