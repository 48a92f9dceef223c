import { describe, expect, it } from 'vitest';
import { defaultSnapshotLimits } from '../../src/main/hub/snapshot/bounds';
import { diffSnapshots } from '../../src/main/hub/snapshot/diff';
import type { ChangeEvent } from '../../src/shared/events';
import type { GitHubRepositoryRead } from '../../src/shared/github';
import {
  at,
  githubDeployment,
  githubEnvironment,
  githubPull,
  githubRepository,
  githubRun,
  githubWaiting,
  snapshot,
} from '../support/snapshot-builders';

const rid = 'github-repository:gh:acme/shop';
const repo = (parts: Partial<GitHubRepositoryRead> = {}) => snapshot([githubRepository(parts)]);
const ids = (events: ChangeEvent[]) => events.map((e) => e.id);
const told = (events: ChangeEvent[]) => events.map((e) => `${e.origin} ${e.id}`);

describe('GitHub pull request events', () => {
  it('reports a pull request numbered above every known one as opened, with GitHub as its provider', () => {
    const events = diffSnapshots(repo({ pulls: [githubPull(4)] }), repo({ pulls: [githubPull(5), githubPull(4)] }));
    expect(events).toEqual([
      {
        id: `pullRequest.opened:${rid}:5`,
        kind: 'pullRequest.opened',
        resourceId: rid,
        origin: 'change',
        at: at(5),
        summary: 'New pull request #5 in acme/shop (Change number 5)',
        data: {
          provider: 'github',
          accountKey: 'gh',
          fullName: 'acme/shop',
          number: 5,
          repository: 'acme/shop',
          pullRequestId: '5',
          title: 'Change number 5',
          author: 'octocat',
          sourceBranch: 'feature-5',
          destinationBranch: 'main',
          revisionId: 'head-5',
          consoleUrl: 'https://github.com/acme/shop/pull/5',
        },
      },
    ]);
  });

  it('does not take a reopened pull request, or one that comes into view from beyond the cap, for a new one', () => {
    const before = repo({ pulls: [githubPull(9), githubPull(8)] });
    expect(diffSnapshots(before, repo({ pulls: [githubPull(9), githubPull(8), githubPull(3)] }))).toEqual([]);
  });

  it('reports a new pull request that is already approved as opened and approved', () => {
    const events = diffSnapshots(repo(), repo({ pulls: [githubPull(5, { review: 'approved' })] }));
    expect(ids(events)).toEqual([`pullRequest.opened:${rid}:5`, `pullRequest.approved:${rid}:5:head-5`]);
  });

  it('reports an approval once per head commit, and not when the earlier verdict was never read', () => {
    const open = repo({ pulls: [githubPull(5)] });
    const approved = repo({ pulls: [githubPull(5, { review: 'approved' })] });
    expect(ids(diffSnapshots(open, approved))).toEqual([`pullRequest.approved:${rid}:5:head-5`]);
    expect(diffSnapshots(approved, approved)).toEqual([]);
    // New commits dismissed the approval; approving them is news again.
    const pushed = repo({ pulls: [githubPull(5, { headSha: 'head-5b' })] });
    const again = repo({ pulls: [githubPull(5, { headSha: 'head-5b', review: 'approved' })] });
    expect(diffSnapshots(approved, pushed)).toEqual([]);
    expect(ids(diffSnapshots(pushed, again))).toEqual([`pullRequest.approved:${rid}:5:head-5b`]);
    const unread = repo({ pulls: [githubPull(5, { review: undefined })] });
    expect(diffSnapshots(unread, approved)).toEqual([]);
  });

  it('reports a merge only when the head commit reached the default branch it targeted', () => {
    const before = repo({ pulls: [githubPull(5), githubPull(6, { baseRef: 'develop' }), githubPull(7)] });
    const commits = [
      { sha: 'head-5', subject: 'Change number 5', author: 'octocat', htmlUrl: 'https://github.com/c/5' },
      { sha: 'head-6', subject: 'Change number 6', author: 'octocat', htmlUrl: 'https://github.com/c/6' },
    ];
    const events = diffSnapshots(before, repo({ pulls: [], commits }));
    // 6 targeted develop; 7 left without proof (closed, or squashed: the read cannot tell).
    expect(events).toEqual([
      expect.objectContaining({
        id: `pullRequest.merged:${rid}:5`,
        summary: 'Merged: pull request #5 in acme/shop (Change number 5)',
        at: '2026-03-01T10:00:00.000Z',
      }),
    ]);
  });
});

describe('GitHub workflow run events', () => {
  it('reports a run that failed, with its conclusion, branch and title', () => {
    const events = diffSnapshots(repo({ runs: [githubRun(3)] }), repo({ runs: [githubRun(3, 'failure')] }));
    expect(events).toEqual([
      {
        id: `workflow.run.failed:${rid}:3:1`,
        kind: 'workflow.run.failed',
        resourceId: rid,
        origin: 'change',
        at: at(35),
        summary: 'Workflow CI #3 failed on main in acme/shop: Commit number 3',
        data: {
          accountKey: 'gh',
          fullName: 'acme/shop',
          consoleUrl: 'https://github.com/acme/shop/actions/runs/3',
          workflow: 'CI',
          workflowId: 1,
          runId: 3,
          runNumber: 3,
          runAttempt: 1,
          title: 'Commit number 3',
          conclusion: 'failure',
          branch: 'main',
          headSha: 'sha-3',
          event: 'push',
          actor: 'octocat',
        },
      },
    ]);
    const timedOut = diffSnapshots(repo({ runs: [githubRun(3)] }), repo({ runs: [githubRun(3, 'timed_out')] }));
    expect(timedOut[0]?.summary).toBe('Workflow CI #3 failed (timed_out) on main in acme/shop: Commit number 3');
  });

  it('reports a success as succeeded after a success, and as fixed after failures on the same branch', () => {
    const passing = repo({ runs: [githubRun(2, 'success')] });
    const succeeded = diffSnapshots(passing, repo({ runs: [githubRun(3, 'success'), githubRun(2, 'success')] }));
    expect(told(succeeded)).toEqual([`change workflow.run.succeeded:${rid}:3:1`]);
    expect(succeeded[0]?.summary).toBe('Workflow CI #3 succeeded on main in acme/shop');

    const failing = [githubRun(2, 'failure'), githubRun(1, 'failure')];
    const elsewhere = githubRun(4, 'success', { branch: 'feature' });
    const fixed = diffSnapshots(
      repo({ runs: failing }),
      repo({ runs: [elsewhere, githubRun(3, 'success'), ...failing] }),
    );
    expect(fixed.map((e) => [e.kind, e.summary])).toEqual([
      ['workflow.run.fixed', 'Workflow CI #3 fixed on main in acme/shop after 2 failed runs'],
      ['workflow.run.succeeded', 'Workflow CI #4 succeeded on feature in acme/shop'],
    ]);
    expect(fixed[0]?.data).toMatchObject({ failedBefore: 2 });
  });

  it('counts a re-run: the next attempt of the same run is news again, and fixes its failed attempt', () => {
    const first = repo({ runs: [githubRun(3, 'failure')] });
    const rerun = repo({ runs: [githubRun(3, 'success', { attempt: 2 })] });
    const events = diffSnapshots(first, rerun);
    expect(ids(events)).toEqual([`workflow.run.fixed:${rid}:3:2`]);
    expect(events[0]?.summary).toBe('Workflow CI #3 (attempt 2) fixed on main in acme/shop after 1 failed run');
    expect(diffSnapshots(rerun, rerun)).toEqual([]);
  });

  it('says nothing for runs still going, cancelled or skipped, or older than every run known', () => {
    const before = repo({ runs: [githubRun(5, 'success'), githubRun(4)] });
    const after = repo({
      runs: [githubRun(6, 'cancelled'), githubRun(5, 'success'), githubRun(4, 'skipped'), githubRun(2, 'failure')],
    });
    expect(diffSnapshots(before, after)).toEqual([]);
  });

  it('reports a run newly waiting for review, once, and again when it waits for another environment', () => {
    const running = repo({ runs: [githubRun(3)] });
    const staging = repo({ waiting: [githubWaiting(githubRun(3), ['staging'])] });
    const events = diffSnapshots(running, staging);
    expect(events).toEqual([
      {
        id: `workflow.run.waiting:${rid}:3:1:staging`,
        kind: 'workflow.run.waiting',
        resourceId: rid,
        origin: 'change',
        at: at(35),
        summary: 'CI #3 in acme/shop waits for review to deploy to staging',
        data: {
          accountKey: 'gh',
          fullName: 'acme/shop',
          consoleUrl: 'https://github.com/acme/shop/actions/runs/3',
          workflow: 'CI',
          runId: 3,
          runNumber: 3,
          runAttempt: 1,
          title: 'Commit number 3',
          environments: ['staging'],
          approvable: ['staging'],
          branch: 'main',
          headSha: 'sha-3',
          actor: 'octocat',
          waitingSince: at(35),
        },
      },
    ]);
    expect(diffSnapshots(staging, staging)).toEqual([]);
    // Staging approved; in the same attempt the production job now waits.
    const production = repo({ waiting: [githubWaiting(githubRun(3), ['production'])] });
    expect(ids(diffSnapshots(staging, production))).toEqual([`workflow.run.waiting:${rid}:3:1:production`]);
    const rerun = repo({ waiting: [githubWaiting(githubRun(3, undefined, { attempt: 2 }), ['staging'])] });
    expect(ids(diffSnapshots(staging, rerun))).toEqual([`workflow.run.waiting:${rid}:3:2:staging`]);
  });

  it('does not report a wait for a timer alone, or before the pending deployments were read', () => {
    const timer = githubWaiting(githubRun(3), ['soak']);
    const timerOnly = { ...timer, pending: timer.pending.map((p) => ({ ...p, reviewers: [], waitTimerMinutes: 30 })) };
    expect(diffSnapshots(repo(), repo({ waiting: [timerOnly] }))).toEqual([]);
    const unread = repo({ waiting: [{ ...timer, pending: [] }] });
    expect(diffSnapshots(repo(), unread)).toEqual([]);
    // Once read, the wait is news.
    expect(ids(diffSnapshots(unread, repo({ waiting: [timer] })))).toEqual([`workflow.run.waiting:${rid}:3:1:soak`]);
  });

  it('does not take a waiting run cut off by the cap for a new one', () => {
    const limits = { ...defaultSnapshotLimits, waitingRunsPerRepository: 2 };
    const wait = (id: number) => githubWaiting(githubRun(id), ['production']);
    const full = repo({ waiting: [wait(5), wait(4)] });
    const next = repo({ waiting: [wait(6), wait(5), wait(2)] });
    expect(ids(diffSnapshots(full, next, limits))).toEqual([`workflow.run.waiting:${rid}:6:1:production`]);
  });
});

describe('GitHub deployment events', () => {
  const env = (...deployment: Parameters<typeof githubDeployment>) =>
    repo({ environments: [githubEnvironment('production', githubDeployment(...deployment))] });

  it('reports the newest deployment reaching success', () => {
    const events = diffSnapshots(env(5, 'in_progress'), env(5, 'success'));
    expect(events).toEqual([
      {
        id: `deployment.succeeded:${rid}:5`,
        kind: 'deployment.succeeded',
        resourceId: rid,
        origin: 'change',
        at: at(52),
        summary: 'Deployed main (sha-5) to production in acme/shop',
        data: {
          accountKey: 'gh',
          fullName: 'acme/shop',
          consoleUrl: 'https://github.com/acme/shop/deployments/production',
          environment: 'production',
          deploymentId: 5,
          sha: 'sha-5',
          ref: 'main',
          state: 'success',
          creator: 'octocat',
          targetUrl: 'https://github.com/acme/shop/actions/runs/5',
        },
      },
    ]);
  });

  it('reports a new deployment that failed or errored, with the status description', () => {
    const failed = githubDeployment(6, 'error', {
      statuses: [{ state: 'error', description: 'Health check\nfailed', createdAt: at(63) }],
    });
    const events = diffSnapshots(env(5, 'success'), repo({ environments: [githubEnvironment('production', failed)] }));
    expect(events.map((e) => [e.id, e.summary])).toEqual([
      [
        `deployment.failed:${rid}:6`,
        'Deployment of main (sha-6) to production in acme/shop failed (error): Health check failed',
      ],
    ]);
  });

  it('says nothing when the state stays, moves between failure and error, or an older deployment shows', () => {
    expect(diffSnapshots(env(5, 'success'), env(5, 'success'))).toEqual([]);
    expect(diffSnapshots(env(5, 'failure'), env(5, 'error'))).toEqual([]);
    expect(diffSnapshots(env(5, 'success'), env(4, 'success'))).toEqual([]);
    expect(diffSnapshots(env(5, 'success'), env(6, 'in_progress'))).toEqual([]);
  });

  it('treats an environment seen without deployments before as cold', () => {
    const bare = repo({ environments: [githubEnvironment('production')] });
    expect(diffSnapshots(bare, env(5, 'success'))).toEqual([]);
    expect(told(diffSnapshots(bare, env(5, 'failure')))).toEqual([`current-state deployment.failed:${rid}:5`]);
  });
});

describe('a GitHub cold start', () => {
  const busy: Partial<GitHubRepositoryRead> = {
    pulls: [githubPull(5, { review: 'approved' })],
    runs: [
      githubRun(4, 'failure', { branch: 'feature' }),
      githubRun(3, 'failure'),
      githubRun(2, 'success', { workflowId: 2, name: 'Lint' }),
      githubRun(1, 'success'),
    ],
    waiting: [githubWaiting(githubRun(6), ['production'])],
    environments: [
      githubEnvironment('production', githubDeployment(5, 'failure')),
      githubEnvironment('staging', githubDeployment(4, 'success'), 99),
    ],
  };

  it('reports no news: only waiting runs, a workflow failing on the default branch and a failed deployment', () => {
    const events = diffSnapshots(undefined, repo(busy));
    expect(told(events)).toEqual([
      `current-state workflow.run.failed:${rid}:3:1`,
      `current-state workflow.run.waiting:${rid}:6:1:production`,
      `current-state deployment.failed:${rid}:5`,
    ]);
    expect(events.map((e) => e.summary)).toEqual([
      'Workflow CI is failing on main in acme/shop: run #3 failed',
      'CI #6 in acme/shop waits for review to deploy to production',
      'Environment production in acme/shop is failing: its newest deployment, main (sha-5), failed',
    ]);
  });

  it('counts a repository read only by the metadata pass, or never read well, as cold', () => {
    const metadataOnly = repo({ commits: [], environments: busy.environments });
    expect(told(diffSnapshots(metadataOnly, repo(busy)))).toEqual([
      `current-state workflow.run.failed:${rid}:3:1`,
      `current-state workflow.run.waiting:${rid}:6:1:production`,
    ]);
    const neverRead = repo({ fetchedAt: '' });
    expect(diffSnapshots(neverRead, repo(busy)).every((e) => e.origin === 'current-state')).toBe(true);
  });

  it('gives the facts the ids they get as news, so a restart does not deliver them again', () => {
    const cold = diffSnapshots(undefined, repo(busy));
    const before = repo({
      ...busy,
      runs: [githubRun(3), githubRun(1, 'success')],
      waiting: [],
      environments: [
        githubEnvironment('production', githubDeployment(5, 'in_progress')),
        githubEnvironment('staging', githubDeployment(4, 'success'), 99),
      ],
    });
    const news = diffSnapshots(before, repo(busy));
    expect(news.every((e) => e.origin === 'change')).toBe(true);
    expect(ids(news)).toEqual(expect.arrayContaining(ids(cold)));
  });
});

describe('GitHub event ids', () => {
  it('are the same for the same fact on a second diff', () => {
    const before = repo({
      pulls: [githubPull(4)],
      runs: [githubRun(3)],
      environments: [githubEnvironment('production', githubDeployment(5, 'in_progress'))],
    });
    const after = repo({
      pulls: [githubPull(5), githubPull(4, { review: 'approved' })],
      runs: [githubRun(3, 'failure')],
      waiting: [githubWaiting(githubRun(6), ['production'])],
      environments: [githubEnvironment('production', githubDeployment(5, 'success'))],
    });
    const first = diffSnapshots(before, after);
    expect(first.map((e) => e.kind).sort()).toEqual(
      [
        'deployment.succeeded',
        'pullRequest.approved',
        'pullRequest.opened',
        'workflow.run.failed',
        'workflow.run.waiting',
      ].sort(),
    );
    expect(diffSnapshots(structuredClone(before), structuredClone(after))).toEqual(first);
  });
});
