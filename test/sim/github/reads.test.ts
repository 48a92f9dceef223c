// The demo world read through the real Octokit, at the API root and under a
// GitHub Enterprise Server base URL: user, repositories, branches, commits,
// pull requests with reviews and checks, deployments and environments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let sim: Harness;
beforeAll(async () => {
  sim = await startHarness('demo');
});
afterAll(() => sim.close());

const storefront = { owner: 'acme-rockets', repo: 'storefront' };
const backend = { owner: 'acme-rockets', repo: 'mobile-backend' };

describe.each([
  ['api root', false],
  ['GHES /api/v3', true],
])('through the %s', (_, enterprise) => {
  it('knows the user and the organisation repositories', async () => {
    const octokit = sim.octokit({ enterprise });
    const { data: user } = await octokit.rest.users.getAuthenticated();
    expect(user.login).toBe('demo-dev');
    const mine = await octokit.paginate(octokit.rest.repos.listForAuthenticatedUser, { per_page: 2 });
    expect(mine.map((r) => r.full_name)).toEqual([
      'acme-rockets/docs',
      'acme-rockets/mobile-backend',
      'acme-rockets/storefront',
    ]);
    const { data: org } = await octokit.rest.repos.listForOrg({ org: 'acme-rockets', type: 'public' });
    expect(org.map((r) => r.name)).toEqual(['docs']);
    const { data: repo } = await octokit.rest.repos.get(storefront);
    expect(repo.url.startsWith(enterprise ? sim.enterpriseUrl : sim.url)).toBe(true);
    expect([repo.default_branch, repo.private]).toEqual(['main', true]);
  });

  it('lists branches and commits, and resolves a ref', async () => {
    const octokit = sim.octokit({ enterprise });
    const { data: branches } = await octokit.rest.repos.listBranches(storefront);
    expect(branches.map((b) => b.name)).toEqual([
      'chore/react-19',
      'feature/apple-pay',
      'feature/cloudfront-images',
      'main',
    ]);
    const { data: main } = await octokit.rest.repos.getBranch({ ...storefront, branch: 'main' });
    const { data: commits } = await octokit.rest.repos.listCommits({ ...storefront, per_page: 3 });
    expect(commits[0]?.sha).toBe(main.commit.sha);
    expect(commits[1]?.sha).toBe(commits[0]?.parents[0]?.sha);
    const { data: short } = await octokit.rest.repos.getCommit({ ...storefront, ref: main.commit.sha.slice(0, 7) });
    expect(short.sha).toBe(main.commit.sha);
  });

  it('shows three open pull requests with reviews, combined status and check runs; one fails', async () => {
    const octokit = sim.octokit({ enterprise });
    const { data: pulls } = await octokit.rest.pulls.list(storefront);
    expect(pulls).toHaveLength(3);
    const summary: Record<string, [string | undefined, string, (string | null)[]]> = {};
    for (const pull of pulls) {
      const { data: reviews } = await octokit.rest.pulls.listReviews({ ...storefront, pull_number: pull.number });
      const { data: status } = await octokit.rest.repos.getCombinedStatusForRef({ ...storefront, ref: pull.head.sha });
      const { data: checks } = await octokit.rest.checks.listForRef({ ...storefront, ref: pull.head.sha });
      summary[pull.title] = [reviews[0]?.state, status.state, checks.check_runs.map((c) => c.conclusion)];
    }
    expect(summary['Add Apple Pay to checkout']).toEqual(['APPROVED', 'success', ['success', 'success', 'success']]);
    expect(summary['Serve product images from CloudFront']?.slice(0, 2)).toEqual(['CHANGES_REQUESTED', 'failure']);
    expect(summary['Serve product images from CloudFront']?.[2]).toContain('failure');
    expect(summary['Upgrade to React 19']?.[0]).toBe('COMMENTED');
    expect(summary['Upgrade to React 19']?.[2]).toContain(null);
    const { data: full } = await octokit.rest.pulls.get({ ...storefront, pull_number: 2 });
    expect(full.mergeable_state).toBe('blocked');
  });

  it('lists deployments per environment with status history, and protected environments', async () => {
    const octokit = sim.octokit({ enterprise });
    const { data: production } = await octokit.rest.repos.listDeployments({
      ...backend,
      environment: 'production',
      per_page: 2,
    });
    expect(production.map((d) => d.environment)).toEqual(['production', 'production']);
    const { data: latest } = await octokit.rest.repos.listDeploymentStatuses({
      ...backend,
      deployment_id: production[0]?.id ?? 0,
    });
    expect(latest.map((s) => s.state)).toEqual(['queued']);
    const { data: previous } = await octokit.rest.repos.listDeploymentStatuses({
      ...backend,
      deployment_id: production[1]?.id ?? 0,
    });
    expect(previous[0]?.state).toBe('success');
    const { data: staging } = await octokit.rest.repos.listDeployments({
      ...backend,
      environment: 'staging',
      per_page: 2,
    });
    const stagingStates = await Promise.all(
      staging.map(async (d) =>
        (await octokit.rest.repos.listDeploymentStatuses({ ...backend, deployment_id: d.id })).data.map((s) => s.state),
      ),
    );
    expect(stagingStates).toEqual([
      ['success', 'in_progress', 'queued'],
      ['inactive', 'success', 'in_progress', 'queued'],
    ]);
    const { data: envs } = await octokit.rest.repos.getAllEnvironments(backend);
    expect(envs.environments?.map((e) => [e.name, e.protection_rules?.map((r) => r.type) ?? []])).toEqual([
      ['production', ['required_reviewers', 'branch_policy']],
      ['staging', []],
    ]);
  });

  it('leaves the docs repository quiet', async () => {
    const octokit = sim.octokit({ enterprise });
    const docs = { owner: 'acme-rockets', repo: 'docs' };
    expect((await octokit.rest.actions.listWorkflowRunsForRepo(docs)).data.total_count).toBe(0);
    expect((await octokit.rest.pulls.list(docs)).data).toEqual([]);
    expect((await octokit.rest.repos.listDeployments(docs)).data).toEqual([]);
  });
});
