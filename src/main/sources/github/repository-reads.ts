// Reads of one repository: its metadata, the default branch's recent
// commits, open pull requests, and per pull request its reviews and its head
// commit's checks. Every read is conditional, so an unchanged answer is a
// free 304 (`changed: false`).
import type {
  CheckSummary,
  GitHubCommit,
  GitHubPullRequest,
  GitHubRepository,
  ReviewState,
} from '../../../shared/github';
import { shape, type Fetched, type GitHubClient } from './client';
import { routeParams, type RepoRef } from './repo-ref';
import {
  checkSummary,
  reviewState,
  statusStates,
  toCheckRunFact,
  toCommit,
  toPull,
  toRepository,
  toReviewFact,
} from './repository-mapping';
import type { WireCheckRuns, WireCombinedStatus, WireCommit, WirePull, WireRepository, WireReview } from './wire';

const repository = shape('repository', (body: WireRepository) => toRepository(body));
const commits = shape('commits', (body: WireCommit[]) => body.map(toCommit));
const pulls = shape('pulls', (page: WirePull[]) => page.map(toPull));
const reviews = shape('reviews', (page: WireReview[]) => page.map(toReviewFact));
const statuses = shape('status-states', (body: WireCombinedStatus) => statusStates(body));
const checkRuns = shape('check-runs', (page: WireCheckRuns) => page.check_runs.map(toCheckRunFact));

export async function readRepository(client: GitHubClient, ref: RepoRef): Promise<Fetched<GitHubRepository>> {
  return client.get('GET /repos/{owner}/{repo}', routeParams(ref), repository, ref.fullName);
}

/** The newest `count` commits (at most 100) of `branch`, or of the default branch when none is named. */
export async function readCommits(
  client: GitHubClient,
  ref: RepoRef,
  count: number,
  branch?: string,
): Promise<Fetched<GitHubCommit[]>> {
  const params = { ...routeParams(ref), per_page: Math.min(100, count), ...(branch ? { sha: branch } : {}) };
  return client.get('GET /repos/{owner}/{repo}/commits', params, commits, ref.fullName);
}

/** Every open pull request, newest first, following Link pages. */
export async function readOpenPulls(
  client: GitHubClient,
  ref: RepoRef,
  pageSize: number,
  maxPages: number,
): Promise<Fetched<GitHubPullRequest[]>> {
  return client.getAll(
    'GET /repos/{owner}/{repo}/pulls',
    { ...routeParams(ref), state: 'open', per_page: pageSize },
    pulls,
    {
      resource: `${ref.fullName} pull requests`,
      maxPages,
    },
  );
}

export async function readReviewState(client: GitHubClient, ref: RepoRef, pull: number): Promise<Fetched<ReviewState>> {
  const got = await client.getAll(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
    { ...routeParams(ref), pull_number: pull, per_page: 100 },
    reviews,
    { resource: `${ref.fullName}#${pull}`, maxPages: 5 },
  );
  return { data: reviewState(got.data), changed: got.changed };
}

/** The combined commit status and the check runs of one commit: two conditional requests. */
export async function readChecks(client: GitHubClient, ref: RepoRef, sha: string): Promise<Fetched<CheckSummary>> {
  const resource = `${ref.fullName}@${sha.slice(0, 7)}`;
  const params = { ...routeParams(ref), ref: sha };
  const [combined, runs] = await Promise.all([
    client.get('GET /repos/{owner}/{repo}/commits/{ref}/status', params, statuses, resource),
    client.getAll('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { ...params, per_page: 100 }, checkRuns, {
      resource,
      maxPages: 3,
    }),
  ]);
  return { data: checkSummary(combined.data, runs.data), changed: combined.changed || runs.changed };
}
