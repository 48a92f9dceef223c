// Scenarios: the same seed builds the same world, a different seed another;
// `empty` has a user and nothing else; `scale` grows with --scale and keeps
// about a tenth of its runs going.
import { afterEach, describe, expect, it } from 'vitest';
import { demoToken, startHarness, type Harness } from './harness';

const started: Harness[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});
async function start(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const sim = await startHarness(...args);
  started.push(sim);
  return sim;
}

async function snapshot(sim: Harness): Promise<string> {
  const paths = [
    '/user/repos',
    '/repos/acme-rockets/mobile-backend/actions/runs?per_page=100',
    '/repos/acme-rockets/storefront/pulls',
    '/repos/acme-rockets/mobile-backend/deployments',
  ];
  const bodies = await Promise.all(
    paths.map(async (p) =>
      (await fetch(`${sim.url}${p}`, { headers: { authorization: `token ${demoToken}` } })).text(),
    ),
  );
  return bodies.join('\n').replaceAll(new URL(sim.url).host, 'HOST');
}

describe('determinism', () => {
  it('builds the same world from the same seed and another from another seed', async () => {
    const [a, b, c] = await Promise.all([
      start('demo', { seed: 42 }),
      start('demo', { seed: 42 }),
      start('demo', { seed: 43 }),
    ]);
    const [sa, sb, sc] = await Promise.all([snapshot(a), snapshot(b), snapshot(c)]);
    // Compared as booleans: a failure should not print megabytes of JSON.
    expect(sa.length).toBeGreaterThan(10_000);
    expect(sa === sb).toBe(true);
    expect(sa === sc).toBe(false);
  });
});

describe('empty', () => {
  it('has an authenticated user with no repositories', async () => {
    const sim = await start('empty');
    const octokit = sim.octokit();
    expect((await octokit.rest.users.getAuthenticated()).data.login).toBe('demo-dev');
    expect((await octokit.rest.repos.listForAuthenticatedUser()).data).toEqual([]);
  });
});

describe('demo', () => {
  it('has one run waiting for review and recent successes and failures in mobile-backend', async () => {
    const sim = await start('demo');
    const runs = sim.control.runs('acme-rockets/mobile-backend');
    expect(runs.filter((r) => r.status === 'waiting').map((r) => r.waitingFor)).toEqual([['production']]);
    expect(runs.filter((r) => r.conclusion === 'failure').length).toBeGreaterThanOrEqual(1);
    expect(runs.filter((r) => r.conclusion === 'success').length).toBeGreaterThanOrEqual(8);
  });
});

describe('scale', () => {
  it.each([50, 500])(
    'builds about scale/2 repositories at scale %i, about a tenth of runs unfinished',
    async (scale) => {
      const sim = await start('scale', { scale });
      const repos = sim.control.repositories();
      expect(repos).toHaveLength(scale / 2);
      const runs = repos.flatMap((r) => sim.control.runs(r));
      const unfinished = runs.filter((r) => r.status !== 'completed').length / runs.length;
      expect(unfinished).toBeGreaterThan(0.05);
      expect(unfinished).toBeLessThan(0.2);
      expect(runs.some((r) => r.status === 'waiting')).toBe(true);
      if (scale === 500) {
        const octokit = sim.octokit();
        const page = await octokit.rest.repos.listForOrg({ org: 'orbital-freight', per_page: 500 });
        expect(page.data).toHaveLength(100);
        const all = await octokit.paginate(octokit.rest.repos.listForAuthenticatedUser, { per_page: 100 });
        expect(all).toHaveLength(250);
      }
    },
  );
});
