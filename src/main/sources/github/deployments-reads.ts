// Reads of a repository's environments, the newest deployment per
// environment with its status history and the commit live there, and the
// pending deployments of a run that waits for review. All conditional.
import type {
  GitHubDeployment,
  GitHubEnvironment,
  GitHubEnvironmentDeployments,
  GitHubPendingDeployment,
} from '../../../shared/github';
import { shape, type Fetched, type GitHubClient } from './client';
import {
  isLive,
  toDeploymentHead,
  toDeploymentStatus,
  toEnvironment,
  toPendingDeployment,
  withStatuses,
  type DeploymentHead,
} from './deployments-mapping';
import { routeParams, type RepoRef } from './repo-ref';
import type { WireDeployment, WireDeploymentStatus, WireEnvironments, WirePendingDeployment } from './wire';

const environments = shape('environments', (page: WireEnvironments) => (page.environments ?? []).map(toEnvironment));
const deployments = shape('deployments', (body: WireDeployment[]) => body.map(toDeploymentHead));
const statuses = shape('deployment-statuses', (body: WireDeploymentStatus[]) => body.map(toDeploymentStatus));
const pending = shape('pending-deployments', (body: WirePendingDeployment[]) => body.map(toPendingDeployment));

export async function readEnvironments(client: GitHubClient, ref: RepoRef): Promise<Fetched<GitHubEnvironment[]>> {
  return client.getAll('GET /repos/{owner}/{repo}/environments', { ...routeParams(ref), per_page: 100 }, environments, {
    resource: `${ref.fullName} environments`,
    maxPages: 3,
  });
}

async function readDeployment(
  client: GitHubClient,
  ref: RepoRef,
  head: DeploymentHead,
): Promise<Fetched<GitHubDeployment>> {
  const got = await client.get(
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    { ...routeParams(ref), deployment_id: head.id, per_page: 100 },
    statuses,
    `${ref.fullName} deployment ${head.id}`,
  );
  return { data: withStatuses(head, got.data), changed: got.changed };
}

/**
 * The newest deployment to `environment` with its statuses, and the commit
 * live there: the newest of the last `lookBack` deployments whose history
 * reached success. Usually two requests; more only while the newest ones
 * never succeeded.
 */
export async function readEnvironmentDeployments(
  client: GitHubClient,
  ref: RepoRef,
  environment: GitHubEnvironment,
  lookBack: number,
): Promise<Fetched<GitHubEnvironmentDeployments>> {
  const listed = await client.get(
    'GET /repos/{owner}/{repo}/deployments',
    { ...routeParams(ref), environment: environment.name, per_page: Math.min(100, lookBack) },
    deployments,
    `${ref.fullName} ${environment.name} deployments`,
  );
  let changed = listed.changed;
  const out: GitHubEnvironmentDeployments = { environment };
  for (const [i, head] of listed.data.entries()) {
    const deployment = await readDeployment(client, ref, head);
    changed ||= deployment.changed;
    if (i === 0) out.latest = deployment.data;
    if (isLive(deployment.data)) {
      const since = deployment.data.statuses.find((s) => s.state === 'success')?.createdAt ?? deployment.data.createdAt;
      out.live = { sha: deployment.data.sha, deploymentId: deployment.data.id, since };
      break;
    }
  }
  return { data: out, changed };
}

export async function readPendingDeployments(
  client: GitHubClient,
  ref: RepoRef,
  runId: number,
): Promise<Fetched<GitHubPendingDeployment[]>> {
  return client.get(
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments',
    { ...routeParams(ref), run_id: runId },
    pending,
    `${ref.fullName} run ${runId}`,
  );
}
