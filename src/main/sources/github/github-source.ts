// One GitHub account (github.com or a GHES host, one token): its watched
// repositories read on the hub's timers (`refresh` fast, `refreshMetadata`
// slow), on-demand reads (jobs, logs, pending deployments), the commands,
// and the account's rate limit and request counters. Shaped like the AWS
// sources: reads return data with Freshness and per-item problems, and a
// failed read keeps the last good copy.
import type { GitHubDeployments } from '../../hub/projects/discovery';
import type {
  GitHubIdentity,
  GitHubJob,
  GitHubPendingDeployment,
  GitHubRateLimit,
  GitHubRepositoryRead,
  GitHubRequestCounts,
  GitHubTokenKind,
  GitHubWorkflowRun,
} from '../../../shared/github';
import { fail, type Result } from '../../../shared/result';
import { readJobLog, readJobs, readRuns, type RunsQuery } from './actions-reads';
import type { GitHubClient } from './client';
import { cancelWorkflowRun, rerunWorkflowRun } from './commands';
import { readPendingDeployments } from './deployments-reads';
import { reviewEnvironments, type EnvironmentReview, type ReviewOutcome } from './environment-review';
import { readIdentity } from './identity';
import { tryRead, type SourceResult } from './problems';
import { parseRepoRef, type RepoRef } from './repo-ref';
import { defaultWatchLimits, RepositoryWatch, type WatchLimits } from './repository-watch';

export interface GitHubSourceOptions {
  now?: () => Date;
  limits?: Partial<WatchLimits>;
}

export class GitHubSource {
  readonly #watches = new Map<string, RepositoryWatch>();
  readonly #limits: WatchLimits;
  readonly #now: () => Date;

  constructor(
    /** The workspace's id for this account entry. */
    readonly accountKey: string,
    private readonly client: GitHubClient,
    options: GitHubSourceOptions = {},
  ) {
    this.#limits = { ...defaultWatchLimits, ...options.limits };
    this.#now = options.now ?? (() => new Date());
  }

  /**
   * Sets the watched repositories (`owner/repo`). Repositories kept keep
   * what was read; names that are not `owner/repo` are returned, not watched.
   */
  watch(fullNames: readonly string[]): string[] {
    const wanted = new Map<string, RepoRef>();
    const rejected: string[] = [];
    for (const name of fullNames) {
      const ref = parseRepoRef(name);
      if (ref) wanted.set(ref.fullName.toLowerCase(), ref);
      else rejected.push(name);
    }
    for (const key of this.#watches.keys()) if (!wanted.has(key)) this.#watches.delete(key);
    for (const [key, ref] of wanted) {
      if (!this.#watches.has(key))
        this.#watches.set(key, new RepositoryWatch(ref, this.accountKey, this.client, this.#limits, this.#now));
    }
    return rejected;
  }

  get watched(): string[] {
    return [...this.#watches.values()].map((w) => w.ref.fullName);
  }

  /** What was read so far, without calling GitHub. */
  get repositories(): GitHubRepositoryRead[] {
    return [...this.#watches.values()].map((w) => w.view());
  }

  /** The fast timer: every watched repository; idle, each costs a few 304s and nothing of the primary limit. */
  async refresh(): Promise<GitHubRepositoryRead[]> {
    return Promise.all([...this.#watches.values()].map((w) => w.refresh()));
  }

  /** The slow timer: metadata, workflows, environments and deployments of every watched repository. */
  async refreshMetadata(): Promise<GitHubRepositoryRead[]> {
    return Promise.all([...this.#watches.values()].map((w) => w.refreshMetadata()));
  }

  /** One repository now (after a command, or when its page opens). */
  async refreshRepository(fullName: string): Promise<GitHubRepositoryRead | undefined> {
    return this.#watch(fullName)?.refresh();
  }

  /** Discovery input: the watched repositories that have environments, with their names. */
  deploymentTargets(): GitHubDeployments[] {
    return [...this.#watches.values()]
      .filter((w) => w.environmentNames.length > 0)
      .map((w) => ({ fullName: w.ref.fullName, environments: w.environmentNames }));
  }

  /** Runs beyond the recent page: older pages, one workflow, a branch or a status. */
  runs(fullName: string, query: RunsQuery): Promise<SourceResult<GitHubWorkflowRun[]>> {
    return this.#read(fullName, async (ref) => (await readRuns(this.client, ref, query)).data);
  }

  /** A run's jobs and steps with timings (its latest attempt unless `attempt` is given). */
  jobs(fullName: string, runId: number, attempt?: number): Promise<SourceResult<GitHubJob[]>> {
    return this.#read(fullName, async (ref) => (await readJobs(this.client, ref, runId, attempt)).data);
  }

  jobLog(fullName: string, jobId: number): Promise<SourceResult<string>> {
    return this.#read(fullName, (ref) => readJobLog(this.client, ref, jobId));
  }

  pendingDeployments(fullName: string, runId: number): Promise<SourceResult<GitHubPendingDeployment[]>> {
    return this.#read(fullName, async (ref) => (await readPendingDeployments(this.client, ref, runId)).data);
  }

  rerun(fullName: string, runId: number, options: { failedOnly: boolean }): Promise<Result<{ runId: number }>> {
    const ref = parseRepoRef(fullName);
    return ref ? rerunWorkflowRun(this.client, ref, runId, options) : Promise.resolve(badName(fullName));
  }

  cancel(fullName: string, runId: number): Promise<Result<{ runId: number }>> {
    const ref = parseRepoRef(fullName);
    return ref ? cancelWorkflowRun(this.client, ref, runId) : Promise.resolve(badName(fullName));
  }

  /** Approves or rejects the chosen environments of a waiting run, after re-checking it still waits. */
  reviewDeployments(fullName: string, runId: number, review: EnvironmentReview): Promise<Result<ReviewOutcome>> {
    const ref = parseRepoRef(fullName);
    return ref ? reviewEnvironments(this.client, ref, runId, review) : Promise.resolve(badName(fullName));
  }

  /** Who the token signs in as (GET /user); `kind` is known to whoever holds the token. */
  identity(kind: GitHubTokenKind): Promise<Result<GitHubIdentity>> {
    return readIdentity(this.client, kind);
  }

  rateLimit(): GitHubRateLimit {
    return this.client.rateLimit();
  }

  counts(): GitHubRequestCounts {
    return this.client.counts();
  }

  #watch(fullName: string): RepositoryWatch | undefined {
    return this.#watches.get(fullName.trim().toLowerCase());
  }

  async #read<T>(fullName: string, read: (ref: RepoRef) => Promise<T>): Promise<SourceResult<T>> {
    const ref = parseRepoRef(fullName);
    if (!ref) return { ok: false, error: { code: 'invalid-input', message: `"${fullName}" is not owner/repo.` } };
    return tryRead(ref.fullName, () => read(ref));
  }
}

const badName = (fullName: string): ReturnType<typeof fail> =>
  fail('invalid-input', `"${fullName}" is not owner/repo.`);
