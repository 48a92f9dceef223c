// The deploy-target tasks of one account region: CodeDeploy groups (on the
// definitions cadence) and their recent deployments, Elastic Beanstalk
// environments with their events, and the CloudFormation stacks and ECS
// services the region's pipelines deploy to. Each reads through its source,
// folds the answer into the snapshot and reports the outcome that sets its
// next run: 'running' while something deploys, 'idle' otherwise.
//
// CodeDeploy and Beanstalk are optional: a user may not be allowed to read
// them. A read refused as a whole is then asked again on the definitions
// cadence, not every minute (nor every few seconds with the error backoff).
import type { CodeDeployDeployment } from '../../../shared/deployments';
import type { Known } from '../../../shared/pipelines';
import { type AnyResource, deployTargetId, type ResourceKind, type Snapshot } from '../../../shared/snapshot';
import type { Freshness, SourceProblem } from '../../../shared/sources';
import { outcomeFromProblems, type ReadReport, type RefreshTask, type RunOutcome } from '../scheduler';
import { defaultSnapshotLimits } from '../snapshot/bounds';
import { applyRead } from '../snapshot/update';
import type { AwsRegion } from './aws-region';
import { lane, type RegionContext } from './region-tasks';

export type DeployTaskKind = 'deploy-groups' | 'deployments' | 'beanstalk' | 'deploy-stacks' | 'deploy-services';

export const deployTaskKey = (region: AwsRegion, kind: DeployTaskKind) => `${region.source}:${kind}`;

type DeployKind = Extract<
  ResourceKind,
  'codedeploy-group' | 'beanstalk-environment' | 'cloudformation-stack' | 'ecs-service'
>;

/** The region's deploy-target tasks, registered beside its other tasks (regionTasks). */
export function deployTasks(region: AwsRegion, context: RegionContext): RefreshTask[] {
  // Whether the last ListApplications walk succeeded: only then is the list of groups everything there is.
  let groupsComplete = false;
  const task = (
    kind: DeployTaskKind,
    service: string,
    cadence: RefreshTask['cadence'],
    run: () => Promise<RunOutcome>,
  ): RefreshTask => ({
    key: deployTaskKey(region, kind),
    ...lane(region, service),
    cadence,
    run,
  });

  /** ListApplications, ListDeploymentGroups, BatchGetDeploymentGroups: the groups, even those never deployed. */
  const refreshGroups = async (): Promise<RunOutcome> => {
    const before = region.codedeploy.groupsFetchedAt;
    const read = await region.codedeploy.refreshGroups();
    const ok = region.codedeploy.groupsFetchedAt !== before;
    groupsComplete = ok;
    const problem = ok ? undefined : read.problem;
    commitCodeDeploy(region, context, problem, groupsComplete);
    // The groups are known: their deployments need not wait for the idle timer.
    if (ok) context.nudge(deployTaskKey(region, 'deployments'));
    return optionalOutcome({
      cadence: 'definitions',
      ...(problem ? { problem } : {}),
      problems: read.problems,
    });
  };

  /** One ListDeployments when idle; BatchGetDeployments and targets only for new and active deployments. */
  const refreshDeployments = async (): Promise<RunOutcome> => {
    // Before the groups were read there is nothing to put the deployments in (and a refused read stays refused).
    if (region.codedeploy.groupsFetchedAt === '') return { kind: 'ok', cadence: 'idle' };
    const before = region.codedeploy.current.fetchedAt;
    const read = await region.codedeploy.refresh();
    const problem = read.fetchedAt !== before ? undefined : read.problem;
    commitCodeDeploy(region, context, problem, groupsComplete);
    return optionalOutcome({
      cadence: read.deployments.some((d) => isActiveDeployment(d)) ? 'running' : 'idle',
      ...(problem ? { problem } : {}),
      problems: read.problems,
    });
  };

  return [
    task('deploy-groups', 'codedeploy', 'definitions', refreshGroups),
    task('deployments', 'codedeploy', 'idle', refreshDeployments),
    task('beanstalk', 'elasticbeanstalk', 'idle', () => refreshBeanstalk(region, context)),
    task('deploy-stacks', 'cloudformation', 'idle', () => refreshStacks(region, context)),
    task('deploy-services', 'ecs', 'idle', () => refreshServices(region, context)),
  ];
}

/**
 * Every group the source knows, each with its deployments newest first (as
 * many as the snapshot keeps). A failed read commits nothing new: what the
 * snapshot holds is marked stale.
 */
function commitCodeDeploy(
  region: AwsRegion,
  context: RegionContext,
  problem: SourceProblem | undefined,
  complete: boolean,
): void {
  const { groups, deployments, fetchedAt } = region.codedeploy.current;
  const at = fetchedAt || region.codedeploy.groupsFetchedAt;
  const resources = groups.map((group) => ({
    id: deployTargetId('codedeploy-group', group.arn),
    kind: 'codedeploy-group' as const,
    source: region.source,
    freshness: { fetchedAt: at },
    data: {
      location: region.location,
      group,
      deployments: deployments
        .filter((d) => d.application === group.application && d.group === group.name)
        .slice(0, defaultSnapshotLimits.deploymentsPerGroup),
      ...(fetchedAt === '' ? {} : { deploymentsReadAt: fetchedAt }),
    },
  }));
  commit(region, context, 'codedeploy-group', problem, resources, complete && problem === undefined);
}

/** DescribeEnvironments, DescribeEvents since the last poll, DescribeEnvironmentHealth per troubled environment. */
async function refreshBeanstalk(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const read = await region.beanstalk.refresh();
  const resources = read.environments.map((environment) => ({
    id: deployTargetId('beanstalk-environment', environment.arn),
    kind: 'beanstalk-environment' as const,
    source: region.source,
    freshness: { fetchedAt: read.fetchedAt },
    data: {
      location: region.location,
      environment,
      // The source keeps the events newest first.
      events: read.events
        .filter(
          (e) =>
            e.environment === environment.name &&
            (e.application === undefined || e.application === environment.application),
        )
        .slice(0, defaultSnapshotLimits.eventsPerEnvironment),
    },
  }));
  commit(region, context, 'beanstalk-environment', read.problem, resources, true);
  const busy = read.environments.some((e) => isOneOf(e.status, ['Launching', 'Updating']));
  return optionalOutcome({
    cadence: busy ? 'running' : 'idle',
    ...(read.problem ? { problem: read.problem } : {}),
    problems: read.problems,
  });
}

/** DescribeStacks per stack the pipelines name (events only for stacks that moved); no call when they name none. */
async function refreshStacks(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const { stacks } = targetsToRead(region, context);
  if (stacks.length === 0) return noTargets(region, context, 'cloudformation-stack');
  const read = await region.stacks.refresh(stacks);
  const resources = read.stacks.map((stack) => ({
    id: deployTargetId('cloudformation-stack', stack.arn),
    kind: 'cloudformation-stack' as const,
    source: region.source,
    freshness: { fetchedAt: read.fetchedAt },
    data: { location: region.location, stack },
  }));
  commit(region, context, 'cloudformation-stack', read.problem, resources, true);
  const busy = read.stacks.some((s) => s.status.endsWith('_IN_PROGRESS'));
  return outcomeFromProblems({
    cadence: busy ? 'running' : 'idle',
    ...(read.problem ? { problem: read.problem } : {}),
    problems: read.problems,
  });
}

/** DescribeServices per cluster (10 services a call) for the services the pipelines name; no call when none. */
async function refreshServices(region: AwsRegion, context: RegionContext): Promise<RunOutcome> {
  const { services } = targetsToRead(region, context);
  if (services.length === 0) return noTargets(region, context, 'ecs-service');
  const read = await region.services.refresh(services);
  const resources = read.services.map((service) => ({
    id: deployTargetId('ecs-service', service.arn),
    kind: 'ecs-service' as const,
    source: region.source,
    freshness: { fetchedAt: read.fetchedAt },
    data: { location: region.location, service },
  }));
  commit(region, context, 'ecs-service', read.problem, resources, true);
  const busy = read.services.some((s) => s.rollout !== undefined && isOneOf(s.rollout.state, ['IN_PROGRESS']));
  return outcomeFromProblems({
    cadence: busy ? 'running' : 'idle',
    ...(read.problem ? { problem: read.problem } : {}),
    problems: read.problems,
  });
}

/**
 * The stacks and services the pipelines name. Before the definitions were
 * first read (a start while AWS is unreachable), those the last snapshot
 * holds: a failed read then marks them stale rather than nothing being read.
 */
function targetsToRead(region: AwsRegion, context: RegionContext): ReturnType<AwsRegion['deployTargets']> {
  if (region.discovery !== undefined) return region.deployTargets();
  const held = Object.values(context.snapshot().resources).filter((r) => r.source === region.source);
  return {
    stacks: held.flatMap((r) => (r.kind === 'cloudformation-stack' ? [r.data.stack.name] : [])),
    services: held.flatMap((r) =>
      r.kind === 'ecs-service' ? [{ cluster: r.data.service.cluster, service: r.data.service.name }] : [],
    ),
  };
}

/**
 * The pipelines name no target of this kind: no call. Those they named
 * before leave the snapshot. Until the definitions were first read, look
 * again soon (still without calling AWS).
 */
function noTargets(region: AwsRegion, context: RegionContext, kind: DeployKind): RunOutcome {
  // Not read yet (a start while AWS is unreachable): the pipelines may well name some; keep what the snapshot holds.
  if (region.discovery === undefined) return { kind: 'ok', cadence: 'running' };
  if (held(context.snapshot(), region, kind)) {
    context.commit((s) =>
      applyRead(s, {
        source: region.source,
        kind,
        freshness: { fetchedAt: context.now().toISOString() },
        resources: [],
        complete: true,
      }),
    );
  }
  return { kind: 'ok', cadence: 'idle' };
}

function held(snapshot: Snapshot, region: AwsRegion, kind: DeployKind): boolean {
  return Object.values(snapshot.resources).some((r) => r.kind === kind && r.source === region.source);
}

/**
 * A list read as the snapshot takes it. Failed as a whole: nothing new, and
 * what the snapshot holds of the kind is kept, marked stale.
 */
function commit(
  region: AwsRegion,
  context: RegionContext,
  kind: DeployKind,
  problem: SourceProblem | undefined,
  resources: AnyResource[],
  complete: boolean,
): void {
  const freshness: Freshness = problem ? { fetchedAt: '', problem } : { fetchedAt: freshestOf(resources, context) };
  context.commit((s) =>
    applyRead(s, {
      source: region.source,
      kind,
      freshness,
      resources: problem ? [] : resources,
      complete: problem ? false : complete,
    }),
  );
}

function freshestOf(resources: readonly AnyResource[], context: RegionContext): string {
  return resources[0]?.freshness.fetchedAt || context.now().toISOString();
}

/**
 * An optional service the user may not read (no CodeDeploy or Beanstalk
 * permissions): a refused read is an answer, not an error to retry. It
 * comes back on the definitions cadence; the problem stays on the snapshot.
 */
function optionalOutcome(report: ReadReport): RunOutcome {
  if (report.problem?.code === 'access-denied') return { kind: 'ok', cadence: 'definitions' };
  return outcomeFromProblems(report);
}

/** Moving now. Ready (blue/green waiting for someone to reroute traffic) may wait for hours: idle, like a parked approval. */
function isActiveDeployment(deployment: CodeDeployDeployment): boolean {
  return isOneOf(deployment.status, ['Created', 'Queued', 'InProgress', 'Baking']);
}

function isOneOf<T extends string>(value: Known<T>, values: readonly T[]): boolean {
  return typeof value === 'string' && values.includes(value);
}
