// Deployments, deployment statuses, environments and pending deployments on the wire.
import type { DeploymentStatusView, DeploymentView } from '../world/deployments';
import type { Environment, Repository } from '../world/model';
import { fullName } from '../world/model';
import { iso, nodeId, type Links } from './links';
import { simpleUser } from './users';

export function deployment(links: Links, repo: Repository, d: DeploymentView): Record<string, unknown> {
  const api = `${links.api}/repos/${fullName(repo)}`;
  const last = d.statuses[d.statuses.length - 1];
  return {
    url: `${api}/deployments/${d.id}`,
    id: d.id,
    node_id: nodeId('Deployment', d.id),
    sha: d.sha,
    ref: d.ref,
    task: 'deploy',
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: simpleUser(links, d.creator),
    created_at: iso(d.createdAt),
    updated_at: iso(last?.createdAt ?? d.createdAt),
    statuses_url: `${api}/deployments/${d.id}/statuses`,
    repository_url: api,
    transient_environment: false,
    production_environment: d.environment === 'production',
    performed_via_github_app: null,
  };
}

export function deploymentStatus(
  links: Links,
  repo: Repository,
  d: DeploymentView,
  s: DeploymentStatusView,
): Record<string, unknown> {
  const api = `${links.api}/repos/${fullName(repo)}`;
  const runUrl = `${links.web}/${fullName(repo)}/actions/runs/${d.run.id}`;
  return {
    url: `${api}/deployments/${d.id}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeId('DeploymentStatus', s.id),
    state: s.state,
    creator: simpleUser(links, d.creator),
    description: s.description,
    environment: d.environment,
    target_url: runUrl,
    log_url: runUrl,
    created_at: iso(s.createdAt),
    updated_at: iso(s.createdAt),
    deployment_url: `${api}/deployments/${d.id}`,
    repository_url: api,
    environment_url: '',
    performed_via_github_app: null,
  };
}

function environmentRef(links: Links, repo: Repository, e: Environment): Record<string, unknown> {
  return {
    id: e.id,
    node_id: nodeId('Environment', e.id),
    name: e.name,
    url: `${links.api}/repos/${fullName(repo)}/environments/${encodeURIComponent(e.name)}`,
    html_url: `${links.web}/${fullName(repo)}/deployments/activity_log?environments_filter=${encodeURIComponent(e.name)}`,
  };
}

const reviewers = (links: Links, e: Environment): Record<string, unknown>[] =>
  e.reviewers.map((user) => ({ type: 'User', reviewer: simpleUser(links, user) }));

export function environment(links: Links, repo: Repository, e: Environment): Record<string, unknown> {
  const rules: Record<string, unknown>[] = [];
  if (e.waitTimerMinutes > 0)
    rules.push({
      id: e.reviewRuleId + 100_000,
      node_id: nodeId('GateRule', e.reviewRuleId + 100_000),
      type: 'wait_timer',
      wait_timer: e.waitTimerMinutes,
    });
  if (e.reviewers.length > 0) {
    rules.push({
      id: e.reviewRuleId,
      node_id: nodeId('GateRule', e.reviewRuleId),
      prevent_self_review: e.preventSelfReview,
      type: 'required_reviewers',
      reviewers: reviewers(links, e),
    });
  }
  const isProtected = rules.length > 0;
  if (isProtected)
    rules.push({ id: e.branchRuleId, node_id: nodeId('GateRule', e.branchRuleId), type: 'branch_policy' });
  return {
    ...environmentRef(links, repo, e),
    created_at: iso(e.createdAt),
    updated_at: iso(e.createdAt),
    can_admins_bypass: true,
    protection_rules: rules,
    deployment_branch_policy: isProtected ? { protected_branches: true, custom_branch_policies: false } : null,
  };
}

export function pendingDeployment(
  links: Links,
  repo: Repository,
  e: Environment,
  openedAt: number,
  currentUserCanApprove: boolean,
): Record<string, unknown> {
  return {
    environment: environmentRef(links, repo, e),
    wait_timer: e.waitTimerMinutes,
    wait_timer_started_at: iso(openedAt),
    current_user_can_approve: currentUserCanApprove,
    reviewers: reviewers(links, e),
  };
}
