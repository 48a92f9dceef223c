// Finding repositories to watch, against the GitHub simulator: the account's
// own, an owner's, a search, their pages, and the search window of 30 a
// minute, which must not stop the account's other reads.
import { afterEach, describe, expect, it } from 'vitest';
import { GitHubProblemError } from '../../../src/main/sources/github/problems';
import {
  findRepositories,
  readableRepository,
  type RepositoryClients,
} from '../../../src/main/sources/github/repository-search';
import { startSourceHarness, statuses, type SourceHarness } from './support';

let harness: SourceHarness | undefined;
afterEach(async () => {
  await harness?.sim.close();
  harness = undefined;
});

async function start(
  scenario: 'demo' | 'scale',
  scale?: number,
): Promise<{ h: SourceHarness; clients: RepositoryClients }> {
  const h = await startSourceHarness(scenario, scale === undefined ? {} : { scale });
  harness = h;
  return { h, clients: { core: h.client(), search: h.client() } };
}

async function problemOf(promise: Promise<unknown>): Promise<GitHubProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GitHubProblemError) return error;
    throw error;
  }
  throw new Error('expected a problem');
}

describe('finding repositories to watch', () => {
  it("lists the account's own repositories, with what a picker shows", async () => {
    const { clients } = await start('demo');
    const page = await findRepositories(clients, {});
    expect(page.hasMore).toBe(false);
    expect(page.totalCount).toBeUndefined();
    expect(page.repositories.map((r) => r.fullName).sort()).toEqual([
      'acme-rockets/docs',
      'acme-rockets/mobile-backend',
      'acme-rockets/storefront',
    ]);
    const storefront = page.repositories.find((r) => r.fullName === 'acme-rockets/storefront');
    expect(storefront).toMatchObject({ private: true, archived: false, fork: false });
    expect(storefront?.pushedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(storefront?.htmlUrl).toMatch(/\/acme-rockets\/storefront$/);
  });

  it('follows pages through the Link header', async () => {
    const { clients } = await start('scale', 140);
    const first = await findRepositories(clients, {});
    expect(first.repositories).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    const second = await findRepositories(clients, { page: 2 });
    expect(second.repositories).toHaveLength(20);
    expect(second.hasMore).toBe(false);
    const names = new Set([...first.repositories, ...second.repositories].map((r) => r.fullName));
    expect(names.size).toBe(70);
  });

  it("lists an organisation's repositories, private ones included, and a user's after the organisation route's 404", async () => {
    const { h, clients } = await start('demo');
    const org = await findRepositories(clients, { owner: 'acme-rockets' });
    expect(org.repositories.map((r) => r.fullName).sort()).toEqual([
      'acme-rockets/docs',
      'acme-rockets/mobile-backend',
      'acme-rockets/storefront',
    ]);
    expect(statuses(h.sim, 'repos/list-for-user')).toEqual({});
    const user = await findRepositories(clients, { owner: 'demo-dev' });
    expect(user).toEqual({ repositories: [], hasMore: false });
    expect(statuses(h.sim, 'repos/list-for-org')).toEqual({ 200: 1, 404: 1 });
    expect(statuses(h.sim, 'repos/list-for-user')).toEqual({ 200: 1 });
    const nobody = await problemOf(findRepositories(clients, { owner: 'no-such-owner' }));
    expect(nobody.problem.code).toBe('not-found');
  });

  it('searches names and descriptions, within an owner when named, with the total and pages', async () => {
    const { clients } = await start('scale', 140);
    const page = await findRepositories(clients, { query: 'service' });
    expect(page.totalCount).toBe(70);
    expect(page.repositories).toHaveLength(30);
    expect(page.hasMore).toBe(true);
    const last = await findRepositories(clients, { query: 'service', page: 3 });
    expect([last.repositories.length, last.hasMore]).toEqual([10, false]);
    const one = await findRepositories(clients, { query: 'service-007', owner: 'orbital-freight' });
    expect(one.repositories.map((r) => r.fullName)).toEqual(['orbital-freight/service-007']);
    const elsewhere = await findRepositories(clients, { query: 'service', owner: 'acme-rockets' });
    expect(elsewhere).toMatchObject({ repositories: [], totalCount: 0 });
  });

  it('answers a spent search window as throttled with its retry time, and keeps the other reads going', async () => {
    const { h, clients } = await start('demo');
    for (let i = 0; i < 30; i++) await findRepositories(clients, { query: 'store' });
    // The 30th answer said none are left: the 31st search waits without asking GitHub.
    const waiting = await problemOf(findRepositories(clients, { query: 'store' }));
    expect([waiting.problem.code, waiting.sent]).toEqual(['throttled', false]);
    expect(statuses(h.sim, 'search/repos')).toEqual({ 200: 30 });

    // A client that did not know (Starboard restarted) hears GitHub's 403 for the search resource.
    const fresh = { ...clients, search: h.client() };
    const throttled = await problemOf(findRepositories(fresh, { query: 'store' }));
    expect([throttled.problem.code, throttled.status]).toEqual(['throttled', 403]);
    expect(throttled.problem.message).toMatch(/30 searches a minute/);
    const retryAt = Date.parse(throttled.problem.retryAt ?? '');
    expect(retryAt).toBeGreaterThan(h.sim.clock.now());
    expect(retryAt).toBeLessThanOrEqual(h.sim.clock.now() + 62_000);
    expect(statuses(h.sim, 'search/repos')).toEqual({ 200: 30, 403: 1 });

    // The account's other reads are not blocked by the search window.
    expect((await findRepositories(clients, {})).repositories).toHaveLength(3);
    expect((await readableRepository(clients.core, 'acme-rockets/storefront')).fullName).toBe(
      'acme-rockets/storefront',
    );
    expect(clients.core.rateLimit().blockedUntil).toBeUndefined();
    expect(statuses(h.sim, 'repos/list-for-authenticated-user')).toEqual({ 200: 1 });

    h.sim.clock.advance(62_000);
    expect((await findRepositories(clients, { query: 'store' })).totalCount).toBe(1);
  });

  it("reads one repository by name, with GitHub's letter case, and refuses one the token cannot see", async () => {
    const { h, clients } = await start('demo');
    expect((await readableRepository(clients.core, 'ACME-rockets/StoreFront')).fullName).toBe(
      'acme-rockets/storefront',
    );
    h.sim.control.addToken('ghp_outsider00000000000000000000000000000', 'outsider');
    const outsider = h.client({ token: () => 'ghp_outsider00000000000000000000000000000' });
    const hidden = await problemOf(readableRepository(outsider, 'acme-rockets/storefront'));
    expect(hidden.problem.code).toBe('not-found');
  });
});
