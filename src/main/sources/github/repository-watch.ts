// One watched repository and what was last read about it. A fast refresh is
// a constant handful of conditional requests (commits, runs, open pull
// requests, and waiting runs where an environment can hold a run), which
// answer 304 and cost nothing while the repository is idle; detail reads
// follow only what changed: reviews and checks of new or moved pull
// requests, pending deployments of newly waiting runs, deployments after
// runs moved. A failed read keeps the last good copy and reports its problem.
import type {
  GitHubCommit,
  GitHubEnvironment,
  GitHubEnvironmentDeployments,
  GitHubPullRequest,
  GitHubRepository,
  GitHubRepositoryRead,
  GitHubWaitingRun,
  GitHubWorkflow,
  GitHubWorkflowRun,
} from '../../../shared/github';
import type { SourceProblem } from '../../../shared/sources';
import { runFingerprint } from './actions-mapping';
import { readRuns, readWorkflows } from './actions-reads';
import type { Fetched, GitHubClient } from './client';
import { gates } from './deployments-mapping';
import { readEnvironmentDeployments, readEnvironments, readPendingDeployments } from './deployments-reads';
import { problemOf } from './problems';
import type { RepoRef } from './repo-ref';
import { readChecks, readCommits, readOpenPulls, readRepository, readReviewState } from './repository-reads';

export interface WatchLimits {
  /** Default-branch commits shown (one page). */
  commits: number;
  /** Recent runs read every refresh (one page, at most 100). */
  runs: number;
  /** Page size for open pull requests and waiting runs. */
  pageSize: number;
  /** Pages followed at most for a list. */
  maxPages: number;
  /** Deployments per environment searched for the live one. */
  deploymentLookBack: number;
}

export const defaultWatchLimits: WatchLimits = {
  commits: 10,
  runs: 20,
  pageSize: 50,
  maxPages: 5,
  deploymentLookBack: 10,
};

interface PullEntry {
  pull: GitHubPullRequest;
  reviewRead: boolean;
  checksRead: boolean;
}

interface WaitingEntry {
  waiting: GitHubWaitingRun;
  fingerprint: string;
  read: boolean;
}

/**
 * What one pass collected: whole sections that failed, and single items
 * that did, each in the order the reads were started (not finished), so the
 * repository's own failure comes first.
 */
class Pass {
  readonly #sections: (SourceProblem | undefined)[] = [];
  readonly #sectionNames: string[] = [];
  readonly #items: (SourceProblem | undefined)[] = [];

  constructor(private readonly fullName: string) {}

  get sections(): { name: string; problem: SourceProblem }[] {
    return this.#sections.flatMap((problem, i) =>
      problem === undefined ? [] : [{ name: this.#sectionNames[i] ?? '', problem }],
    );
  }

  get items(): SourceProblem[] {
    return this.#items.filter((p) => p !== undefined);
  }

  section<T>(name: string, read: () => Promise<Fetched<T>>): Promise<Fetched<T> | undefined> {
    this.#sectionNames[this.#sections.length] = name;
    return this.#run(this.#sections, name, read);
  }

  item<T>(name: string, read: () => Promise<Fetched<T>>): Promise<Fetched<T> | undefined> {
    return this.#run(this.#items, name, read);
  }

  async #run<T>(
    into: (SourceProblem | undefined)[],
    name: string,
    read: () => Promise<Fetched<T>>,
  ): Promise<Fetched<T> | undefined> {
    const slot = into.push(undefined) - 1;
    try {
      return await read();
    } catch (error) {
      into[slot] = problemOf(error, `${this.fullName} ${name}`);
      return undefined;
    }
  }
}

export class RepositoryWatch {
  #repository: GitHubRepository | undefined;
  #workflows: GitHubWorkflow[] = [];
  #environments: GitHubEnvironment[] = [];
  #commits: GitHubCommit[] = [];
  #pulls: PullEntry[] = [];
  #runs: GitHubWorkflowRun[] = [];
  #deployments: GitHubEnvironmentDeployments[] = [];
  #waiting: WaitingEntry[] = [];
  #metadataRead = false;
  #deploymentsDue = true;
  #fetchedAt = '';
  #problem: SourceProblem | undefined;
  /** What the last pass of each timer could not read, kept until that timer reads it again. */
  #problems: Record<'metadata' | 'fast', SourceProblem[]> = { metadata: [], fast: [] };

  constructor(
    readonly ref: RepoRef,
    private readonly accountKey: string,
    private readonly client: GitHubClient,
    private readonly limits: WatchLimits,
    private readonly now: () => Date,
  ) {}

  /** What was read so far, without calling GitHub. `fetchedAt` is '' until a pass read everything. */
  view(): GitHubRepositoryRead {
    const environments = this.#environments.map(
      (environment) => this.#deployments.find((d) => d.environment.id === environment.id) ?? { environment },
    );
    return {
      accountKey: this.accountKey,
      fullName: this.ref.fullName,
      fetchedAt: this.#fetchedAt,
      ...(this.#problem ? { problem: this.#problem } : {}),
      ...(this.#repository ? { repository: this.#repository } : {}),
      commits: this.#commits,
      pulls: this.#pulls.map((e) => e.pull),
      workflows: this.#workflows,
      runs: this.#runs,
      environments,
      waiting: this.#waiting.map((e) => e.waiting),
      problems: uniqueProblems([...this.#problems.metadata, ...this.#problems.fast]),
    };
  }

  /** Environments' names, once read (discovery input). */
  get environmentNames(): string[] {
    return this.#environments.map((e) => e.name);
  }

  /** The slow timer: repository, workflows, environments, then every environment's deployments. */
  async refreshMetadata(): Promise<GitHubRepositoryRead> {
    const pass = new Pass(this.ref.fullName);
    await this.#readMetadata(pass);
    this.#deploymentsDue = true;
    // Reviewer lists and outside commit statuses (e.g. coverage) move without touching runs or pull
    // requests: read pending deployments and checks again, conditionally, on the next fast pass.
    for (const entry of this.#waiting) entry.read = false;
    for (const entry of this.#pulls) entry.checksRead = false;
    await this.#readDeployments(pass);
    return this.#finish(pass, 'metadata');
  }

  /** The fast timer: 3 or 4 conditional requests, plus detail reads for what changed. */
  async refresh(): Promise<GitHubRepositoryRead> {
    const pass = new Pass(this.ref.fullName);
    // A repository that cannot be read (gone, no access, offline) is not worth its lists' requests now.
    if (!this.#metadataRead && !(await this.#readMetadata(pass))) return this.#finish(pass, 'fast');
    const { client, ref, limits } = this;
    const gated = this.#environments.some(gates);
    const [commits, runs, pulls, waiting] = await Promise.all([
      pass.section('commits', () => readCommits(client, ref, limits.commits)),
      pass.section('runs', () => readRuns(client, ref, { perPage: limits.runs })),
      pass.section('pull requests', () => readOpenPulls(client, ref, limits.pageSize, limits.maxPages)),
      gated
        ? pass.section('waiting runs', () =>
            readRuns(client, ref, { perPage: limits.pageSize, pages: limits.maxPages, status: 'waiting' }),
          )
        : undefined,
    ]);
    if (commits) this.#commits = commits.data;
    let moved = new Set<string>();
    if (runs) {
      moved = this.#movedCommits(runs.data);
      if (runs.changed) this.#deploymentsDue = true;
      this.#runs = runs.data;
    }
    await Promise.all([
      pulls ? this.#readPullDetails(pass, pulls.data, moved) : undefined,
      waiting ? this.#readPending(pass, waiting.data) : undefined,
    ]);
    if (!gated) this.#waiting = [];
    await this.#readDeployments(pass);
    return this.#finish(pass, 'fast');
  }

  /** True once the repository itself has answered. */
  async #readMetadata(pass: Pass): Promise<boolean> {
    const { client, ref } = this;
    const [repository, workflows, environments] = await Promise.all([
      pass.section('repository', () => readRepository(client, ref)),
      pass.section('workflows', () => readWorkflows(client, ref)),
      pass.section('environments', () => readEnvironments(client, ref)),
    ]);
    if (repository) this.#repository = repository.data;
    if (workflows) this.#workflows = workflows.data;
    if (environments) {
      if (environments.changed) this.#deploymentsDue = true;
      this.#environments = environments.data;
    }
    // Once the repository answered, the rest is retried on the slow timer rather than on every fast pass.
    if (repository) this.#metadataRead = true;
    return this.#metadataRead;
  }

  /** Head commits of runs that are new or whose state moved since the last read. */
  #movedCommits(runs: readonly GitHubWorkflowRun[]): Set<string> {
    const before = new Map(this.#runs.map((r) => [r.id, runFingerprint(r)]));
    return new Set(runs.filter((r) => before.get(r.id) !== runFingerprint(r)).map((r) => r.headSha));
  }

  async #readPullDetails(pass: Pass, pulls: readonly GitHubPullRequest[], moved: Set<string>): Promise<void> {
    const { client, ref } = this;
    const previous = new Map(this.#pulls.map((e) => [e.pull.number, e]));
    this.#pulls = await Promise.all(
      pulls.map(async (listed): Promise<PullEntry> => {
        const prev = previous.get(listed.number);
        const pull: GitHubPullRequest = { ...listed };
        let reviewRead = prev?.reviewRead ?? false;
        let checksRead = prev?.checksRead ?? false;
        // A review or a push updates the pull request; a run on its head commit moves its checks.
        const reviewDue = !prev || !prev.reviewRead || prev.pull.updatedAt !== listed.updatedAt;
        const sameHead = prev?.pull.headSha === listed.headSha;
        const checksDue = !prev || !prev.checksRead || !sameHead || moved.has(listed.headSha);
        const [review, checks] = await Promise.all([
          reviewDue
            ? pass.item(`#${listed.number} reviews`, () => readReviewState(client, ref, listed.number))
            : undefined,
          checksDue ? pass.item(`#${listed.number} checks`, () => readChecks(client, ref, listed.headSha)) : undefined,
        ]);
        if (reviewDue) reviewRead = review !== undefined;
        if (checksDue) checksRead = checks !== undefined;
        const lastReview = review?.data ?? prev?.pull.review;
        // Checks belong to a commit: an old head's checks say nothing about the new one.
        const lastChecks = checks?.data ?? (sameHead ? prev.pull.checks : undefined);
        if (lastReview) pull.review = lastReview;
        if (lastChecks) pull.checks = lastChecks;
        return { pull, reviewRead, checksRead };
      }),
    );
  }

  async #readPending(pass: Pass, runs: readonly GitHubWorkflowRun[]): Promise<void> {
    const { client, ref } = this;
    const previous = new Map(this.#waiting.map((e) => [e.waiting.run.id, e]));
    this.#waiting = await Promise.all(
      runs.map(async (run): Promise<WaitingEntry> => {
        const prev = previous.get(run.id);
        const fingerprint = runFingerprint(run);
        if (prev?.read && prev.fingerprint === fingerprint) return { ...prev, waiting: { ...prev.waiting, run } };
        const got = await pass.item(`run ${run.id} pending deployments`, () =>
          readPendingDeployments(client, ref, run.id),
        );
        return {
          waiting: { run, pending: got?.data ?? prev?.waiting.pending ?? [] },
          fingerprint,
          read: got !== undefined,
        };
      }),
    );
  }

  async #readDeployments(pass: Pass): Promise<void> {
    if (!this.#deploymentsDue || !this.#metadataRead) return;
    const { client, ref, limits } = this;
    const read = await Promise.all(
      this.#environments.map(async (environment) => {
        const got = await pass.item(`${environment.name} deployments`, () =>
          readEnvironmentDeployments(client, ref, environment, limits.deploymentLookBack),
        );
        if (got) return { entry: got.data, read: true };
        const last = this.#deployments.find((d) => d.environment.id === environment.id);
        return { entry: last ? { ...last, environment } : { environment }, read: false };
      }),
    );
    this.#deployments = read.map((r) => r.entry);
    this.#deploymentsDue = read.some((r) => !r.read);
  }

  /**
   * The repository is stale when it or its commits could not be read, or any
   * section failed for a passing reason (offline, throttled, expired token);
   * a section the token may not read (no Actions or Environments permission)
   * is a lasting gap, reported in `problems` per area, not staleness.
   */
  #finish(pass: Pass, timer: 'metadata' | 'fast'): GitHubRepositoryRead {
    const failed = pass.sections;
    const whole = failed.find(
      ({ name, problem }) =>
        coreSections.has(name) || !(problem.code === 'access-denied' || problem.code === 'not-found'),
    );
    this.#problem = whole?.problem;
    this.#problems[timer] = [...failed.filter((f) => f !== whole).map((f) => f.problem), ...pass.items];
    if (whole === undefined) this.#fetchedAt = this.now().toISOString();
    return this.view();
  }
}

/** Sections without which the repository's data is not current. */
const coreSections = new Set(['repository', 'commits']);

/** The same problem from both timers once. */
function uniqueProblems(problems: SourceProblem[]): SourceProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${p.resource ?? ''}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
