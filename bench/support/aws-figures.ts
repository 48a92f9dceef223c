// What figure 1 compares against: the scenario's entity counts, read from the
// simulated account, the floor N + 2R + 4 and the naive per-entity cost
// 2N + 3B + 2R + P + 2D + 2E (issue 10), and one refresh of the hub's
// fast-cadence tasks counted by the simulator.
import { performance } from 'node:perf_hooks';
import type { Snapshot } from '../../src/shared/snapshot';
import type { HubRig } from './hub-rig';

export interface Entities {
  /** Pipelines. */
  n: number;
  /** Watched CodeCommit repositories (the hub's repository resources). */
  r: number;
  /** CodeBuild projects. */
  b: number;
  /** Open pull requests in the watched repositories. */
  p: number;
  /** CodeDeploy deployment groups. */
  d: number;
  /** Elastic Beanstalk environments. */
  e: number;
}

export function entitiesOf(rig: HubRig, snapshot: Snapshot): Entities {
  const world = rig.sim.aws.world;
  const watched = new Set(
    Object.values(snapshot.resources).flatMap((r) => (r.kind === 'repository' ? [r.data.repository] : [])),
  );
  let p = 0;
  for (const repository of world.codecommit.repositories.values()) {
    if (watched.has(repository.name)) p += repository.pullRequests.filter((pr) => pr.status === 'OPEN').length;
  }
  return {
    n: world.pipelines.pipelines.size,
    r: watched.size,
    b: world.codebuild.projects.size,
    p,
    d: world.codedeploy.groups.size,
    e: world.beanstalk.environments.size,
  };
}

export const floorOf = ({ n, r }: Entities): number => n + 2 * r + 4;
export const naiveOf = ({ n, b, r, p, d, e }: Entities): number => 2 * n + 3 * b + 2 * r + p + 2 * d + 2 * e;

/** Pipelines with an execution in progress, and builds in progress, in the simulator now. */
export function runningNow(rig: HubRig): { pipelines: number; builds: number } {
  const world = rig.sim.aws.world;
  world.runUntil(rig.sim.clock.now());
  let pipelines = 0;
  for (const pipeline of world.pipelines.pipelines.values()) {
    if (pipeline.executions.some((execution) => execution.status === 'InProgress')) pipelines += 1;
  }
  let builds = 0;
  for (const build of world.codebuild.builds.values()) if (build.buildStatus === 'IN_PROGRESS') builds += 1;
  return { pipelines, builds };
}

/**
 * Operations of the hub's slow "definitions" timer (about every 15 minutes):
 * what exists, not its state. The Refresh button runs that timer too; the
 * steady-state figure counts the fast timer's calls, as the floor does.
 */
export const definitionOperations = new Set([
  'codepipeline.ListPipelines',
  'codepipeline.GetPipeline',
  'tagging.GetResources',
  'codecommit.ListRepositories',
  'codecommit.BatchGetRepositories',
  'codecommit.ListBranches',
  'codecommit.GetPullRequest',
  'codebuild.BatchGetProjects',
  'codebuild.ListProjects',
  'codedeploy.ListApplications',
  'codedeploy.ListDeploymentGroups',
  'codedeploy.BatchGetDeploymentGroups',
]);

export interface RefreshCount {
  /** Calls of the fast timer's reads (everything but the definitions operations). */
  calls: number;
  /** Every call the Refresh button cost, the definitions timer included. */
  allCalls: number;
  byOperation: Record<string, number>;
  wallMs: number;
  /** Tasks the refresh queued. */
  tasks: number;
}

/**
 * One press of Refresh (refresh.now for every task) at frozen simulated time:
 * the calls it cost, of one service or all, and its wall time.
 */
export async function countRefresh(rig: HubRig, service?: string): Promise<RefreshCount> {
  await rig.settle();
  rig.sim.requests.reset();
  const started = performance.now();
  const result = await rig.command<{ queued: number }>('refresh.now', {});
  // settle() waits for a few quiet polls after the last call: the refresh ended when the last one was seen.
  const wallMs = (await rig.settle()) - started;
  const counted = rig.sim.requests.records.filter((r) => service === undefined || r.service === service);
  const byOperation: Record<string, number> = {};
  for (const r of counted)
    byOperation[`${r.service}.${r.operation}`] = (byOperation[`${r.service}.${r.operation}`] ?? 0) + 1;
  const calls = Object.entries(byOperation)
    .filter(([operation]) => !definitionOperations.has(operation))
    .reduce((sum, [, count]) => sum + count, 0);
  return { calls, allCalls: counted.length, byOperation, wallMs, tasks: result.queued };
}
