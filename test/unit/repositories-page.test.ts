// The Repositories pages' logic: one row per CodeCommit and GitHub repository
// with its project, newest commit and what its pull requests wait for; the
// filter; and one repository's pull requests, branches (with the pipelines
// that build them) and commits, from nothing but what the snapshot holds.
import { describe, expect, it } from 'vitest';
import type { ProjectView } from '../../src/shared/projects';
import {
  branchViews,
  codecommitReview,
  commitViews,
  pipelinesByBranch,
  pullViews,
} from '../../src/renderer/src/components/repositories/repository-detail';
import {
  arnUser,
  filterRepositoryRows,
  repositoryRows,
} from '../../src/renderer/src/components/repositories/repository-list';
import {
  action,
  at,
  githubPull,
  githubRepository,
  githubRun,
  pipeline,
  pullRequest,
  repository,
  snapshot,
  stage,
} from '../support/snapshot-builders';

const shopCommit = {
  id: 'c1',
  subject: 'Fix the cart',
  message: 'Fix the cart\n\nlonger text',
  author: { name: 'Priya', email: 'p@example.com' },
  date: at(50),
  parents: [],
  consoleUrl: 'https://console.aws.amazon.com/codecommit/commit/c1',
};

function codecommit() {
  return repository(
    [
      pullRequest('1', {
        sourceBranch: 'refs/heads/feature/a',
        destinationBranch: 'refs/heads/main',
        lastActivity: at(5),
      }),
      pullRequest('2', {
        approval: { state: 'approved', approvedBy: ['arn:aws:iam::1:user/lee'], rules: [] },
        lastActivity: at(9),
        authorArn: 'arn:aws:iam::111122223333:user/priya',
      }),
      pullRequest('3', { status: 'CLOSED' }),
    ],
    {
      recentCommits: [shopCommit],
      branches: ['feature/a', 'main', 'release'],
      heads: [
        { branch: 'main', commitId: 'c1' },
        { branch: 'release', commitId: 'c0' },
      ],
    },
  );
}

function github() {
  return githubRepository({
    fullName: 'Acme/Web',
    pulls: [
      githubPull(7, { checks: { state: 'failure', total: 3, succeeded: 2, failed: 1, pending: 0 } }),
      githubPull(8, { draft: true }),
      githubPull(9, { review: 'approved', headRef: 'feature-7' }),
    ],
    runs: [
      githubRun(30, 'success', { branch: 'feature-7', headSha: 'run-head' }),
      githubRun(20, 'failure', { branch: 'hotfix', headSha: 'hot' }),
      githubRun(10, 'success', { branch: 'main' }),
    ],
  });
}

const sourceAction = (configuration: Record<string, string>, provider = 'CodeCommit') =>
  action('Source', undefined, { category: 'Source', provider, configuration });

const projects: Pick<ProjectView, 'id' | 'name' | 'state' | 'members'>[] = [
  {
    id: 'shop',
    name: 'Shop',
    state: 'confirmed',
    members: [{ kind: 'repository', ref: 'arn:aws:codecommit:eu-west-1:111122223333:shop', reasons: [] }],
  } as unknown as ProjectView,
];

describe('the Repositories list', () => {
  const snap = snapshot([codecommit(), github()]);
  const rows = repositoryRows(snap, projects);

  it('holds CodeCommit and GitHub repositories together, by name', () => {
    expect(rows.map((r) => [r.name, r.provider])).toEqual([
      ['Acme/Web', 'github'],
      ['shop', 'codecommit'],
    ]);
  });

  it('gives a CodeCommit repository its project, newest commit and open pull requests that wait for approval', () => {
    const shop = rows.find((r) => r.name === 'shop');
    expect(shop?.project).toEqual({ id: 'shop', name: 'Shop' });
    expect(shop?.latestCommit).toMatchObject({ sha: 'c1', subject: 'Fix the cart', author: 'Priya', date: at(50) });
    // The closed pull request is not counted; #1 waits for approvals, #2 is approved.
    expect([shop?.openPulls, shop?.needingReview, shop?.failingChecks]).toEqual([2, 1, 0]);
  });

  it('counts a GitHub repository’s failing checks and reviews asked for, drafts aside', () => {
    const web = rows.find((r) => r.provider === 'github');
    expect(web?.project).toBeUndefined();
    expect([web?.openPulls, web?.failingChecks, web?.needingReview]).toEqual([3, 1, 1]);
    expect(web?.defaultBranch).toBe('main');
  });

  it('counts the areas a GitHub token cannot read', () => {
    const limited = githubRepository({
      problems: [
        {
          code: 'access-denied',
          message: 'no',
          resource: 'acme/shop pull requests',
          missingPermission: 'Pull requests: read',
        },
      ],
    });
    expect(repositoryRows(snapshot([limited]), [])[0]?.accessGaps).toBe(1);
  });

  it('filters by every word across name, project, branch, commit and author, and by provider', () => {
    expect(filterRepositoryRows(rows, 'shop priya', 'all').map((r) => r.name)).toEqual(['shop']);
    expect(filterRepositoryRows(rows, 'SHOP', 'github')).toEqual([]);
    expect(filterRepositoryRows(rows, '', 'github').map((r) => r.name)).toEqual(['Acme/Web']);
    expect(filterRepositoryRows(rows, 'nothing-like-this', 'all')).toEqual([]);
  });

  it('names an IAM user by the end of its ARN', () => {
    expect(arnUser('arn:aws:iam::111122223333:user/priya')).toBe('priya');
    expect(arnUser(undefined)).toBeUndefined();
  });
});

describe('one repository', () => {
  it('lists open CodeCommit pull requests newest change first, with branches and approvals in words', () => {
    const pulls = pullViews(codecommit());
    expect(pulls.map((p) => [p.number, p.review?.label])).toEqual([
      ['#2', 'Approved'],
      ['#1', '0 of 2 approvals'],
    ]);
    expect(pulls[1]).toMatchObject({ source: 'feature/a', target: 'main' });
    expect(pulls[0]?.author).toBe('priya');
    expect(codecommitReview({ approval: { state: 'no-rules', approvedBy: [], rules: [] } }).label).toBe(
      'No approval rules',
    );
  });

  it('gives GitHub pull requests their review and checks', () => {
    const pulls = pullViews(github());
    const seven = pulls.find((p) => p.number === '#7');
    expect(seven?.review).toEqual({ tone: 'pending', label: 'Review required' });
    expect(seven?.checks?.state).toBe('failure');
    expect(pulls.find((p) => p.number === '#9')?.review?.tone).toBe('approved');
  });

  it('lists every CodeCommit branch, the default first, with heads only where they were read', () => {
    const branches = branchViews(codecommit(), snapshot([codecommit()]));
    expect(branches.map((b) => [b.name, b.isDefault, b.head?.sha])).toEqual([
      ['main', true, 'c1'],
      ['feature/a', false, undefined],
      ['release', false, 'c0'],
    ]);
    expect(branches[0]?.head).toMatchObject({ subject: 'Fix the cart', author: 'Priya' });
  });

  it('names the pipelines that build each branch, from their source actions in the same account and region', () => {
    const repo = codecommit();
    const builds = pipeline({
      name: 'shop-release',
      stages: [stage('Source', 'e1', 'Succeeded', [sourceAction({ RepositoryName: 'shop', BranchName: 'release' })])],
    });
    const other = pipeline({
      name: 'other',
      stages: [stage('Source', 'e1', 'Succeeded', [sourceAction({ RepositoryName: 'another', BranchName: 'main' })])],
    });
    const snap = snapshot([repo, builds, other]);
    expect([...pipelinesByBranch(repo, snap)]).toEqual([['release', [{ id: builds.id, name: 'shop-release' }]]]);
    expect(
      branchViews(repo, snap)
        .find((b) => b.name === 'release')
        ?.pipelines.map((p) => p.name),
    ).toEqual(['shop-release']);
  });

  it('matches a GitHub repository to connection sources by FullRepositoryId, whatever the case', () => {
    const repo = github();
    const web = pipeline({
      name: 'web',
      stages: [
        stage('Source', 'e1', 'Succeeded', [
          sourceAction({ FullRepositoryId: 'acme/web', BranchName: 'main' }, 'CodeStarSourceConnection'),
        ]),
      ],
    });
    expect(branchViews(repo, snapshot([repo, web])).find((b) => b.isDefault)?.pipelines).toEqual([
      { id: web.id, name: 'web' },
    ]);
  });

  it('shows GitHub branches the snapshot names: the default, pull request heads and run branches, newest head', () => {
    const branches = branchViews(github(), snapshot([github()]));
    expect(branches.map((b) => b.name)).toEqual(['main', 'feature-7', 'feature-8', 'hotfix']);
    expect(branches[0]?.head?.sha).toBe('c1');
    // feature-7: pull request #7 (minute 8) and #9 (minute 10) and a run at minute 300: the run is newest.
    const seven = branches.find((b) => b.name === 'feature-7');
    expect([seven?.head?.sha, seven?.seenIn, seven?.latestRun?.id]).toEqual(['run-head', 'workflow run', 30]);
    expect(branches.find((b) => b.name === 'feature-8')?.seenIn).toBe('pull request #8');
    expect(branches.find((b) => b.name === 'main')?.latestRun?.id).toBe(10);
  });

  it('lists recent commits of either provider in one shape', () => {
    expect(commitViews(codecommit())).toEqual([
      { sha: 'c1', subject: 'Fix the cart', author: 'Priya', date: at(50), url: shopCommit.consoleUrl },
    ]);
    expect(commitViews(github()).map((c) => c.sha)).toEqual(['c1']);
  });
});
