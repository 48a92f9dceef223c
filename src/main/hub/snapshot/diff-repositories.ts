// Pull request events: opened, approved (per revision: new commits reset
// approvals, so a second approval is news again) and merged. A repository
// read for the first time is a cold start: its open pull requests are not news
// and nothing is emitted for them.
import type { ChangeEvent, PullRequestEventData } from '../../../shared/events';
import type { PullRequestInfo, WatchedRepository } from '../../../shared/repositories';
import { resourcesOfKind, type Snapshot, type SnapshotResource } from '../../../shared/snapshot';
import { timeOf, type SnapshotLimits } from './bounds';
import { changeEvent, locationOf, oneLine, wasRead } from './diff-support';

type Repository = SnapshotResource<'repository'>;

/**
 * Approved: every approval rule is satisfied, or (no rules) someone approved.
 * A pull request without rules can still be approved by reviewers.
 */
export function isApproved(pr: PullRequestInfo): boolean {
  return pr.approval.state === 'approved' || (pr.approval.state === 'no-rules' && pr.approval.approvedBy.length > 0);
}

export function diffRepositories(previous: Snapshot, next: Snapshot, limits: SnapshotLimits): ChangeEvent[] {
  return resourcesOfKind(next, 'repository').flatMap((resource) => {
    const before = previous.resources[resource.id];
    const prior = before?.kind === 'repository' ? before.data : undefined;
    return prior && wasRead(prior) ? repositoryChanges(resource, prior, limits.pullRequestsPerRepository) : [];
  });
}

function repositoryChanges(resource: Repository, prior: WatchedRepository, cap: number): ChangeEvent[] {
  const known = new Map(prior.pullRequests.map((pr) => [pr.id, pr]));
  const events: ChangeEvent[] = [];
  for (const pr of [...resource.data.pullRequests].reverse()) {
    const was = known.get(pr.id);
    const make = prEvents(resource, pr);
    if (!was && pr.status === 'OPEN' && !fromBeyondTheCap(pr, prior, cap)) events.push(make.opened());
    if (isApproved(pr) && !(was && isApproved(was) && was.revisionId === pr.revisionId)) events.push(make.approved());
    if (pr.merge.isMerged && !was?.merge.isMerged) events.push(make.merged());
  }
  return events;
}

/**
 * The list is capped; when the previous one was full, a pull request older
 * than every one it held was only cut off before, not opened now.
 */
function fromBeyondTheCap(pr: PullRequestInfo, prior: WatchedRepository, cap: number): boolean {
  const full = prior.pullRequests.length > 0 && prior.pullRequests.length >= cap;
  return full && timeOf(pr.created) < Math.min(...prior.pullRequests.map((p) => timeOf(p.created)));
}

function dataOf(resource: Repository, pr: PullRequestInfo): PullRequestEventData {
  return {
    provider: 'codecommit',
    repository: resource.data.repository,
    location: locationOf(resource.data.location),
    pullRequestId: pr.id,
    title: pr.title,
    // The user or session name: the last part of a user or assumed-role ARN.
    author: pr.authorArn?.split('/').pop(),
    authorArn: pr.authorArn,
    sourceBranch: pr.sourceBranch,
    destinationBranch: pr.destinationBranch,
    revisionId: pr.revisionId,
    consoleUrl: pr.consoleUrl,
  };
}

/** The three events share everything but their kind, id tail, time and wording. */
function prEvents(resource: Repository, pr: PullRequestInfo) {
  const what = `pull request ${pr.id} in ${resource.data.repository} (${oneLine(pr.title, 80)})`;
  const base = { resourceId: resource.id, origin: 'change' as const, data: dataOf(resource, pr) };
  const lastSeen = pr.lastActivity ?? resource.freshness.fetchedAt;
  return {
    opened: (): ChangeEvent =>
      changeEvent({
        ...base,
        kind: 'pullRequest.opened',
        idParts: [resource.id, pr.id],
        at: pr.created ?? resource.freshness.fetchedAt,
        summary: `New ${what}`,
      }),
    approved: (): ChangeEvent =>
      changeEvent({
        ...base,
        kind: 'pullRequest.approved',
        // New commits reset approvals: approving the next revision is news again.
        idParts: [resource.id, pr.id, pr.revisionId],
        at: lastSeen,
        summary: `Approved: ${what}`,
        data: { ...base.data, approvedBy: [...pr.approval.approvedBy] },
      }),
    merged: (): ChangeEvent =>
      changeEvent({
        ...base,
        kind: 'pullRequest.merged',
        idParts: [resource.id, pr.id],
        at: lastSeen,
        summary: `Merged: ${what}`,
        data: { ...base.data, mergedBy: pr.merge.mergedBy, mergeCommitId: pr.merge.mergeCommitId },
      }),
  };
}
