// Keeps the snapshot's history lists short, so the file stays small however
// long Starboard runs: recent executions per pipeline, recent builds per
// project and overall, recent commits and open pull requests per repository,
// and for a GitHub repository its recent runs, runs waiting for review and the
// status history of each environment's newest deployment.
import type { Build } from '../../../shared/builds';
import type { GitHubEnvironmentDeployments } from '../../../shared/github';
import type { AnyResource, Snapshot, SnapshotResource } from '../../../shared/snapshot';

export interface SnapshotLimits {
  executionsPerPipeline: number;
  buildsPerProject: number;
  builds: number;
  /** CodeCommit and GitHub alike. */
  commitsPerRepository: number;
  /** CodeCommit and GitHub alike. */
  pullRequestsPerRepository: number;
  /** GitHub Actions runs of every workflow of a repository. */
  runsPerRepository: number;
  waitingRunsPerRepository: number;
  /** The status history kept of an environment's newest deployment. */
  statusesPerDeployment: number;
  /** Recent CodeDeploy deployments kept per deployment group. */
  deploymentsPerGroup: number;
  /** Recent Beanstalk events kept per environment. */
  eventsPerEnvironment: number;
}

export const defaultSnapshotLimits: SnapshotLimits = {
  executionsPerPipeline: 20,
  buildsPerProject: 20,
  builds: 2000,
  commitsPerRepository: 20,
  pullRequestsPerRepository: 200,
  // The GitHub source reads 20 runs and up to 250 waiting runs; the cut is a backstop, not the usual case.
  runsPerRepository: 50,
  waitingRunsPerRepository: 50,
  statusesPerDeployment: 10,
  deploymentsPerGroup: 10,
  eventsPerEnvironment: 20,
};

/** Milliseconds of an ISO time; unknown or unreadable times sort as the oldest. */
export function timeOf(iso: string | undefined): number {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Newest first by start time, then by build number (builds that start in the same second). */
export function newestBuildFirst(a: Build, b: Build): number {
  return timeOf(b.startTime) - timeOf(a.startTime) || (b.number ?? 0) - (a.number ?? 0) || (a.id < b.id ? -1 : 1);
}

/** The key that groups builds of one project: the same name in two accounts is two projects. */
export function buildProjectKey(build: Build): string {
  return `${build.location.accountKey}:${build.location.region}:${build.project}`;
}

export function boundSnapshot(snapshot: Snapshot, limits: SnapshotLimits): Snapshot {
  const kept: AnyResource[] = [];
  const builds: SnapshotResource<'build'>[] = [];
  for (const resource of Object.values(snapshot.resources)) {
    if (resource.kind === 'build') builds.push(resource);
    else kept.push(boundResource(resource, limits));
  }
  kept.push(...boundBuilds(builds, limits));
  return { ...snapshot, resources: Object.fromEntries(kept.map((r) => [r.id, r])) };
}

function boundResource(resource: AnyResource, limits: SnapshotLimits): AnyResource {
  switch (resource.kind) {
    case 'pipeline': {
      const { executions } = resource.data;
      if (!executions || executions.length <= limits.executionsPerPipeline) return resource;
      // ListPipelineExecutions answers newest first; the cut keeps that order.
      return { ...resource, data: { ...resource.data, executions: executions.slice(0, limits.executionsPerPipeline) } };
    }
    case 'repository': {
      const { recentCommits, pullRequests } = resource.data;
      if (
        recentCommits.length <= limits.commitsPerRepository &&
        pullRequests.length <= limits.pullRequestsPerRepository
      ) {
        return resource;
      }
      return {
        ...resource,
        data: {
          ...resource.data,
          recentCommits: recentCommits.slice(0, limits.commitsPerRepository),
          // ListPullRequests answers newest first.
          pullRequests: pullRequests.slice(0, limits.pullRequestsPerRepository),
        },
      };
    }
    case 'github-repository':
      return boundGitHubRepository(resource, limits);
    case 'codedeploy-group': {
      // Newest first, as the source keeps them.
      const { deployments } = resource.data;
      if (deployments.length <= limits.deploymentsPerGroup) return resource;
      return { ...resource, data: { ...resource.data, deployments: deployments.slice(0, limits.deploymentsPerGroup) } };
    }
    case 'beanstalk-environment': {
      const { events } = resource.data;
      if (events.length <= limits.eventsPerEnvironment) return resource;
      return { ...resource, data: { ...resource.data, events: events.slice(0, limits.eventsPerEnvironment) } };
    }
    case 'build':
    case 'cloudformation-stack':
    case 'ecs-service':
      return resource;
  }
}

/** Every list is newest first as GitHub answers it; the cut keeps the newest. */
function boundGitHubRepository(
  resource: SnapshotResource<'github-repository'>,
  limits: SnapshotLimits,
): SnapshotResource<'github-repository'> {
  const { commits, pulls, runs, waiting, environments } = resource.data;
  const overStatuses = (e: GitHubEnvironmentDeployments) =>
    (e.latest?.statuses.length ?? 0) > limits.statusesPerDeployment;
  if (
    commits.length <= limits.commitsPerRepository &&
    pulls.length <= limits.pullRequestsPerRepository &&
    runs.length <= limits.runsPerRepository &&
    waiting.length <= limits.waitingRunsPerRepository &&
    !environments.some(overStatuses)
  ) {
    return resource;
  }
  return {
    ...resource,
    data: {
      ...resource.data,
      commits: commits.slice(0, limits.commitsPerRepository),
      pulls: pulls.slice(0, limits.pullRequestsPerRepository),
      runs: runs.slice(0, limits.runsPerRepository),
      waiting: waiting.slice(0, limits.waitingRunsPerRepository),
      environments: environments.map((e) =>
        e.latest && overStatuses(e)
          ? { ...e, latest: { ...e.latest, statuses: e.latest.statuses.slice(0, limits.statusesPerDeployment) } }
          : e,
      ),
    },
  };
}

function boundBuilds(builds: SnapshotResource<'build'>[], limits: SnapshotLimits): SnapshotResource<'build'>[] {
  const perProject = new Map<string, number>();
  const kept: SnapshotResource<'build'>[] = [];
  for (const resource of [...builds].sort((a, b) => newestBuildFirst(a.data, b.data))) {
    const key = buildProjectKey(resource.data);
    const count = perProject.get(key) ?? 0;
    if (count >= limits.buildsPerProject) continue;
    perProject.set(key, count + 1);
    kept.push(resource);
    if (kept.length >= limits.builds) break;
  }
  return kept;
}
