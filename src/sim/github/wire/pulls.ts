// Pull requests, reviews and the combined commit status on the wire.
import type { CommitStatus, PullRequest, Repository, Review } from '../world/model';
import { fullName, history } from '../world/model';
import { iso, nodeId, type Links } from './links';
import { repository } from './repos';
import { simpleUser } from './users';

export function pullRequest(links: Links, repo: Repository, pull: PullRequest, full: boolean): Record<string, unknown> {
  const name = fullName(repo);
  const url = `${links.api}/repos/${name}/pulls/${pull.number}`;
  const html = `${links.web}/${name}/pull/${pull.number}`;
  const issue = `${links.api}/repos/${name}/issues/${pull.number}`;
  const ref = (branch: string, sha: string): Record<string, unknown> => ({
    label: `${repo.owner.login}:${branch}`,
    ref: branch,
    sha,
    user: simpleUser(links, repo.owner),
    repo: repository(links, repo),
  });
  const simple = {
    url,
    id: pull.id,
    node_id: nodeId('PullRequest', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${links.api}/repos/${name}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${links.api}/repos/${name}/statuses/${pull.headSha}`,
    number: pull.number,
    state: 'open',
    locked: false,
    title: pull.title,
    user: simpleUser(links, pull.author),
    body: pull.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: iso(pull.createdAt),
    updated_at: iso(pull.updatedAt),
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: ref(pull.headRef, pull.headSha),
    base: ref(pull.baseRef, repo.branches.get(pull.baseRef) ?? pull.headSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${links.api}/repos/${name}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${links.api}/repos/${name}/statuses/${pull.headSha}` },
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: pull.draft,
  };
  if (!full) return simple;
  const changesRequested = pull.reviews.some((r) => r.state === 'CHANGES_REQUESTED');
  const commits = commitsAhead(repo, pull);
  // Line counts are not modelled; derive stable, plausible ones from the commits.
  const seed = parseInt(pull.headSha.slice(0, 6), 16);
  return {
    ...simple,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: changesRequested ? 'blocked' : 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits,
    additions: 10 + (seed % 400),
    deletions: seed % 90,
    changed_files: commits + (seed % 7),
  };
}

/** Commits on the head branch that the base branch does not have. */
function commitsAhead(repo: Repository, pull: PullRequest): number {
  const baseHead = repo.branches.get(pull.baseRef);
  const base = new Set(baseHead === undefined ? [] : history(repo, baseHead).map((c) => c.sha));
  return history(repo, pull.headSha).filter((c) => !base.has(c.sha)).length;
}

export function review(links: Links, repo: Repository, pull: PullRequest, r: Review): Record<string, unknown> {
  const html = `${links.web}/${fullName(repo)}/pull/${pull.number}`;
  return {
    id: r.id,
    node_id: nodeId('PullRequestReview', r.id),
    user: simpleUser(links, r.user),
    body: r.body,
    state: r.state,
    html_url: `${html}#pullrequestreview-${r.id}`,
    pull_request_url: `${links.api}/repos/${fullName(repo)}/pulls/${pull.number}`,
    _links: {
      html: { href: `${html}#pullrequestreview-${r.id}` },
      pull_request: { href: `${links.api}/repos/${fullName(repo)}/pulls/${pull.number}` },
    },
    submitted_at: iso(r.at),
    commit_id: r.commitId,
    author_association: 'MEMBER',
  };
}

/** GET /commits/{ref}/status: failure wins, then pending (also when there are no statuses), else success. */
export function combinedStatus(
  links: Links,
  repo: Repository,
  sha: string,
  statuses: readonly CommitStatus[],
): Record<string, unknown> {
  const states = statuses.map((s) => s.state);
  const state = states.some((s) => s === 'failure' || s === 'error')
    ? 'failure'
    : states.length === 0 || states.includes('pending')
      ? 'pending'
      : 'success';
  const api = `${links.api}/repos/${fullName(repo)}`;
  return {
    state,
    statuses: statuses.map((s) => ({
      url: `${api}/statuses/${sha}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${s.creator.id}?v=4`,
      id: s.id,
      node_id: nodeId('StatusContext', s.id),
      state: s.state,
      description: s.description,
      target_url: s.targetUrl,
      context: s.context,
      created_at: iso(s.at),
      updated_at: iso(s.at),
    })),
    sha,
    total_count: statuses.length,
    repository: repository(links, repo),
    commit_url: `${api}/commits/${sha}`,
    url: `${api}/commits/${sha}/status`,
  };
}
