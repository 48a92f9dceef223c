// Issue 6's budget: after a first refresh of 50 repositories (the `scale`
// scenario), ten idle refreshes cost at most 5% of the requests they send
// against the primary limit, i.e. at least 95% are answered 304. Counted
// three ways: the simulator's request log, its primary-limit window, and the
// client's own counters. Also Link pagination over the scale scenario.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubSource } from '../../../src/main/sources/github/github-source';
import { startSourceHarness, statuses, type SourceHarness } from './support';

let h: SourceHarness;
let source: GitHubSource;
let repositories: string[];

beforeAll(async () => {
  h = await startSourceHarness('scale', { scale: 100 });
  repositories = h.sim.control.repositories();
  source = h.source();
  source.watch(repositories);
});
afterAll(() => h.sim.close());

describe('ten idle refreshes of 50 repositories', () => {
  it('cost at most 5% of their requests against the primary limit', async () => {
    expect(repositories).toHaveLength(50);
    const first = await source.refresh();
    expect(first.every((view) => view.problem === undefined && view.problems.length === 0)).toBe(true);
    const firstCost = h.sim.control.rateLimit('demo-dev').used;
    const firstRequests = h.sim.requests.records.length;

    h.sim.requests.reset();
    const usedBefore = h.sim.control.rateLimit('demo-dev').used;
    const countsBefore = source.counts();
    for (let i = 0; i < 10; i++) await source.refresh();
    const sent = h.sim.requests.records.length;
    const byStatus = statuses(h.sim);
    const primaryCost = h.sim.control.rateLimit('demo-dev').used - usedBefore;
    const counts = source.counts();
    const clientSent = counts.sent - countsBefore.sent;
    const client304 = counts.notModified - countsBefore.notModified;

    console.info(
      `GitHub budget, 50 repositories: first refresh ${firstRequests} requests (${firstCost} of the primary limit); ` +
        `10 idle refreshes ${sent} requests (${sent / 10} each), by status ${JSON.stringify(byStatus)}, ` +
        `primary-limit cost ${primaryCost}; client counted ${clientSent} sent, ${client304} answered 304`,
    );
    expect(primaryCost).toBeLessThanOrEqual(0.05 * sent);
    expect(byStatus[304] ?? 0).toBeGreaterThanOrEqual(0.95 * sent);
    expect(clientSent).toBe(sent);
    expect(client304).toBeGreaterThanOrEqual(0.95 * clientSent);
    // A constant handful per repository: commits, runs, pull requests, and waiting runs where environments gate.
    expect(sent / 10).toBeLessThanOrEqual(4 * repositories.length);
    expect(source.rateLimit()).toMatchObject({ remaining: 5000 - firstCost, slowDown: 1 });
  });
});

describe('Link pagination in the scale scenario', () => {
  it('reads every open pull request across pages of one', async () => {
    const paged = h.source(h.client(), { limits: { pageSize: 1 } });
    const many = repositories.filter(
      (name) => (source.repositories.find((v) => v.fullName === name)?.pulls.length ?? 0) > 1,
    );
    expect(many.length).toBeGreaterThan(0);
    const name = many[0] ?? '';
    paged.watch([name]);
    h.sim.requests.reset();
    const [view] = await paged.refresh();
    const expected = source.repositories.find((v) => v.fullName === name)?.pulls.map((p) => p.number);
    expect(view?.pulls.map((p) => p.number)).toEqual(expected);
    expect(statuses(h.sim, 'pulls/list')[200]).toBe(expected?.length);
  });

  it('reads older runs page by page', async () => {
    const name = repositories[0] ?? '';
    const all = h.sim.control.runs(name).length;
    expect(all).toBeGreaterThan(5);
    const runs = await source.runs(name, { perPage: 5, pages: 10 });
    expect(runs.ok && runs.value.map((r) => r.id)).toEqual(h.sim.control.runs(name).map((r) => r.id));
  });
});
