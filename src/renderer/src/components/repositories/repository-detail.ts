// One repository's page in one shape for CodeCommit and GitHub: its pull
// requests with their review and checks, its branches with their heads and
// the pipelines that build them (from the pipelines' source actions), and its
// recent commits. Only what the snapshot holds: nothing is guessed. Pure.
import type { CheckSummary, GitHubRepositoryRead, GitHubWorkflowRun } from '../../../../shared/github';
import { openPullRequests } from '../../../../shared/project-health';
import type { PullRequestInfo } from '../../../../shared/repositories';
import { resourcesOfKind, type Snapshot, type SnapshotResource } from '../../../../shared/snapshot';
import { arnUser, type RepositoryResource } from './repository-list';

/** How a pull request stands with its reviewers, as a tone (icon and colour) and words. */
export interface ReviewLook {
  tone: 'approved' | 'pending' | 'changes-requested' | 'none';
  label: string;
}

/** A pull request of either provider, as its row shows it. */
export interface PullView {
  key: string;
  /** "#12" on both providers (CodeCommit numbers its pull requests too). */
  number: string;
  title: string;
  url: string;
  author?: string;
  draft: boolean;
  source?: string;
  target?: string;
  /** When it last changed (GitHub: updated; CodeCommit: last activity). */
  updatedAt?: string;
  review?: ReviewLook;
  checks?: CheckSummary;
}

export const shortBranch = (ref: string): string => ref.replace(/^refs\/heads\//, '');

/** "Approved", "1 of 2 approvals", "No approval rules". */
export function codecommitReview(pr: Pick<PullRequestInfo, 'approval'>): ReviewLook {
  const { approval } = pr;
  if (approval.state === 'approved') return { tone: 'approved', label: 'Approved' };
  if (approval.state === 'no-rules')
    return {
      tone: 'none',
      label: approval.approvedBy.length > 0 ? `${approval.approvedBy.length} approved · no rules` : 'No approval rules',
    };
  const needed = approval.rules.reduce((n, rule) => Math.max(n, rule.approvalsNeeded), 0);
  return {
    tone: 'pending',
    label: needed > 0 ? `${approval.approvedBy.length} of ${needed} approvals` : 'Approval pending',
  };
}

export function codecommitPull(pr: PullRequestInfo): PullView {
  const author = arnUser(pr.authorArn);
  return {
    key: pr.id,
    number: `#${pr.id}`,
    title: pr.title,
    url: pr.consoleUrl,
    ...(author === undefined ? {} : { author }),
    draft: false,
    ...(pr.sourceBranch === undefined ? {} : { source: shortBranch(pr.sourceBranch) }),
    ...(pr.destinationBranch === undefined ? {} : { target: shortBranch(pr.destinationBranch) }),
    ...(pr.lastActivity === undefined ? {} : { updatedAt: pr.lastActivity }),
    review: codecommitReview(pr),
  };
}

const githubReviewLooks = {
  approved: { tone: 'approved', label: 'Approved' },
  'changes-requested': { tone: 'changes-requested', label: 'Changes requested' },
  'review-required': { tone: 'pending', label: 'Review required' },
} as const satisfies Record<string, ReviewLook>;

export function githubPull(pr: GitHubRepositoryRead['pulls'][number]): PullView {
  return {
    key: String(pr.number),
    number: `#${pr.number}`,
    title: pr.title,
    url: pr.htmlUrl,
    author: pr.author,
    draft: pr.draft,
    source: pr.headRef,
    target: pr.baseRef,
    updatedAt: pr.updatedAt,
    ...(pr.review === undefined ? {} : { review: githubReviewLooks[pr.review] }),
    ...(pr.checks === undefined ? {} : { checks: pr.checks }),
  };
}

/** The open pull requests, most recently changed first. */
export function pullViews(resource: RepositoryResource): PullView[] {
  const views =
    resource.kind === 'repository'
      ? openPullRequests(resource).map(codecommitPull)
      : resource.data.pulls.map(githubPull);
  return views.sort((a, b) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? ''));
}

export interface CommitView {
  sha: string;
  subject: string;
  author: string;
  date?: string;
  url: string;
}

/** The default branch's recent commits, newest first, as the snapshot holds them. */
export function commitViews(resource: RepositoryResource): CommitView[] {
  if (resource.kind === 'repository')
    return resource.data.recentCommits.map((c) => ({
      sha: c.id,
      subject: c.subject,
      author: c.author.name,
      ...(c.date === undefined ? {} : { date: c.date }),
      url: c.consoleUrl,
    }));
  return resource.data.commits.map((c) => ({
    sha: c.sha,
    subject: c.subject,
    author: c.author,
    ...(c.authoredAt === undefined ? {} : { date: c.authoredAt }),
    url: c.htmlUrl,
  }));
}

export interface PipelineRef {
  id: string;
  name: string;
}

/**
 * The pipelines whose source action reads this repository, by the branch
 * they build: CodeCommit sources by RepositoryName in the same account and
 * region, connection sources (GitHub) by FullRepositoryId. A pipeline whose
 * definition was not read yet names no branch and is not listed.
 */
export function pipelinesByBranch(resource: RepositoryResource, snapshot: Snapshot): Map<string, PipelineRef[]> {
  const found = new Map<string, PipelineRef[]>();
  for (const pipeline of resourcesOfKind(snapshot, 'pipeline')) {
    const { summary, state } = pipeline.data;
    for (const action of (state?.stages ?? []).flatMap((stage) => stage.actions)) {
      if (action.category !== 'Source') continue;
      const c = action.configuration;
      const branch = c['BranchName'];
      if (branch === undefined || !readsRepository(resource, summary.location, action.provider, c)) continue;
      const list = found.get(branch) ?? [];
      if (!list.some((p) => p.id === pipeline.id)) list.push({ id: pipeline.id, name: summary.name });
      found.set(branch, list);
    }
  }
  for (const list of found.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return found;
}

function readsRepository(
  resource: RepositoryResource,
  location: SnapshotResource<'pipeline'>['data']['summary']['location'],
  provider: string | undefined,
  c: Record<string, string>,
): boolean {
  if (resource.kind === 'repository') {
    const own = resource.data.location;
    return (
      provider === 'CodeCommit' &&
      c['RepositoryName'] === resource.data.repository &&
      location.accountKey === own.accountKey &&
      location.region === own.region
    );
  }
  return c['FullRepositoryId']?.toLowerCase() === resource.data.fullName.toLowerCase();
}

export interface BranchHeadView {
  sha: string;
  subject?: string;
  author?: string;
  date?: string;
  url?: string;
}

export interface BranchView {
  name: string;
  isDefault: boolean;
  /** Undefined when the snapshot holds no head for it (CodeCommit reads heads of watched branches only). */
  head?: BranchHeadView;
  /** Where the head was seen, for branches that are not read directly: "pull request #3", "workflow run". */
  seenIn?: string;
  pipelines: PipelineRef[];
  /** GitHub: the newest workflow run on this branch. */
  latestRun?: GitHubWorkflowRun;
}

const byDefaultThenName = (a: BranchView, b: BranchView): number =>
  Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name);

/**
 * CodeCommit: every branch name listed, with the heads of the watched ones.
 * GitHub: the snapshot lists no branches, so these are the default branch and
 * the branches its open pull requests and recent runs name, each with the
 * newest head seen there.
 */
export function branchViews(resource: RepositoryResource, snapshot: Snapshot): BranchView[] {
  const pipelines = pipelinesByBranch(resource, snapshot);
  const views = resource.kind === 'repository' ? codecommitBranches(resource) : githubBranches(resource.data);
  for (const [branch, list] of pipelines) {
    const view = views.get(branch) ?? { name: branch, isDefault: false, pipelines: [] };
    view.pipelines = list;
    views.set(branch, view);
  }
  return [...views.values()].sort(byDefaultThenName);
}

function codecommitBranches(resource: SnapshotResource<'repository'>): Map<string, BranchView> {
  const { defaultBranch, heads, branches, recentCommits } = resource.data;
  const views = new Map<string, BranchView>();
  const names = new Set([
    ...(defaultBranch === undefined ? [] : [defaultBranch]),
    ...heads.map((h) => h.branch),
    ...branches,
  ]);
  for (const name of names) {
    const head = heads.find((h) => h.branch === name);
    const commit = head && recentCommits.find((c) => c.id === head.commitId);
    views.set(name, {
      name,
      isDefault: name === defaultBranch,
      pipelines: [],
      ...(head
        ? {
            head: {
              sha: head.commitId,
              ...(commit
                ? {
                    subject: commit.subject,
                    author: commit.author.name,
                    ...(commit.date === undefined ? {} : { date: commit.date }),
                    url: commit.consoleUrl,
                  }
                : {}),
            },
          }
        : {}),
    });
  }
  return views;
}

function githubBranches(read: GitHubRepositoryRead): Map<string, BranchView> {
  const views = new Map<string, BranchView>();
  const defaultBranch = read.repository?.defaultBranch;
  if (defaultBranch !== undefined) {
    const commit = read.commits[0];
    views.set(defaultBranch, {
      name: defaultBranch,
      isDefault: true,
      pipelines: [],
      ...(commit
        ? {
            head: {
              sha: commit.sha,
              subject: commit.subject,
              author: commit.author,
              ...(commit.authoredAt === undefined ? {} : { date: commit.authoredAt }),
              url: commit.htmlUrl,
            },
          }
        : {}),
    });
  }
  const offer = (name: string, head: BranchHeadView & { date: string }, seenIn: string): void => {
    const view = views.get(name);
    if (!view) {
      views.set(name, { name, isDefault: false, pipelines: [], head, seenIn });
      return;
    }
    if (view.isDefault) return;
    if (view.head?.date === undefined || head.date > view.head.date) Object.assign(view, { head, seenIn });
  };
  for (const pr of read.pulls) offer(pr.headRef, { sha: pr.headSha, date: pr.updatedAt }, `pull request #${pr.number}`);
  // Runs are newest first: the first one on each branch is its latest.
  for (const run of read.runs) {
    if (run.branch === undefined) continue;
    offer(run.branch, { sha: run.headSha, date: run.createdAt }, 'workflow run');
    const view = views.get(run.branch);
    if (view && !view.latestRun) view.latestRun = run;
  }
  return views;
}
