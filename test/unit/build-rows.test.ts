// #/builds: CodeBuild builds and GitHub Actions runs merged into one list,
// newest first, the filters over it, and how a build log's pages add up in
// the window.
import { describe, expect, it } from 'vitest';
import {
  buildRows,
  codeBuildBranch,
  filterChoices,
  filterRows,
  noFilters,
} from '../../src/renderer/src/components/builds/build-rows';
import { isErrorLine, logText, mergeLog } from '../../src/renderer/src/components/builds/build-log-data';
import type { BuildLogView } from '../../src/shared/aws-commands';
import type { Build } from '../../src/shared/builds';
import type { GitHubRepositoryRead, GitHubWorkflowRun } from '../../src/shared/github';
import type { ProjectView } from '../../src/shared/projects';
import { buildResource, emptySnapshot, githubRepositoryResource, type Snapshot } from '../../src/shared/snapshot';

const location = { accountKey: 'acme', accountId: '111122223333', region: 'eu-west-1' };
const fetchedAt = '2026-11-28T10:00:00.000Z';
const minutesAgo = (m: number) => new Date(Date.parse(fetchedAt) - m * 60_000).toISOString();

function build(project: string, number: number, started: number, extra: Partial<Build> = {}) {
  const id = `${project}:${number}`;
  const data: Build = {
    id,
    arn: `arn:aws:codebuild:eu-west-1:111122223333:build/${id}`,
    location,
    project,
    number,
    status: 'SUCCEEDED',
    complete: true,
    phases: [],
    startTime: minutesAgo(started),
    endTime: minutesAgo(started - 3),
    initiator: 'codepipeline/storefront-pipeline',
    sourceVersion: 'refs/heads/main',
    resolvedSourceVersion: 'a'.repeat(40),
    consoleUrl: 'https://console.aws.amazon.com/',
    environmentVariables: [],
    exportedVariableNames: [],
    ...extra,
  };
  return buildResource(data, { fetchedAt });
}

function run(id: number, started: number, extra: Partial<GitHubWorkflowRun> = {}): GitHubWorkflowRun {
  return {
    id,
    name: 'CI',
    workflowId: 7,
    runNumber: id,
    attempt: 1,
    title: 'Fix',
    status: 'completed',
    conclusion: 'failure',
    branch: 'feature/x',
    headSha: 'b'.repeat(40),
    event: 'push',
    actor: 'octocat',
    createdAt: minutesAgo(started),
    startedAt: minutesAgo(started),
    updatedAt: minutesAgo(started - 2),
    durationMs: 120_000,
    pullRequests: [],
    htmlUrl: 'https://github.com/acme/web/actions/runs/1',
    ...extra,
  };
}

function repository(runs: GitHubWorkflowRun[]) {
  const read: GitHubRepositoryRead = {
    fetchedAt,
    accountKey: 'gh',
    fullName: 'acme/web',
    commits: [],
    pulls: [],
    workflows: [],
    runs,
    environments: [],
    waiting: [],
    problems: [],
  };
  return githubRepositoryResource(read);
}

const projects: Pick<ProjectView, 'id' | 'members'>[] = [
  {
    id: 'storefront',
    members: [
      { ref: 'arn:aws:codebuild:eu-west-1:111122223333:project/storefront-build', kind: 'codebuild', reasons: [] },
    ],
  },
  { id: 'web', members: [{ ref: 'acme/web', kind: 'github-repository', reasons: [] }] },
] as Pick<ProjectView, 'id' | 'members'>[];

function snapshot(): Snapshot {
  const s = emptySnapshot(fetchedAt);
  const resources = [
    build('storefront-build', 1, 60),
    build('storefront-build', 2, 10, { status: 'IN_PROGRESS', complete: false, endTime: undefined }),
    build('payments-build', 5, 30, {
      status: 'FAILED',
      sourceVersion: 'c'.repeat(40),
      resolvedSourceVersion: 'c'.repeat(40),
    }),
    repository([run(101, 20), run(102, 5, { status: 'in_progress', conclusion: undefined, durationMs: undefined })]),
  ];
  for (const r of resources) s.resources[r.id] = r;
  return s;
}

describe('the builds list', () => {
  it('merges CodeBuild builds and GitHub runs, newest first, each with its own page', () => {
    const rows = buildRows(snapshot(), projects);
    expect(rows.map((r) => `${r.source}:${r.name}#${r.number}`)).toEqual([
      'github:acme/web · CI#102',
      'codebuild:storefront-build#2',
      'github:acme/web · CI#101',
      'codebuild:payments-build#5',
      'codebuild:storefront-build#1',
    ]);
    const [running, codebuild] = rows;
    expect(running).toMatchObject({ status: 'running', running: true, branch: 'feature/x', commit: 'bbbbbbb' });
    expect(running?.href).toBe('#/github/gh/acme/web/runs/102');
    expect(codebuild).toMatchObject({
      status: 'running',
      statusLabel: 'In progress',
      branch: 'main',
      commit: 'aaaaaaa',
      initiator: 'codepipeline/storefront-pipeline',
      projectIds: ['storefront'],
    });
    expect(codebuild?.href).toBe(
      `#/builds/${encodeURIComponent('build:arn:aws:codebuild:eu-west-1:111122223333:build/storefront-build:2')}`,
    );
    // A build of a commit names no branch; a finished run ends when its duration says.
    expect(rows[3]).toMatchObject({ status: 'failed', commit: 'ccccccc' });
    expect(rows[3]?.branch).toBeUndefined();
    expect(rows[2]?.endedAt).toBe(minutesAgo(18));
  });

  it('filters by project, status, branch and source, together', () => {
    const rows = buildRows(snapshot(), projects);
    expect(filterRows(rows, noFilters)).toHaveLength(5);
    expect(filterRows(rows, { ...noFilters, project: 'storefront' }).map((r) => r.number)).toEqual([2, 1]);
    expect(filterRows(rows, { ...noFilters, status: 'failed' }).map((r) => r.number)).toEqual([101, 5]);
    expect(filterRows(rows, { ...noFilters, status: 'failed', source: 'codebuild' }).map((r) => r.number)).toEqual([5]);
    expect(filterRows(rows, { ...noFilters, branch: 'main' }).map((r) => r.number)).toEqual([2, 1]);
    expect(filterRows(rows, { ...noFilters, project: 'web', status: 'succeeded' })).toEqual([]);
    expect(filterChoices(rows)).toEqual({
      statuses: ['running', 'failed', 'succeeded'],
      branches: ['feature/x', 'main'],
    });
  });

  it('reads a branch out of a CodeBuild source version only when it names one', () => {
    expect(codeBuildBranch('refs/heads/release/1.2')).toBe('release/1.2');
    expect(codeBuildBranch('main')).toBe('main');
    expect(codeBuildBranch('f'.repeat(40))).toBeUndefined();
    expect(codeBuildBranch('pr/12')).toBeUndefined();
    expect(codeBuildBranch('arn:aws:s3:::bucket/source.zip')).toBeUndefined();
    expect(codeBuildBranch(undefined)).toBeUndefined();
  });
});

describe('a build log in the window', () => {
  const line = (n: number) => ({ timestamp: fetchedAt, message: `line ${n}` });
  const view = (from: number, count: number, total: number, state: BuildLogView['state'] = 'open'): BuildLogView => ({
    buildArn: 'arn',
    from,
    lines: Array.from({ length: count }, (_, i) => line(from + i + 1)),
    total,
    state,
    droppedLines: 0,
  });

  it('appends the lines after those it holds and keeps the newest past the cap', () => {
    let data = mergeLog(undefined, view(0, 3, 3));
    data = mergeLog(data, view(3, 2, 5));
    expect(data.lines.map((l) => l.message)).toEqual(['line 1', 'line 2', 'line 3', 'line 4', 'line 5']);
    data = mergeLog(data, view(5, 3, 8, 'ended'), 6);
    expect(data).toMatchObject({ droppedLines: 2, total: 8, state: 'ended' });
    expect(data.lines.map((l) => l.message)).toEqual(['line 3', 'line 4', 'line 5', 'line 6', 'line 7', 'line 8']);
  });

  it('starts over from what the hub holds when its answer does not follow on', () => {
    const data = mergeLog(mergeLog(undefined, view(0, 3, 3)), view(10, 2, 12));
    expect(data).toMatchObject({ droppedLines: 10, total: 12 });
    expect(data.lines.map((l) => l.message)).toEqual(['line 11', 'line 12']);
  });
});

describe('a CodeBuild log in the log viewer', () => {
  it('marks the lines that say something failed as errors, and keeps the timestamps', () => {
    const at = '2026-11-28T10:00:00.000Z';
    const text = logText([
      { timestamp: at, message: '[Container] 2026/11/28 10:00:00 Running command npm test' },
      { timestamp: at, message: ' FAIL  src/refund.test.ts > caps refunds' },
      {
        timestamp: at,
        message: '[Container] 2026/11/28 10:01:00 Command did not exit successfully npm test exit status 1',
      },
      { timestamp: at, message: '[Container] 2026/11/28 10:01:00 Phase complete: BUILD State: FAILED' },
      { timestamp: at, message: '      Tests  1 failed | 40 passed (41)' },
    ]).split('\n');
    expect(text.map((line) => line.startsWith(`${at} ##[error]`))).toEqual([false, true, true, true, false]);
    expect(isErrorLine('Phase complete: BUILD State: SUCCEEDED')).toBe(false);
  });
});
