// Repositories, commits and pull requests from GitHub's answers to the
// shared model, with the two summaries GitHub's REST API does not give
// directly: a pull request's review state and its head commit's checks.
import type {
  CheckState,
  CheckSummary,
  GitHubCommit,
  GitHubPullRequest,
  GitHubRepository,
  ReviewState,
} from '../../../shared/github';
import type { WireCheckRun, WireCombinedStatus, WireCommit, WirePull, WireRepository, WireReview } from './wire';
import { firstLine, loginOf, optional } from './wire-values';

export function toRepository(repo: WireRepository): GitHubRepository {
  return {
    fullName: repo.full_name,
    owner: repo.owner.login,
    name: repo.name,
    private: repo.private,
    defaultBranch: repo.default_branch,
    htmlUrl: repo.html_url,
    ...optional('description', repo.description),
    ...optional('pushedAt', repo.pushed_at),
  };
}

export function toCommit(commit: WireCommit): GitHubCommit {
  return {
    sha: commit.sha,
    subject: firstLine(commit.commit.message),
    author: loginOf(commit.author) ?? commit.commit.author?.name ?? 'unknown',
    htmlUrl: commit.html_url,
    ...optional('authoredAt', commit.commit.author?.date),
  };
}

/** A pull request from the list; `review` and `checks` are added once read. */
export function toPull(pull: WirePull): GitHubPullRequest {
  return {
    number: pull.number,
    title: pull.title,
    author: loginOf(pull.user) ?? 'unknown',
    draft: pull.draft ?? false,
    headRef: pull.head.ref,
    headSha: pull.head.sha,
    baseRef: pull.base.ref,
    createdAt: pull.created_at,
    updatedAt: pull.updated_at,
    htmlUrl: pull.html_url,
  };
}

/** What a review decides, kept from GitHub's (much larger) review object. */
export interface ReviewFact {
  reviewer: string;
  state: string;
  submittedAt?: string;
}

export function toReviewFact(review: WireReview): ReviewFact {
  return {
    reviewer: loginOf(review.user) ?? `#${review.id}`,
    state: review.state,
    ...optional('submittedAt', review.submitted_at),
  };
}

/**
 * The latest deciding review of each reviewer counts (a comment decides
 * nothing, a dismissal withdraws): any "changes requested" wins, then any
 * approval; otherwise a review is still required.
 */
export function reviewState(reviews: readonly ReviewFact[]): ReviewState {
  const latest = new Map<string, string>();
  const ordered = [...reviews].sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));
  for (const review of ordered) {
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') latest.set(review.reviewer, review.state);
    else if (review.state === 'DISMISSED') latest.delete(review.reviewer);
  }
  const states = [...latest.values()];
  if (states.includes('CHANGES_REQUESTED')) return 'changes-requested';
  return states.includes('APPROVED') ? 'approved' : 'review-required';
}

/** A check run's outcome, kept from GitHub's check run object. */
export interface CheckRunFact {
  status: string;
  conclusion: string | null;
}

export const toCheckRunFact = (run: WireCheckRun): CheckRunFact => ({ status: run.status, conclusion: run.conclusion });

/** The states of a commit's statuses (the legacy API, e.g. codecov), from the combined status. */
export const statusStates = (combined: WireCombinedStatus): string[] => combined.statuses.map((s) => s.state);

const failedConclusions = new Set(['failure', 'timed_out', 'cancelled', 'action_required', 'startup_failure', 'stale']);

/**
 * Commit statuses and check runs (Actions jobs, apps) of one commit, counted
 * together: any failure makes it failed, else anything unfinished makes it
 * pending; nothing at all is 'none'.
 */
export function checkSummary(statuses: readonly string[], runs: readonly CheckRunFact[]): CheckSummary {
  let succeeded = 0;
  let failed = 0;
  let pending = 0;
  for (const state of statuses) {
    if (state === 'success') succeeded += 1;
    else if (state === 'failure' || state === 'error') failed += 1;
    else pending += 1;
  }
  for (const run of runs) {
    if (run.status !== 'completed') pending += 1;
    else if (run.conclusion !== null && failedConclusions.has(run.conclusion)) failed += 1;
    else succeeded += 1;
  }
  const total = succeeded + failed + pending;
  const state: CheckState = total === 0 ? 'none' : failed > 0 ? 'failure' : pending > 0 ? 'pending' : 'success';
  return { state, total, succeeded, failed, pending };
}
