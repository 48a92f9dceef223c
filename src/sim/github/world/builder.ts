// Building blocks for scenarios: repositories with commit history, pull
// requests, workflows, environments and the job layouts of typical CI and
// deploy workflows. Everything random comes from the Random passed in.
import type { Random } from '../../random';
import type { Commit, Environment, PullRequest, Repository, SimUser, StepPlan, Workflow } from './model';
import type { JobTemplate } from './runs';
import type { World } from './world';

/** Durations scenarios are written in. */
export const minute = 60_000;
export const hour = 60 * minute;
export const day = 24 * hour;

export interface RepoInput {
  owner: SimUser;
  name: string;
  private: boolean;
  description: string;
  language: string;
  createdAt: number;
}

export function addRepo(world: World, input: RepoInput): Repository {
  const repo: Repository = {
    id: world.ids.next('repo'),
    ...input,
    defaultBranch: 'main',
    branches: new Map(),
    commits: new Map(),
    pulls: [],
    statuses: new Map(),
    workflows: [],
    runs: [],
    environments: [],
  };
  world.repos.push(repo);
  return repo;
}

const subjects = [
  'Fix flaky checkout test',
  'Bump aws-sdk to latest',
  'Add retry to payment client',
  'Refactor order service',
  'Update README',
  'Tune cache headers',
  'Add metrics for queue depth',
  'Handle empty cart',
  'Speed up image build',
  'Log request ids',
];

/** Appends `count` commits to `branch` (created from `from` if new), spread evenly up to `until`. */
export function addCommits(
  repo: Repository,
  random: Random,
  branch: string,
  count: number,
  span: { from: number; until: number },
  authors: readonly SimUser[],
  from?: string,
): Commit[] {
  const added: Commit[] = [];
  let parent = repo.branches.get(branch) ?? from;
  for (let i = 0; i < count; i++) {
    const at = span.from + Math.round(((i + 1) * (span.until - span.from)) / count);
    const commit: Commit = {
      sha: random.hex(40),
      treeSha: random.hex(40),
      message: random.pick(subjects),
      author: random.pick(authors),
      at,
      parents: parent === undefined ? [] : [parent],
    };
    repo.commits.set(commit.sha, commit);
    parent = commit.sha;
    added.push(commit);
  }
  if (parent !== undefined) repo.branches.set(branch, parent);
  return added;
}

export function addWorkflow(world: World, repo: Repository, name: string, file: string, createdAt: number): Workflow {
  const workflow: Workflow = { id: world.ids.next('workflow'), name, path: `.github/workflows/${file}`, createdAt };
  repo.workflows.push(workflow);
  return workflow;
}

export function addEnvironment(
  world: World,
  repo: Repository,
  name: string,
  createdAt: number,
  protection: { reviewers?: SimUser[]; preventSelfReview?: boolean; waitTimerMinutes?: number } = {},
): Environment {
  const environment: Environment = {
    id: world.ids.next('environment'),
    name,
    createdAt,
    reviewers: protection.reviewers ?? [],
    preventSelfReview: protection.preventSelfReview ?? false,
    waitTimerMinutes: protection.waitTimerMinutes ?? 0,
    reviewRuleId: world.ids.next('rule'),
    branchRuleId: world.ids.next('rule'),
  };
  repo.environments.push(environment);
  return environment;
}

export function addPull(
  world: World,
  repo: Repository,
  random: Random,
  input: { title: string; author: SimUser; headRef: string; createdAt: number; commits: number; now: number },
): PullRequest {
  const base = repo.branches.get(repo.defaultBranch);
  const span = { from: input.createdAt, until: Math.max(input.createdAt, input.now - 30 * minute) };
  const added = addCommits(repo, random, input.headRef, input.commits, span, [input.author], base);
  const head = added[added.length - 1];
  if (!head) throw new Error('a pull request needs at least one commit');
  const pull: PullRequest = {
    id: world.ids.next('pull'),
    number: repo.pulls.length + 1,
    title: input.title,
    body: `${input.title}.\n\nPart of the ${repo.name} roadmap.`,
    author: input.author,
    headRef: input.headRef,
    headSha: head.sha,
    baseRef: repo.defaultBranch,
    createdAt: input.createdAt,
    updatedAt: head.at,
    draft: false,
    reviews: [],
  };
  repo.pulls.push(pull);
  return pull;
}

function steps(random: Random, names: readonly string[], scale = 1): StepPlan[] {
  return names.map((name) => ({ name, durationMs: Math.round(random.int(3, 40) * 1000 * scale) }));
}

/** A pull-request CI workflow: lint and unit tests in parallel, then an integration test. */
export function ciStages(random: Random, fail: boolean): JobTemplate[][] {
  const failing = fail ? random.int(0, 2) : -1;
  const job = (index: number, name: string, names: string[]): JobTemplate => ({
    name,
    queueMs: random.int(2, 15) * 1000,
    steps: steps(random, names, 3),
    ...(index === failing && { failAtStep: names.length - 2 }),
  });
  return [
    [
      job(0, 'lint', ['Set up job', 'Run actions/checkout@v4', 'Run npm ci', 'Run npm run lint', 'Complete job']),
      job(1, 'unit-tests', ['Set up job', 'Run actions/checkout@v4', 'Run npm ci', 'Run npm test', 'Complete job']),
    ],
    [
      job(2, 'integration', [
        'Set up job',
        'Run actions/checkout@v4',
        'Start services',
        'Run npm run it',
        'Complete job',
      ]),
    ],
  ];
}

/** A deploy workflow: build, then one job per environment in order. */
export function deployStages(random: Random, environments: readonly string[], failBuild: boolean): JobTemplate[][] {
  const build: JobTemplate = {
    name: 'build',
    queueMs: random.int(2, 15) * 1000,
    steps: steps(random, ['Set up job', 'Run actions/checkout@v4', 'Build image', 'Push image', 'Complete job'], 4),
    ...(failBuild && { failAtStep: 2 }),
  };
  const deploys = environments.map((environment): JobTemplate[] => [
    {
      name: `deploy-${environment}`,
      environment,
      queueMs: random.int(2, 10) * 1000,
      steps: steps(random, ['Set up job', 'Configure AWS credentials', 'Deploy', 'Smoke test', 'Complete job'], 3),
    },
  ]);
  return [[build], ...deploys];
}

/** Total planned duration of a layout, to place runs so they are finished, running or waiting at a given time. */
export function plannedDuration(stages: readonly JobTemplate[][]): number {
  return stages.reduce(
    (sum, stage) => sum + Math.max(0, ...stage.map((j) => j.queueMs + j.steps.reduce((s, x) => s + x.durationMs, 0))),
    0,
  );
}
