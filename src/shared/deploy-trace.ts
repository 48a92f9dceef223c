// Which pipeline run put what where: every CodePipeline deploy action, the
// deploy target it names, and the commit of the execution it last ran in.
// Only what the snapshot says: an execution Starboard has not listed, or an
// action whose run cannot be tied to an execution, leaves the commit out.
// Pure; the Deployments page, a target's page and the pipeline tile read it.
import type { ProjectResources } from './project-resources';
import type { ActionDetail, ActionStatus, Known, PipelineExecution, StageDetail } from './pipelines';
import type { AnyResource, Snapshot, SnapshotResource } from './snapshot';
import type { AwsLocation } from './sources';

/** What a deploy action's configuration names (only keys in safeConfigurationKeys are ever there). */
export type DeployActionTarget =
  | { kind: 'codedeploy'; application: string; group: string }
  | { kind: 'beanstalk'; application: string; environment: string }
  | { kind: 'cloudformation'; stack: string }
  | { kind: 'ecs'; cluster: string; service: string }
  | { kind: 's3'; bucket: string; key?: string }
  /** A provider Starboard does not map, or a configuration without the names it needs. */
  | { kind: 'unknown'; provider: string };

export interface TracedCommit {
  id: string;
  message?: string;
  url?: string;
  /** GitHub, CodeCommit, Bitbucket… as the execution's source revision says. */
  provider?: string;
}

export interface PipelineRef {
  name: string;
  location: AwsLocation;
  /** The pipeline's snapshot resource id. */
  resourceId: string;
  consoleUrl: string;
}

/** A deploy action's latest run, traced back as far as the snapshot allows. */
export interface DeployTrace {
  pipeline: PipelineRef;
  stage: string;
  action: string;
  provider?: string;
  /** The execution the action last ran in; absent when the state cannot tell (see runExecutionId). */
  pipelineExecutionId?: string;
  /** The execution's console page, when the execution is among the listed ones. */
  executionUrl?: string;
  actionStatus?: Known<ActionStatus>;
  /** When the action's status last changed. */
  at?: string;
  /** The execution's source revision; absent unless the execution is listed and names exactly one. */
  commit?: TracedCommit;
}

export interface DeployAction extends DeployTrace {
  target: DeployActionTarget;
  /** The snapshot resource of the target, when the snapshot holds it (never for S3). */
  resourceId?: string;
  /** CodeDeploy: the deployment id of the latest run. */
  externalExecutionId?: string;
}

/** The deploy targets an action can be matched to. */
export type DeployTargets = Pick<
  ProjectResources,
  'codedeployGroups' | 'beanstalkEnvironments' | 'cloudformationStacks' | 'ecsServices'
>;

/** Every deploy target the snapshot holds. */
export function snapshotDeployTargets(resources: Snapshot['resources']): DeployTargets {
  const all = Object.values(resources);
  const of = <K extends AnyResource['kind']>(kind: K) =>
    all.filter((r): r is Extract<AnyResource, { kind: K }> => r.kind === kind);
  return {
    codedeployGroups: of('codedeploy-group'),
    beanstalkEnvironments: of('beanstalk-environment'),
    cloudformationStacks: of('cloudformation-stack'),
    ecsServices: of('ecs-service'),
  };
}

const lastSegment = (nameOrArn: string): string => nameOrArn.split('/').pop() ?? nameOrArn;

/** The target an action names, read from its provider and configuration. */
export function actionTarget(action: Pick<ActionDetail, 'provider' | 'configuration'>): DeployActionTarget {
  const c = action.configuration;
  const provider = action.provider ?? '';
  const both = (a?: string, b?: string): [string, string] | undefined =>
    a !== undefined && a !== '' && b !== undefined && b !== '' ? [a, b] : undefined;
  switch (provider) {
    case 'CodeDeploy':
    case 'CodeDeployToECS': {
      const names = both(c.ApplicationName, c.DeploymentGroupName);
      return names ? { kind: 'codedeploy', application: names[0], group: names[1] } : { kind: 'unknown', provider };
    }
    case 'ElasticBeanstalk': {
      const names = both(c.ApplicationName, c.EnvironmentName);
      return names
        ? { kind: 'beanstalk', application: names[0], environment: names[1] }
        : { kind: 'unknown', provider };
    }
    case 'CloudFormation':
      // CHANGE_SET_REPLACE only prepares a change set: the stack is changed by the action that executes it.
      return c.StackName && c.ActionMode !== 'CHANGE_SET_REPLACE'
        ? { kind: 'cloudformation', stack: c.StackName }
        : { kind: 'unknown', provider };
    case 'ECS': {
      const names = both(c.ClusterName, c.ServiceName);
      return names ? { kind: 'ecs', cluster: lastSegment(names[0]), service: names[1] } : { kind: 'unknown', provider };
    }
    case 'S3': {
      // The S3 deploy action calls them BucketName/ObjectKey; S3Bucket/S3ObjectKey is the S3 source's spelling.
      const bucket = c.BucketName ?? c.S3Bucket;
      const key = c.ObjectKey ?? c.S3ObjectKey;
      return bucket ? { kind: 's3', bucket, ...(key ? { key } : {}) } : { kind: 'unknown', provider };
    }
    default:
      return { kind: 'unknown', provider };
  }
}

/** The target as a person names it: the group, environment, stack or service; an S3 object as its URL. */
export function targetLabel(target: DeployActionTarget): string {
  switch (target.kind) {
    case 'codedeploy':
      return target.group;
    case 'beanstalk':
      return target.environment;
    case 'cloudformation':
      return target.stack;
    case 'ecs':
      return target.service;
    case 's3':
      return `s3://${target.bucket}/${target.key ?? ''}`;
    case 'unknown':
      return target.provider === '' ? 'an unknown target' : `a ${target.provider} target`;
  }
}

const where = (l: Pick<AwsLocation, 'accountId' | 'region'>): string => `${l.accountId}/${l.region}`;

/** The key both a target resource and an action naming it answer to; undefined for S3 and unknown actions. */
function targetKey(location: Pick<AwsLocation, 'accountId' | 'region'>, t: DeployActionTarget): string | undefined {
  switch (t.kind) {
    case 'codedeploy':
      return `${where(location)}|codedeploy|${t.application}|${t.group}`;
    case 'beanstalk':
      return `${where(location)}|beanstalk|${t.application}|${t.environment}`;
    case 'cloudformation':
      return `${where(location)}|cloudformation|${t.stack}`;
    case 'ecs':
      return `${where(location)}|ecs|${t.cluster}|${t.service}`;
    default:
      return undefined;
  }
}

function targetIndex(targets: DeployTargets): Map<string, string> {
  const index = new Map<string, string>();
  const put = (location: AwsLocation, target: DeployActionTarget, id: string): void => {
    const key = targetKey(location, target);
    if (key !== undefined) index.set(key, id);
  };
  for (const r of targets.codedeployGroups)
    put(r.data.location, { kind: 'codedeploy', application: r.data.group.application, group: r.data.group.name }, r.id);
  for (const r of targets.beanstalkEnvironments) {
    const { application, name } = r.data.environment;
    put(r.data.location, { kind: 'beanstalk', application, environment: name }, r.id);
  }
  for (const r of targets.cloudformationStacks)
    put(r.data.location, { kind: 'cloudformation', stack: r.data.stack.name }, r.id);
  for (const r of targets.ecsServices) {
    const { cluster, name } = r.data.service;
    put(r.data.location, { kind: 'ecs', cluster: lastSegment(cluster), service: name }, r.id);
  }
  return index;
}

const isDeploy = (action: ActionDetail): boolean => action.category === 'Deploy';

/**
 * The execution the action's latest run belongs to. GetPipelineState names
 * only the stage's latest execution, and an action that did not run in it
 * keeps its older run: the run is that execution's only when the action is
 * in the stage's first run order (those start whenever the stage does), the
 * stage succeeded in it (every action then ran), or both are still running.
 */
export function runExecutionId(stage: StageDetail, action: ActionDetail): string | undefined {
  const latest = stage.latestExecution;
  if (!latest || action.status === undefined) return undefined;
  const order = (a: ActionDetail): number => a.runOrder ?? 1;
  const first = Math.min(...stage.actions.map(order));
  if (order(action) === first) return latest.pipelineExecutionId;
  if (latest.status === 'Succeeded') return latest.pipelineExecutionId;
  if (latest.status === 'InProgress' && action.status === 'InProgress') return latest.pipelineExecutionId;
  return undefined;
}

/** An execution's commit: its one source revision (with several, which one was deployed is not known). */
export function executionCommit(execution: PipelineExecution): TracedCommit | undefined {
  const revisions = execution.sourceRevisions.filter((r) => r.revisionId !== undefined && r.revisionId !== '');
  const only = revisions.length === 1 ? revisions[0] : undefined;
  if (!only?.revisionId) return undefined;
  return {
    id: only.revisionId,
    ...(only.commitMessage ? { message: only.commitMessage } : {}),
    ...(only.revisionUrl ? { url: only.revisionUrl } : {}),
    ...(only.providerType ? { provider: only.providerType } : {}),
  };
}

/** Every deploy action of these pipelines with its target, matched to a target resource in the same account and region. */
export function deployActions(
  pipelines: readonly SnapshotResource<'pipeline'>[],
  targets: DeployTargets,
): DeployAction[] {
  const index = targetIndex(targets);
  const found: DeployAction[] = [];
  for (const resource of pipelines) {
    const { summary, state, executions } = resource.data;
    const pipeline: PipelineRef = {
      name: summary.name,
      location: summary.location,
      resourceId: resource.id,
      consoleUrl: summary.consoleUrl,
    };
    for (const stage of state?.stages ?? []) {
      for (const action of stage.actions.filter(isDeploy)) {
        const target = actionTarget(action);
        const resourceId = index.get(targetKey(summary.location, target) ?? '');
        const executionId = runExecutionId(stage, action);
        const execution = executions?.find((e) => e.pipelineExecutionId === executionId);
        const commit = execution ? executionCommit(execution) : undefined;
        found.push({
          pipeline,
          stage: stage.name,
          action: action.name,
          ...(action.provider !== undefined ? { provider: action.provider } : {}),
          ...(executionId !== undefined ? { pipelineExecutionId: executionId } : {}),
          ...(execution ? { executionUrl: execution.consoleUrl } : {}),
          ...(action.status !== undefined ? { actionStatus: action.status } : {}),
          ...(action.lastStatusChange !== undefined ? { at: action.lastStatusChange } : {}),
          ...(commit ? { commit } : {}),
          target,
          ...(resourceId !== undefined ? { resourceId } : {}),
          ...(action.externalExecutionId ? { externalExecutionId: action.externalExecutionId } : {}),
        });
      }
    }
  }
  return found;
}

const newestFirst = (a: DeployAction, b: DeployAction): number => (b.at ?? '').localeCompare(a.at ?? '');

/** The deploy action that last ran against a target resource (any outcome), when a pipeline deploys there. */
export function traceTarget(resourceId: string, actions: readonly DeployAction[]): DeployAction | undefined {
  return actions.filter((a) => a.resourceId === resourceId).sort(newestFirst)[0];
}

/** The deploy action whose latest run started this CodeDeploy deployment (CodePipeline keeps its id as the external execution id). */
export function traceCodeDeployDeployment(
  deploymentId: string,
  actions: readonly DeployAction[],
): DeployAction | undefined {
  return actions.find((a) => a.target.kind === 'codedeploy' && a.externalExecutionId === deploymentId);
}

/** Does any deploy action name this target (whether or not its latest run can be traced)? */
export function deployedByPipeline(resourceId: string, actions: readonly DeployAction[]): boolean {
  return actions.some((a) => a.resourceId === resourceId);
}
