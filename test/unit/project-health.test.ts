import { describe, expect, it } from 'vitest';
import {
  buildRunStatus,
  buildsByProject,
  defaultBranchHead,
  hasRuns,
  openPullRequests,
  pipelineHealth,
  projectHealth,
  stageRunStatus,
} from '../../src/shared/project-health';
import {
  action,
  build,
  execution,
  githubPull,
  githubRepository,
  githubRun,
  githubWaiting,
  pipeline,
  pullRequest,
  repository,
  stage,
  waiting,
} from '../support/snapshot-builders';

describe('a pipeline’s newest run, from its stages', () => {
  it('is running while any stage runs', () => {
    const health = pipelineHealth(
      pipeline({ stages: [stage('Source', 'e2', 'Succeeded'), stage('Build', 'e2', 'InProgress')] }),
    );
    expect(health.status).toBe('running');
    expect(health.stages.map((s) => [s.name, s.status, s.label])).toEqual([
      ['Source', 'succeeded', 'Succeeded'],
      ['Build', 'running', 'InProgress'],
    ]);
  });

  it('is failed when a stage of the newest execution failed', () => {
    const health = pipelineHealth(
      pipeline({
        stages: [
          stage('Source', 'e2', 'Succeeded'),
          stage('Build', 'e2', 'Failed'),
          stage('Deploy', 'e1', 'Succeeded'),
        ],
      }),
    );
    expect(health.status).toBe('failed');
    expect(health.stages.map((s) => s.previousRun)).toEqual([false, false, true]);
  });

  it('does not blame the newest run for an older execution’s failure further on', () => {
    const health = pipelineHealth(
      pipeline({
        stages: [
          stage('Source', 'e2', 'Succeeded'),
          stage('Build', 'e2', 'Succeeded'),
          stage('Deploy', 'e1', 'Failed'),
        ],
        executions: [execution('e2', 'InProgress', 10)],
      }),
    );
    // e2 is between stages (a disabled transition, say): the execution says it is still going.
    expect(health.status).toBe('running');
    expect(health.execution?.pipelineExecutionId).toBe('e2');
  });

  it('is succeeded when every stage of the newest execution succeeded', () => {
    const health = pipelineHealth(
      pipeline({ stages: [stage('Source', 'e3', 'Succeeded'), stage('Deploy', 'e3', 'Succeeded')] }),
    );
    expect(health.status).toBe('succeeded');
  });

  it('counts a queued execution as running', () => {
    const queued = {
      ...stage('Deploy', 'e1', 'Succeeded'),
      inboundExecutions: [{ pipelineExecutionId: 'e2', status: 'InProgress' as const }],
    };
    const health = pipelineHealth(pipeline({ stages: [stage('Source', 'e2', 'Succeeded'), queued] }));
    expect(health.status).toBe('running');
    expect(health.stages[1]?.inbound).toBe(1);
  });

  it('marks the stage whose manual approval waits', () => {
    const health = pipelineHealth(
      pipeline({
        stages: [
          stage('Source', 'e1', 'Succeeded'),
          stage('Approval', 'e1', 'InProgress', [action('Ship', 'InProgress')]),
        ],
        waitingApprovals: [waiting('Approval', 'Ship', 'e1')],
      }),
    );
    expect(health.stages.map((s) => s.waitingApproval)).toEqual([false, true]);
    expect(health.waitingApprovals).toBe(1);
  });

  it('falls back to the executions list before the state was read, and says unknown with neither', () => {
    expect(pipelineHealth(pipeline({ noState: true, executions: [execution('e1', 'Failed', 0)] })).status).toBe(
      'failed',
    );
    expect(pipelineHealth(pipeline({ noState: true })).status).toBe('unknown');
  });

  it('reads an unknown stage status as unknown, and a stage no run reached as not run', () => {
    expect(stageRunStatus({ unknown: 'Paused' })).toBe('unknown');
    expect(stageRunStatus(undefined)).toBe('not-run');
    const never = { name: 'Deploy', inboundExecutions: [], actions: [] };
    const health = pipelineHealth(pipeline({ stages: [stage('Source', 'e1', 'Succeeded'), never] }));
    expect(health.stages[1]).toMatchObject({ status: 'not-run', label: 'Not run yet', previousRun: false });
    expect(health.status).toBe('succeeded');
  });
});

describe('builds per CodeBuild project', () => {
  it('keeps the latest build of each project first, projects by name', () => {
    const groups = buildsByProject([
      build('web', 1, 'SUCCEEDED'),
      build('web', 3, 'IN_PROGRESS'),
      build('api', 7, 'FAILED'),
      build('web', 2, 'FAILED'),
    ]);
    expect(groups.map((g) => [g.project, g.latest.data.number, g.status])).toEqual([
      ['api', 7, 'failed'],
      ['web', 3, 'running'],
    ]);
    expect(groups[1]?.builds.map((b) => b.data.number)).toEqual([3, 2, 1]);
  });

  it('puts a queued build with no start time first', () => {
    const queued = build('web', 5, 'IN_PROGRESS');
    delete queued.data.startTime;
    expect(buildsByProject([build('web', 4, 'SUCCEEDED'), queued])[0]?.latest.data.number).toBe(5);
  });

  it('maps every CodeBuild status', () => {
    expect(
      (['SUCCEEDED', 'FAILED', 'FAULT', 'TIMED_OUT', 'IN_PROGRESS', 'STOPPED', 'unknown'] as const).map((status) =>
        buildRunStatus({ status }),
      ),
    ).toEqual(['succeeded', 'failed', 'failed', 'failed', 'running', 'stopped', 'unknown']);
  });
});

describe('repositories', () => {
  it('counts open pull requests, not closed or merged ones', () => {
    const repo = repository([
      pullRequest('1'),
      pullRequest('2', { status: 'CLOSED' }),
      pullRequest('3', { merge: { isMerged: true } }),
      pullRequest('4'),
    ]);
    expect(openPullRequests(repo).map((pr) => pr.id)).toEqual(['1', '4']);
  });

  it('finds the default branch head with its commit when the recent commits hold it', () => {
    const commit = {
      id: 'c1',
      subject: 'Fix the cart',
      message: 'Fix the cart',
      author: { name: 'Maya', email: 'm@example.com' },
      parents: [],
      consoleUrl: 'https://console.aws.amazon.com/x',
    };
    const repo = repository([], {
      heads: [
        { branch: 'release', commitId: 'c9' },
        { branch: 'main', commitId: 'c1' },
      ],
      recentCommits: [commit],
    });
    expect(defaultBranchHead(repo)).toEqual({ branch: 'main', commitId: 'c1', commit });
    expect(defaultBranchHead(repository([], { heads: [] }))).toBeUndefined();
  });
});

describe('a project’s health', () => {
  it('adds up pipelines, latest builds, pull requests and approvals; overall is the most urgent', () => {
    const health = projectHealth({
      pipelines: [
        pipeline({ name: 'web', stages: [stage('Source', 'e1', 'Succeeded')] }),
        pipeline({
          name: 'api',
          stages: [stage('Source', 'e1', 'Succeeded'), stage('Approval', 'e1', 'InProgress')],
          waitingApprovals: [waiting('Approval', 'Ship', 'e1')],
        }),
      ],
      builds: [build('web', 1, 'FAILED'), build('web', 2, 'SUCCEEDED')],
      repositories: [repository([pullRequest('1'), pullRequest('2')])],
      githubRepositories: [],
    });
    expect(health.counts).toMatchObject({ succeeded: 2, running: 1, failed: 0 });
    expect(health.overall).toBe('running');
    expect(health.openPullRequests).toBe(2);
    expect(health.approvalsWaiting).toBe(1);
  });

  it('is failed when one latest build failed, even with others fine', () => {
    const health = projectHealth({
      pipelines: [pipeline({ stages: [stage('Source', 'e1', 'Succeeded')] })],
      builds: [build('web', 3, 'FAILED'), build('api', 1, 'IN_PROGRESS')],
      repositories: [],
      githubRepositories: [],
    });
    expect(health.overall).toBe('failed');
  });

  it('is unknown with nothing to judge by', () => {
    expect(projectHealth({ pipelines: [], builds: [], repositories: [], githubRepositories: [] }).overall).toBe(
      'unknown',
    );
  });
});

describe('a project’s health with GitHub', () => {
  const none = { pipelines: [], builds: [], repositories: [] };

  it('counts the latest run of each workflow on the default branch like a build', () => {
    const deploy = { name: 'Deploy', workflowId: 2 };
    const health = projectHealth({
      ...none,
      githubRepositories: [
        githubRepository({
          workflows: [
            { id: 1, name: 'CI', path: '.github/workflows/ci.yml', state: 'active', htmlUrl: 'x' },
            { id: 2, name: 'Deploy', path: '.github/workflows/deploy.yml', state: 'active', htmlUrl: 'x' },
          ],
          // Newest first: a feature branch's failure does not count; CI's newest main run does.
          runs: [
            githubRun(6, 'failure', { branch: 'feature-x' }),
            githubRun(5, undefined, deploy),
            githubRun(4, 'success'),
            githubRun(3, 'failure'),
            githubRun(2, 'failure', deploy),
          ],
        }),
      ],
    });
    expect(health.workflows.map((w) => [w.name, w.latest.id, w.status])).toEqual([
      ['CI', 4, 'succeeded'],
      ['Deploy', 5, 'running'],
    ]);
    expect(health.counts).toMatchObject({ succeeded: 1, running: 1, failed: 0 });
    expect(health.overall).toBe('running');
    expect(hasRuns(health)).toBe(true);
  });

  it('is failed when a workflow’s latest default-branch run failed', () => {
    const health = projectHealth({
      ...none,
      githubRepositories: [githubRepository({ runs: [githubRun(2, 'timed_out'), githubRun(1, 'success')] })],
    });
    expect(health.overall).toBe('failed');
  });

  it('counts runs waiting for review as approvals waiting, and GitHub pull requests as open', () => {
    const run = githubRun(3);
    const health = projectHealth({
      pipelines: [
        pipeline({
          stages: [stage('Approval', 'e1', 'InProgress')],
          waitingApprovals: [waiting('Approval', 'Ship', 'e1')],
        }),
      ],
      builds: [],
      repositories: [repository([pullRequest('1')])],
      githubRepositories: [
        githubRepository({
          runs: [{ ...run, status: 'waiting' }],
          waiting: [githubWaiting(run, ['production'])],
          pulls: [githubPull(7), githubPull(8, { draft: true })],
        }),
      ],
    });
    expect(health.approvalsWaiting).toBe(2);
    expect(health.openPullRequests).toBe(3);
    expect(health.workflows[0]?.status).toBe('running');
  });

  it('has no runs to sum up for a repository without workflow runs', () => {
    const health = projectHealth({ ...none, githubRepositories: [githubRepository()] });
    expect(health.workflows).toEqual([]);
    expect(hasRuns(health)).toBe(false);
    expect(health.overall).toBe('unknown');
  });
});
