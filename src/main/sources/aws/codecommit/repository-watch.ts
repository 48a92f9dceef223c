// One watched repository: the heads of its default and extra branches, the
// default branch's recent commits (read only when the head moved, from a
// cache), its branch list and its open pull requests. Idle, a refresh costs
// one GetBranch per watched branch and one ListPullRequests.
import {
  type CodeCommitClient,
  GetBranchCommand,
  GetCommitCommand,
  paginateListBranches,
} from '@aws-sdk/client-codecommit';
import type { BranchHead, CommitInfo, WatchedRepository } from '../../../../shared/repositories';
import type { AwsLocation, SourceProblem } from '../../../../shared/sources';
import { collectPages } from '../batching';
import { attempt, problemOf } from '../calls';
import { consoleLinks } from '../console-links';
import { PullRequestTracker } from './pull-requests';
import { toCommit } from './repository-mapping';

export class RepositoryWatch {
  #heads: BranchHead[] = [];
  #commits = new Map<string, CommitInfo>();
  #recent: CommitInfo[] = [];
  #branches: string[] = [];
  #problems: SourceProblem[] = [];
  #problem: SourceProblem | undefined;
  #fetchedAt = '';
  readonly #pullRequests: PullRequestTracker;

  constructor(
    private readonly client: CodeCommitClient,
    readonly repository: string,
    private readonly location: AwsLocation,
    /** Branches to watch besides the default one (a pipeline's source branch). */
    public extraBranches: readonly string[],
    private readonly commitDepth: number,
    private readonly now: () => Date,
  ) {
    this.#pullRequests = new PullRequestTracker(client, repository, location.region);
  }

  view(defaultBranch: string | undefined): WatchedRepository {
    return {
      repository: this.repository,
      location: this.location,
      ...(defaultBranch !== undefined ? { defaultBranch } : {}),
      heads: this.#heads,
      recentCommits: this.#recent,
      branches: this.#branches,
      pullRequests: this.#pullRequests.pullRequests,
      problems: this.#problems,
      fetchedAt: this.#fetchedAt,
      ...(this.#problem ? { problem: this.#problem } : {}),
      consoleUrl: consoleLinks.repository(this.location.region, this.repository),
    };
  }

  /** Every refresh. A failure keeps the last good copy and sets `problem`. */
  async refresh(defaultBranch: string | undefined): Promise<void> {
    try {
      const branches = [...new Set([...(defaultBranch ? [defaultBranch] : []), ...this.extraBranches])];
      const problems: SourceProblem[] = [];
      const heads: BranchHead[] = [];
      for (const branch of branches) {
        const head = await this.#head(branch, problems);
        if (head) heads.push(head);
      }
      const defaultHead = heads.find((h) => h.branch === defaultBranch)?.commitId;
      if (defaultHead !== undefined && defaultHead !== this.#recent[0]?.id) await this.#walk(defaultHead);
      problems.push(...(await this.#pullRequests.refresh()));
      this.#heads = heads;
      this.#problems = problems;
      this.#fetchedAt = this.now().toISOString();
      this.#problem = undefined;
    } catch (error) {
      this.#problem = problemOf(error, 'codecommit:GetBranch', this.now);
    }
  }

  /** Slow timer: every branch name. */
  async listBranches(): Promise<void> {
    try {
      const pages = await attempt('codecommit:ListBranches', this.repository, () =>
        collectPages((startingToken) =>
          paginateListBranches({ client: this.client, startingToken }, { repositoryName: this.repository }),
        ),
      );
      this.#branches = pages.flatMap((p) => p.branches ?? []).sort();
    } catch (error) {
      this.#problem = problemOf(error, 'codecommit:ListBranches', this.now);
    }
  }

  /** Slow timer: re-reads open pull requests (new revisions, approvals, merges). */
  async rereadPullRequests(): Promise<void> {
    const problems = await this.#pullRequests.reread();
    this.#problems = [...this.#problems.filter((p) => !problems.some((q) => q.resource === p.resource)), ...problems];
  }

  /** A branch that does not exist (deleted, or not pushed yet) is a problem of that branch only. */
  async #head(branch: string, problems: SourceProblem[]): Promise<BranchHead | undefined> {
    try {
      const out = await this.client.send(new GetBranchCommand({ repositoryName: this.repository, branchName: branch }));
      const commitId = out.branch?.commitId;
      return commitId ? { branch, commitId } : undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'BranchDoesNotExistException') {
        problems.push({ code: 'not-found', message: error.message, resource: `${this.repository}/${branch}` });
        return undefined;
      }
      throw error;
    }
  }

  /** Follows first parents from the new head, reading only commits not in the cache. */
  async #walk(head: string): Promise<void> {
    const recent: CommitInfo[] = [];
    let id: string | undefined = head;
    while (id !== undefined && recent.length < this.commitDepth) {
      const commitId: string = id;
      let commit = this.#commits.get(commitId);
      if (!commit) {
        const out = await attempt('codecommit:GetCommit', this.repository, () =>
          this.client.send(new GetCommitCommand({ repositoryName: this.repository, commitId })),
        );
        if (!out.commit) break;
        commit = toCommit(out.commit, this.repository, this.location.region);
      }
      recent.push(commit);
      id = commit.parents[0];
    }
    this.#recent = recent;
    this.#commits = new Map(recent.map((c) => [c.id, c]));
  }
}
