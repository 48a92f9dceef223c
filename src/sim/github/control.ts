// The typed remote control tests, benches and the demo use to drive the
// GitHub simulator: tokens, rate limits, workflow runs and device flow sign-ins.
import type { SimClock } from '../clock';
import {
  authenticatedLimit,
  type PrimaryRateLimits,
  type RateLimitState,
  type SecondaryLimitRule,
  type SecondaryRateLimits,
} from './http/rate-limit';
import { DeviceAuthorizations } from './routes/oauth';
import { addEnvironment, ciStages, deployStages } from './world/builder';
import type { Repository, WorkflowRun } from './world/model';
import { latestAttempt } from './world/model';
import { failNow, startRun } from './world/runs';
import type { World } from './world/world';

export interface StartRunOptions {
  /** "owner/name". */
  repo: string;
  /** Workflow file name, e.g. 'deploy.yml' (default: the repository's first workflow). */
  workflow?: string;
  branch?: string;
  /** Login that triggers the run (default: the first organisation member). */
  actor?: string;
  /** Environments the run deploys to, one job each, in order; jobs for protected ones wait for review. */
  environments?: string[];
  /** Deploy to these environments in parallel (one stage), so several wait for review at once. */
  parallelEnvironments?: boolean;
  /** Make the first job fail. */
  fail?: boolean;
}

export interface RunSummary {
  id: number;
  runAttempt: number;
  status: 'queued' | 'in_progress' | 'waiting' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  waitingFor: string[];
}

export interface GitHubSimControl {
  readonly clock: SimClock;
  /** Moves simulated time forward (runs progress, rate-limit windows reset). */
  advance(ms: number): void;
  /** Accepts `token` as `login` (created if unknown; not an organisation member unless `member`). */
  addToken(token: string, login: string, options?: { member?: string }): void;
  /** The token answers 401 Bad credentials from now on. */
  revokeToken(token: string): void;
  rateLimit(login: string): RateLimitState;
  /** Leaves `remaining` primary-limit requests for `login` in the current window (0 exhausts it). */
  setRateLimitRemaining(login: string, remaining: number): void;
  exhaustPrimaryRateLimit(login: string): void;
  /** Turns on a secondary rate limit; returns a function that turns it off. */
  addSecondaryRateLimit(rule?: SecondaryLimitRule): () => void;
  clearSecondaryRateLimits(): void;
  repositories(): string[];
  /** Adds an environment to a repository; with reviewers it gates the jobs that deploy to it. */
  addEnvironment(
    repo: string,
    name: string,
    protection?: { reviewers?: string[]; preventSelfReview?: boolean; waitTimerMinutes?: number },
  ): number;
  /** Starts a workflow run now; returns its id. */
  startWorkflowRun(options: StartRunOptions): number;
  /** Whatever the run is doing now fails; false when it had already completed. */
  failWorkflowRun(repo: string, runId: number): boolean;
  run(repo: string, runId: number): RunSummary;
  /** Runs of a repository, newest first. */
  runs(repo: string): RunSummary[];
  /** Device flow user codes waiting to be entered, oldest first. */
  deviceCodes(): string[];
  /** The user enters the code and authorizes the OAuth app; the token it issues signs in as `login`. */
  authorizeDevice(userCode: string, login: string): void;
  /** The user chooses Cancel on the authorization page. */
  denyDevice(userCode: string): void;
}

export function createControl(
  world: World,
  primary: PrimaryRateLimits,
  secondary: SecondaryRateLimits,
  oauth: DeviceAuthorizations = new DeviceAuthorizations(world),
): GitHubSimControl {
  const repoNamed = (name: string): Repository => {
    const [owner = '', repo = ''] = name.split('/');
    const found = world.findRepo(owner, repo);
    if (!found) throw new Error(`no repository ${name} in this scenario`);
    return found;
  };
  const summary = (repo: Repository, run: WorkflowRun): RunSummary => {
    const view = world.view(repo, run);
    const waitingFor = view.jobs.flatMap((j) => (j.status === 'waiting' && j.gate ? [j.gate.environment.name] : []));
    return {
      id: run.id,
      runAttempt: latestAttempt(run).number,
      status: view.status,
      conclusion: view.conclusion,
      waitingFor,
    };
  };
  const runIn = (repo: Repository, runId: number): WorkflowRun => {
    const run = repo.runs.find((r) => r.id === runId);
    if (!run) throw new Error(`no run ${runId}`);
    return run;
  };
  const key = (login: string): string => `user:${login}`;
  return {
    clock: world.clock,
    advance: (ms) => world.clock.advance(ms),
    addToken: (token, login, options) => {
      world.addToken(token, login);
      if (options?.member) world.members.get(options.member)?.add(login);
    },
    revokeToken: (token) => world.revokeToken(token),
    rateLimit: (login) => primary.state(key(login), authenticatedLimit),
    setRateLimitRemaining: (login, remaining) => primary.setRemaining(key(login), authenticatedLimit, remaining),
    exhaustPrimaryRateLimit: (login) => primary.setRemaining(key(login), authenticatedLimit, 0),
    addSecondaryRateLimit: (rule = {}) => secondary.add(rule),
    clearSecondaryRateLimits: () => secondary.clear(),
    repositories: () => world.repos.map((r) => `${r.owner.login}/${r.name}`),
    addEnvironment: (repo, name, protection = {}) => {
      const r = repoNamed(repo);
      if (r.environments.some((e) => e.name === name)) throw new Error(`${repo} already has an environment ${name}`);
      const reviewers = (protection.reviewers ?? []).map((login) => world.user(login));
      return addEnvironment(world, r, name, world.now(), { ...protection, reviewers }).id;
    },
    startWorkflowRun: (options) => {
      const repo = repoNamed(options.repo);
      const workflow =
        options.workflow === undefined
          ? repo.workflows[0]
          : repo.workflows.find((w) => w.path.endsWith(`/${options.workflow ?? ''}`));
      if (!workflow) throw new Error(`no workflow ${options.workflow ?? ''} in ${options.repo}`);
      const random = world.random.fork(`control-run-${repo.runs.length}`);
      const environments = options.environments ?? [];
      let stages =
        environments.length > 0 ? deployStages(random, environments, options.fail ?? false) : ciStages(random, false);
      if (options.parallelEnvironments && stages.length > 1) stages = [stages[0] ?? [], stages.slice(1).flat()];
      if (options.fail && environments.length === 0)
        stages = ciStages(random, false).map((s, i) =>
          i === 0 ? s.map((j, k) => (k === 0 ? { ...j, failAtStep: 3 } : j)) : s,
        );
      const branch = options.branch ?? repo.defaultBranch;
      const headSha = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch);
      if (headSha === undefined) throw new Error(`${options.repo} has no commits`);
      const actorLogin = options.actor ?? [...(world.members.get(repo.owner.login) ?? [])][0] ?? repo.owner.login;
      const run = startRun(world, repo, {
        workflowId: workflow.id,
        event: 'workflow_dispatch',
        headBranch: branch,
        headSha,
        actor: world.user(actorLogin),
        createdAt: world.now(),
        stages,
      });
      return run.id;
    },
    failWorkflowRun: (repo, runId) => {
      const r = repoNamed(repo);
      return failNow(world, r, runIn(r, runId));
    },
    run: (repo, runId) => {
      const r = repoNamed(repo);
      return summary(r, runIn(r, runId));
    },
    runs: (repo) => {
      const r = repoNamed(repo);
      return world.visibleRuns(r).map((run) => summary(r, run));
    },
    deviceCodes: () => oauth.pendingCodes(),
    authorizeDevice: (userCode, login) => oauth.authorize(userCode, login),
    denyDevice: (userCode) => oauth.deny(userCode),
  };
}
