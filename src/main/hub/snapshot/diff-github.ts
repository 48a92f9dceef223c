// GitHub events of each watched repository: pull requests opened, approved
// and merged, Actions runs completed or waiting for review (diff-github-runs.ts),
// and an environment's newest deployment succeeding or failing.
//
// Cold start: a repository never read, or read only by the metadata pass
// (which leaves the commits, runs, pull requests and waiting runs unread),
// yields no news: only runs waiting for review, a workflow failing on the
// default branch and an environment whose newest deployment failed, as
// current state. An environment seen without deployments before is cold too.
import type { ChangeEvent, GitHubPullRequestEventData } from '../../../shared/events';
import type {
  GitHubDeployment,
  GitHubEnvironment,
  GitHubPullRequest,
  GitHubRepositoryRead,
} from '../../../shared/github';
import { resourcesOfKind, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import type { SnapshotLimits } from './bounds';
import { runEvents, waitingEvents } from './diff-github-runs';
import { changeEvent, isNewerThanKnown, oneLine, wasRead } from './diff-support';

type GitHubResource = SnapshotResource<'github-repository'>;

export function diffGitHub(previous: Snapshot, next: Snapshot, limits: SnapshotLimits): ChangeEvent[] {
  return resourcesOfKind(next, 'github-repository').flatMap((resource) => {
    const before = previous.resources[resource.id];
    const prior = before?.kind === 'github-repository' && wasRead(before.data) ? before.data : undefined;
    const lists = prior && listsRead(prior) ? prior : undefined;
    return [
      ...pullRequestEvents(resource, lists),
      ...runEvents(resource, lists),
      ...waitingEvents(resource, lists, limits.waitingRunsPerRepository),
      ...deploymentEvents(resource, prior),
    ];
  });
}

/**
 * Whether the fast lists were read: the metadata pass leaves them empty, and
 * a repository without a commit has no run or pull request to report either.
 */
function listsRead(read: GitHubRepositoryRead): boolean {
  return read.commits.length > 0 || read.runs.length > 0 || read.pulls.length > 0 || read.waiting.length > 0;
}

// Pull requests ----------------------------------------------------------------

/**
 * Opened: a number above every one the previous list held (numbers only grow;
 * a lower one was reopened, or came into view from beyond the cap). Approved:
 * the review verdict became 'approved' (per head commit, so approving new
 * commits is news again); a verdict not read before is not compared.
 *
 * Merged: the read holds open pull requests only, with no merged flag or
 * merge commit (that needs closed pull requests, or the pull request read by
 * number). A pull request that left the list is reported merged only when the
 * data proves it: its head commit is among the default branch's recent
 * commits and it targeted that branch (a merge commit or a fast-forward).
 * Squash and rebase merges write new commits and are not reported.
 */
function pullRequestEvents(resource: GitHubResource, prior: GitHubRepositoryRead | undefined): ChangeEvent[] {
  if (!prior) return [];
  const { pulls, commits, repository } = resource.data;
  const known = new Map(prior.pulls.map((p) => [p.number, p]));
  const newestKnown = Math.max(...prior.pulls.map((p) => p.number));
  const byNumber = (a: GitHubPullRequest, b: GitHubPullRequest) => a.number - b.number;
  const events: ChangeEvent[] = [];
  for (const pr of [...pulls].sort(byNumber)) {
    const was = known.get(pr.number);
    const make = pullEvents(resource, pr);
    if (!was) {
      if (pr.number <= newestKnown) continue;
      events.push(make.opened());
      if (pr.review === 'approved') events.push(make.approved());
    } else if (pr.review === 'approved' && was.review !== undefined && was.review !== 'approved') {
      events.push(make.approved());
    }
  }
  const open = new Set(pulls.map((p) => p.number));
  const onDefaultBranch = new Set(commits.map((c) => c.sha));
  for (const was of [...prior.pulls].sort(byNumber)) {
    if (open.has(was.number) || was.baseRef !== repository?.defaultBranch) continue;
    if (onDefaultBranch.has(was.headSha)) events.push(pullEvents(resource, was).merged());
  }
  return events;
}

function pullData(resource: GitHubResource, pr: GitHubPullRequest): GitHubPullRequestEventData {
  const { accountKey, fullName } = resource.data;
  return {
    provider: 'github',
    accountKey,
    fullName,
    number: pr.number,
    repository: fullName,
    pullRequestId: String(pr.number),
    title: pr.title,
    author: pr.author,
    sourceBranch: pr.headRef,
    destinationBranch: pr.baseRef,
    revisionId: pr.headSha,
    consoleUrl: pr.htmlUrl,
  };
}

/** The three events share everything but their kind, id tail, time and wording. */
function pullEvents(resource: GitHubResource, pr: GitHubPullRequest) {
  const what = `pull request #${pr.number} in ${resource.data.fullName} (${oneLine(pr.title, 80)})`;
  const base = { resourceId: resource.id, origin: 'change' as const, data: pullData(resource, pr) };
  const id = [resource.id, String(pr.number)];
  return {
    opened: (): ChangeEvent =>
      changeEvent({ ...base, kind: 'pullRequest.opened', idParts: id, at: pr.createdAt, summary: `New ${what}` }),
    approved: (): ChangeEvent =>
      changeEvent({
        ...base,
        kind: 'pullRequest.approved',
        idParts: [...id, pr.headSha],
        at: pr.updatedAt,
        summary: `Approved: ${what}`,
        data: { ...base.data, approvedBy: [] },
      }),
    merged: (): ChangeEvent =>
      changeEvent({
        ...base,
        kind: 'pullRequest.merged',
        idParts: id,
        // The list does not say when: the read that saw it gone.
        at: resource.freshness.fetchedAt,
        summary: `Merged: ${what}`,
      }),
  };
}

// Deployments ------------------------------------------------------------------

type DeploymentEnd = 'deployment.succeeded' | 'deployment.failed';

function endOf(state: string): DeploymentEnd | undefined {
  if (state === 'success') return 'deployment.succeeded';
  return state === 'failure' || state === 'error' ? 'deployment.failed' : undefined;
}

/**
 * An environment's newest deployment that reached success, or failure or
 * error, since the previous read: a new deployment, or the same one whose
 * state moved. Cold, only a failed newest deployment is reported, as current state.
 */
function deploymentEvents(resource: GitHubResource, prior: GitHubRepositoryRead | undefined): ChangeEvent[] {
  const known = new Map((prior?.environments ?? []).map((e) => [e.environment.id, e.latest]));
  return resource.data.environments.flatMap(({ environment, latest }) => {
    const end = latest && endOf(latest.state);
    if (!latest || !end) return [];
    const was = known.get(environment.id);
    if (!was)
      return end === 'deployment.failed' ? [deploymentEvent(resource, environment, latest, 'current-state')] : [];
    const moved = was.id === latest.id ? endOf(was.state) !== end : isNewerThanKnown(latest.createdAt, [was.createdAt]);
    return moved ? [deploymentEvent(resource, environment, latest, 'change')] : [];
  });
}

/** For a deployment whose state is success, failure or error (see endOf). */
function deploymentEvent(
  resource: GitHubResource,
  environment: GitHubEnvironment,
  latest: GitHubDeployment,
  origin: ChangeEvent['origin'],
): ChangeEvent {
  const { accountKey, fullName } = resource.data;
  const status = latest.statuses[0];
  const sha = latest.sha.slice(0, 7);
  const commit = latest.ref === latest.sha ? sha : `${oneLine(latest.ref, 60)} (${sha})`;
  const where = `${environment.name} in ${fullName}`;
  const common = {
    idParts: [resource.id, String(latest.id)],
    resourceId: resource.id,
    origin,
    at: status?.createdAt ?? latest.createdAt,
    data: {
      accountKey,
      fullName,
      consoleUrl: environment.htmlUrl,
      environment: environment.name,
      deploymentId: latest.id,
      sha: latest.sha,
      ref: latest.ref,
      state: latest.state,
      creator: latest.creator,
      description: status?.description,
      targetUrl: status?.targetUrl,
    },
  };
  if (latest.state === 'success') {
    return changeEvent({ kind: 'deployment.succeeded', ...common, summary: `Deployed ${commit} to ${where}` });
  }
  const how = latest.state === 'failure' ? 'failed' : `failed (${latest.state})`;
  const why = status?.description ? `: ${oneLine(status.description)}` : '';
  const summary =
    origin === 'current-state'
      ? `Environment ${where} is failing: its newest deployment, ${commit}, ${how}`
      : `Deployment of ${commit} to ${where} ${how}${why}`;
  return changeEvent({ kind: 'deployment.failed', ...common, summary });
}
