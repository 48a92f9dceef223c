// One GitHub account of the workspace in the live picture: its client and
// source, the repositories it watches (the GitHub members of the projects),
// and its two refresh tasks. An idle refresh is a few conditional requests
// per repository answered 304, which cost nothing of the primary limit; when
// the limit runs low the account refreshes less often, before GitHub has to
// say so.
import type { GitHubRepositoryRead } from '../../../shared/github';
import { githubRepositoryResource, githubSourceId, type Snapshot } from '../../../shared/snapshot';
import { GitHubClient } from '../../sources/github/client';
import { GitHubSource } from '../../sources/github/github-source';
import { outcomeFromProblems, type RefreshTask, type RunOutcome } from '../scheduler';
import { applyRead } from '../snapshot/update';

/** What the live workspace needs of the GitHub accounts (hub/github-accounts.ts). */
export interface GitHubAccess {
  apiBaseUrl(accountId: string): string | undefined;
  token(accountId: string): Promise<string | undefined>;
  /** GitHub refused the token (401): the account waits for a new one. */
  markNeedsToken(accountId: string, problem: string): void;
}

export interface GitHubContext {
  commit(change: (snapshot: Snapshot) => Snapshot): void;
  /** The repositories this account should watch, `owner/repo`. */
  repositories(accountId: string): string[];
  /** Environments changed (slow timer): discovery reads them. */
  discovered(): void;
  /** Run another task soon (the watched repositories changed). */
  nudge(key: string): void;
  now(): Date;
}

export class GitHubAccountLive {
  readonly source: GitHubSource;
  readonly sourceId: string;
  /** Fast runs skipped so far while the rate limit asks for a slower pace. */
  #skipped = 0;

  constructor(
    readonly accountId: string,
    readonly baseUrl: string,
    access: GitHubAccess,
  ) {
    this.sourceId = githubSourceId(accountId);
    const client = new GitHubClient({
      baseUrl,
      // No token (removed, or gh signed out): the client refuses before sending, as signed out.
      token: async () => (await access.token(accountId)) ?? '',
    });
    this.source = new GitHubSource(accountId, client);
  }

  get metadataKey(): string {
    return `${this.sourceId}:metadata`;
  }

  get repositoriesKey(): string {
    return `${this.sourceId}:repositories`;
  }

  tasks(context: GitHubContext): RefreshTask[] {
    const lane = { account: this.accountId, service: `github@${this.accountId}`, region: this.baseUrl };
    return [
      {
        key: this.metadataKey,
        ...lane,
        cadence: 'definitions',
        run: () => this.#refreshMetadata(context),
      },
      { key: this.repositoriesKey, ...lane, cadence: 'idle', run: () => this.#refresh(context) },
    ];
  }

  /** Which repositories to watch (from the projects), then their metadata, workflows and environments. */
  async #refreshMetadata(context: GitHubContext): Promise<RunOutcome> {
    this.source.watch(context.repositories(this.accountId));
    const reads = await this.source.refreshMetadata();
    this.#commit(context, reads);
    context.discovered();
    // The metadata pass reads no commits, runs or pull requests: the fast pass follows at once.
    context.nudge(this.repositoriesKey);
    return this.#outcome(reads, 'definitions');
  }

  async #refresh(context: GitHubContext): Promise<RunOutcome> {
    const { slowDown } = this.source.rateLimit();
    // Below the low-water mark: run one time in `slowDown`, keeping the last data meanwhile.
    if (slowDown > 1 && this.#skipped + 1 < slowDown) {
      this.#skipped += 1;
      return { kind: 'ok', cadence: 'idle' };
    }
    this.#skipped = 0;
    const reads = await this.source.refresh();
    this.#commit(context, reads);
    const busy = reads.some((r) => r.runs.some((run) => run.status === 'in_progress' || run.status === 'queued'));
    return this.#outcome(reads, busy ? 'running' : 'idle');
  }

  #commit(context: GitHubContext, reads: GitHubRepositoryRead[]): void {
    const failed = reads.filter((r) => r.problem);
    const allFailed = reads.length > 0 && failed.length === reads.length;
    const problem = failed[0]?.problem;
    context.commit((s) =>
      applyRead(s, {
        source: this.sourceId,
        kind: 'github-repository',
        freshness: allFailed && problem ? { fetchedAt: '', problem } : { fetchedAt: context.now().toISOString() },
        resources: reads.map(githubRepositoryResource),
        // The watched list is the whole of this kind for the account: a repository no longer watched goes.
        complete: !allFailed,
      }),
    );
  }

  #outcome(reads: GitHubRepositoryRead[], cadence: 'running' | 'idle' | 'definitions'): RunOutcome {
    return outcomeFromProblems({
      cadence,
      problems: reads.flatMap((r) => (r.problem ? [r.problem] : [])),
    });
  }
}
