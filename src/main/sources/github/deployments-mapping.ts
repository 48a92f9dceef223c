// Environments, deployments with their status history, and pending
// deployments from GitHub's answers to the shared model.
import {
  deploymentStates,
  type GitHubDeployment,
  type GitHubDeploymentStatus,
  type GitHubEnvironment,
  type GitHubPendingDeployment,
  type GitHubReviewer,
} from '../../../shared/github';
import type { WireDeployment, WireDeploymentStatus, WireEnvironment, WirePendingDeployment } from './wire';
import { known, loginOf, optional } from './wire-values';

interface WireReviewerEntry {
  type?: string;
  reviewer?: { login?: string; slug?: string } | null;
}

function toReviewers(entries: readonly WireReviewerEntry[] | undefined): GitHubReviewer[] {
  return (entries ?? []).flatMap((entry): GitHubReviewer[] => {
    const r = entry.reviewer;
    if (entry.type === 'Team' && r?.slug) return [{ kind: 'team', name: r.slug }];
    if (r?.login) return [{ kind: 'user', name: r.login }];
    return [];
  });
}

export function toEnvironment(env: WireEnvironment): GitHubEnvironment {
  let reviewers: GitHubReviewer[] = [];
  let waitTimerMinutes = 0;
  let preventSelfReview = false;
  for (const rule of env.protection_rules ?? []) {
    if ('wait_timer' in rule && typeof rule.wait_timer === 'number') waitTimerMinutes = rule.wait_timer;
    if (rule.type === 'required_reviewers' && 'reviewers' in rule) {
      reviewers = toReviewers(rule.reviewers);
      preventSelfReview = 'prevent_self_review' in rule && rule.prevent_self_review === true;
    }
  }
  return { id: env.id, name: env.name, htmlUrl: env.html_url, reviewers, waitTimerMinutes, preventSelfReview };
}

/** Does a run that deploys here wait (for reviewers or a timer)? Then `status=waiting` is worth asking. */
export function gates(env: GitHubEnvironment): boolean {
  return env.reviewers.length > 0 || env.waitTimerMinutes > 0;
}

export function toDeploymentStatus(status: WireDeploymentStatus): GitHubDeploymentStatus {
  const state = known(deploymentStates, status.state) ?? { value: 'unknown' as const, raw: '' };
  return {
    state: state.value,
    ...optional('rawState', state.raw),
    ...optional('description', status.description),
    createdAt: status.created_at,
    ...optional('targetUrl', status.target_url),
  };
}

/** A deployment without its statuses, as the list names it. */
export type DeploymentHead = Omit<GitHubDeployment, 'state' | 'statuses'>;

export function toDeploymentHead(deployment: WireDeployment): DeploymentHead {
  return {
    id: deployment.id,
    environment: deployment.environment,
    sha: deployment.sha,
    ref: deployment.ref,
    ...optional('creator', loginOf(deployment.creator)),
    createdAt: deployment.created_at,
  };
}

/** A deployment with its statuses (newest first, as GitHub lists them); 'pending' before any status. */
export function withStatuses(head: DeploymentHead, statuses: GitHubDeploymentStatus[]): GitHubDeployment {
  return { ...head, state: statuses[0]?.state ?? 'pending', statuses };
}

/** Live means the newest deployment whose status history reached success (it may be "inactive" since). */
export function isLive(deployment: GitHubDeployment): boolean {
  return deployment.statuses.some((s) => s.state === 'success');
}

export function toPendingDeployment(pending: WirePendingDeployment): GitHubPendingDeployment {
  return {
    environment: { id: pending.environment.id ?? 0, name: pending.environment.name ?? '' },
    waitTimerMinutes: pending.wait_timer,
    ...optional('waitStartedAt', pending.wait_timer_started_at),
    currentUserCanApprove: pending.current_user_can_approve,
    reviewers: toReviewers(pending.reviewers),
  };
}
