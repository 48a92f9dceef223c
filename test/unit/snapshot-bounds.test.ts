import { describe, expect, it } from 'vitest';
import { boundSnapshot, defaultSnapshotLimits } from '../../src/main/hub/snapshot/bounds';
import { defaultWatchLimits } from '../../src/main/sources/github/repository-watch';
import type { GitHubDeploymentStatus } from '../../src/shared/github';
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

const limits = {
  ...defaultSnapshotLimits,
  commitsPerRepository: 2,
  pullRequestsPerRepository: 2,
  runsPerRepository: 2,
  waitingRunsPerRepository: 1,
  statusesPerDeployment: 2,
};
const range = (n: number) => Array.from({ length: n }, (_, i) => n - i);
const commit = (i: number) => ({ sha: `c${i}`, subject: `Commit ${i}`, author: 'octocat', htmlUrl: `https://x/${i}` });
const status = (i: number): GitHubDeploymentStatus => ({ state: 'in_progress', createdAt: at(i) });

describe('the bounds of a GitHub repository', () => {
  it('keeps the newest commits, pull requests, runs, waiting runs and deployment statuses up to the limits', () => {
    const repo = githubRepository({
      commits: range(4).map(commit),
      pulls: range(4).map((n) => githubPull(n)),
      runs: range(4).map((n) => githubRun(n, 'success')),
      waiting: range(3).map((n) => githubWaiting(githubRun(10 + n), ['production'])),
      environments: [
        githubEnvironment('production', githubDeployment(5, 'in_progress', { statuses: range(5).map(status) })),
        githubEnvironment('staging'),
      ],
    });
    const bounded = boundSnapshot(snapshot([repo]), limits).resources[repo.id];
    if (bounded?.kind !== 'github-repository') throw new Error('the repository was dropped');
    const data = bounded.data;
    expect(data.commits.map((c) => c.sha)).toEqual(['c4', 'c3']);
    expect(data.pulls.map((p) => p.number)).toEqual([4, 3]);
    expect(data.runs.map((r) => r.id)).toEqual([4, 3]);
    expect(data.waiting.map((w) => w.run.id)).toEqual([13]);
    expect(data.environments[0]?.latest?.statuses).toEqual([status(5), status(4)]);
    expect(data.environments[1]).toEqual(repo.data.environments[1]);
    // What has no limit is kept whole.
    expect(data.workflows).toEqual(repo.data.workflows);
    expect(bounded.freshness).toEqual(repo.freshness);
  });

  it('leaves a repository within the limits untouched', () => {
    const repo = githubRepository({ runs: [githubRun(1, 'success')], pulls: [githubPull(1)] });
    expect(boundSnapshot(snapshot([repo]), limits).resources[repo.id]).toBe(repo);
  });

  it('has defaults that hold what one refresh of the GitHub source reads', () => {
    expect(defaultSnapshotLimits.commitsPerRepository).toBeGreaterThanOrEqual(defaultWatchLimits.commits);
    expect(defaultSnapshotLimits.runsPerRepository).toBeGreaterThanOrEqual(defaultWatchLimits.runs);
  });
});
