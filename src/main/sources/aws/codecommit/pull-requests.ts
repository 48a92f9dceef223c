// The open pull requests of one repository. ListPullRequests runs every
// refresh; GetPullRequest has no batch variant, so it (and the approval
// states) are read only for pull requests not seen before, and on the slow
// timer for the rest (approvals and new revisions change without a new id).
import {
  type CodeCommitClient,
  GetPullRequestApprovalStatesCommand,
  GetPullRequestCommand,
  paginateListPullRequests,
} from '@aws-sdk/client-codecommit';
import type { PullRequestInfo } from '../../../../shared/repositories';
import type { SourceProblem } from '../../../../shared/sources';
import { collectPages } from '../batching';
import { attempt, problemOf } from '../calls';
import { toPullRequest } from './repository-mapping';

export class PullRequestTracker {
  /** Open pull requests by id, in ListPullRequests order (newest first). */
  #open = new Map<string, PullRequestInfo>();

  constructor(
    private readonly client: CodeCommitClient,
    private readonly repository: string,
    private readonly region: string,
  ) {}

  get pullRequests(): PullRequestInfo[] {
    return [...this.#open.values()];
  }

  /** Every refresh: one ListPullRequests (per 100 open), plus details for new ids only. Returns per-PR problems. */
  async refresh(): Promise<SourceProblem[]> {
    const pages = await attempt('codecommit:ListPullRequests', this.repository, () =>
      collectPages((startingToken) =>
        paginateListPullRequests(
          { client: this.client, startingToken },
          { repositoryName: this.repository, pullRequestStatus: 'OPEN' },
        ),
      ),
    );
    const ids = pages.flatMap((p) => p.pullRequestIds ?? []);
    const problems: SourceProblem[] = [];
    const next = new Map<string, PullRequestInfo>();
    for (const id of ids) {
      const known = this.#open.get(id) ?? (await this.#read(id, problems));
      if (known) next.set(id, known);
    }
    this.#open = next;
    return problems;
  }

  /** Slow timer: re-reads every open pull request, for new revisions, approvals and merges. */
  async reread(): Promise<SourceProblem[]> {
    const problems: SourceProblem[] = [];
    for (const [id, previous] of this.#open) {
      this.#open.set(id, (await this.#read(id, problems)) ?? previous);
    }
    return problems;
  }

  async #read(id: string, problems: SourceProblem[]): Promise<PullRequestInfo | undefined> {
    try {
      const { pullRequest } = await attempt('codecommit:GetPullRequest', id, () =>
        this.client.send(new GetPullRequestCommand({ pullRequestId: id })),
      );
      if (!pullRequest) return undefined;
      const { approvals = [] } = await attempt('codecommit:GetPullRequestApprovalStates', id, () =>
        this.client.send(
          new GetPullRequestApprovalStatesCommand({ pullRequestId: id, revisionId: pullRequest.revisionId }),
        ),
      );
      return toPullRequest(pullRequest, approvals, this.repository, this.region);
    } catch (error) {
      // Left out of the cache, so the next refresh tries this pull request again.
      problems.push({ ...problemOf(error, 'codecommit:GetPullRequest'), resource: id });
      return undefined;
    }
  }
}
