// "Which version is live where, and is it healthy?": a project's deploy
// targets as a matrix. Rows are services (a CodeDeploy application, a
// Beanstalk application, a stack, an ECS service, a GitHub repository),
// columns are environment stages inferred from the targets' names, and each
// cell says what is live there, since when, and how healthy it is.
// Pure; the Deployments page renders it.
import type {
  BeanstalkEnvironment,
  CloudFormationStack,
  CodeDeployDeployment,
  CodeDeployRevision,
  CodeDeployStatus,
  EcsService,
  StackEvent,
} from './deployments';
import { deployActions, type DeployAction, type TracedCommit } from './deploy-trace';
import type { GitHubEnvironmentDeployments, GitHubRepositoryRead } from './github';
import { deploymentStateLabel } from './github-health';
import { codeDeployLiveTrace, githubLiveTrace, targetLiveTrace, type DeployedBy, type LiveTrace } from './live-trace';
import { enumLabel, type Known } from './pipelines';
import type { ProjectResources } from './project-resources';
import type { SnapshotResource } from './snapshot';

// ------------------------------------------------------------------ Stages

export const environmentStages = ['dev', 'test', 'staging', 'prod'] as const;
export type EnvironmentStage = (typeof environmentStages)[number];

export const stageLabels: Record<EnvironmentStage, string> = {
  dev: 'Development',
  test: 'Test',
  staging: 'Staging',
  prod: 'Production',
};

const stageWords: Record<string, EnvironmentStage> = {
  dev: 'dev',
  devel: 'dev',
  develop: 'dev',
  development: 'dev',
  test: 'test',
  tests: 'test',
  testing: 'test',
  qa: 'test',
  uat: 'test',
  stage: 'staging',
  staging: 'staging',
  stg: 'staging',
  preprod: 'staging',
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  live: 'prod',
};

/** A name's words: split at separators and at lower-to-upper case changes ("shopProd" → shop, prod). */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/**
 * The stage a name says, from its last word that names one ("payments-api-prod",
 * "Production", "shop_stg", "apiQa"); undefined when none does.
 */
export function stageOf(name: string): EnvironmentStage | undefined {
  const list = words(name);
  for (let i = list.length - 1; i >= 0; i--) {
    const stage = stageWords[list[i] ?? ''];
    if (stage) return stage;
  }
  return undefined;
}

/** The name without the words that name its stage ("payments-api-prod" → "payments-api"); the name when nothing is left. */
export function withoutStage(name: string): string {
  const parts = name.split(/([^A-Za-z0-9]+)/);
  const kept: string[] = [];
  for (const part of parts) {
    if (stageWords[part.toLowerCase()] !== undefined) {
      kept.pop(); // the separator before it
      continue;
    }
    kept.push(part);
  }
  const rest = kept
    .join('')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .trim();
  return rest === '' ? name : rest;
}

export interface EnvironmentColumn {
  /** `stage:prod`, or `name:<lowercased name>` for a target whose name says no stage. */
  key: string;
  label: string;
  stage?: EnvironmentStage;
}

export function columnOf(name: string): EnvironmentColumn {
  const stage = stageOf(name);
  return stage
    ? { key: `stage:${stage}`, label: stageLabels[stage], stage }
    : { key: `name:${name.toLowerCase()}`, label: name };
}

/** dev → test → staging → prod, then the others by name. */
export function compareColumns(a: EnvironmentColumn, b: EnvironmentColumn): number {
  const rank = (c: EnvironmentColumn): number =>
    c.stage ? environmentStages.indexOf(c.stage) : environmentStages.length;
  return rank(a) - rank(b) || a.label.localeCompare(b.label);
}

// ------------------------------------------------------------------ Health

export const deployHealths = ['ok', 'warning', 'degraded', 'failed', 'in-progress', 'unknown'] as const;
export type DeployHealth = (typeof deployHealths)[number];

export const deployHealthLabels: Record<DeployHealth, string> = {
  ok: 'Healthy',
  warning: 'Warning',
  degraded: 'Degraded',
  failed: 'Failed',
  'in-progress': 'In progress',
  unknown: 'Unknown',
};

export type DeployTargetKind = 'codedeploy' | 'beanstalk' | 'cloudformation' | 'ecs' | 'github';

export const deployTargetKindLabels: Record<DeployTargetKind, string> = {
  codedeploy: 'CodeDeploy',
  beanstalk: 'Elastic Beanstalk',
  cloudformation: 'CloudFormation',
  ecs: 'ECS',
  github: 'GitHub',
};

/** What is live in a cell: a commit (shown short), a version label, a task definition revision. */
export interface LiveRevision {
  /** As shown: a short sha, a label, `family:revision`. */
  text: string;
  /** The whole value, for a tooltip. */
  full: string;
}

export interface InProgressDeployment {
  /** CodeDeploy's deployment id, or GitHub's deployment id. */
  id?: string;
  /** The source's own word: "InProgress", "Updating", "Queued"… */
  status: string;
  startedAt?: string;
  revision?: LiveRevision;
}

export interface EnvironmentCell {
  /** The snapshot resource it came from. */
  resourceId: string;
  kind: DeployTargetKind;
  /** The target's own name: the deployment group, the environment, the stack, the service. */
  name: string;
  column: EnvironmentColumn;
  live?: LiveRevision;
  deployedAt?: string;
  health: DeployHealth;
  /** The source's own word for its health or state ("Warning", "Succeeded", "UPDATE_COMPLETE", "unknown (Purple)"). */
  healthText: string;
  inProgress?: InProgressDeployment;
  /** GitHub: a run waits for review to deploy here. */
  waitingForReview?: boolean;
  /** The AWS console or GitHub page of the target. */
  url?: string;
  /** What put the live revision there: a pipeline execution, a workflow run, or CodeDeploy's creator. */
  deployedBy?: DeployedBy;
  /** The live commit, when the deployment or the pipeline execution that made it names one. */
  commit?: TracedCommit;
}

export interface ServiceRow {
  /** Stable across snapshots: kind and the service's own name (and location for AWS). */
  key: string;
  kind: DeployTargetKind;
  name: string;
  cells: EnvironmentCell[];
}

export interface EnvironmentMatrix {
  columns: EnvironmentColumn[];
  rows: ServiceRow[];
}

// ------------------------------------------------------------------ Console links
// The URL format of src/main/sources/aws/console-links.ts (the renderer may not import main code).

const enc = encodeURIComponent;

export function awsConsoleUrl(region: string, path: string): string {
  const [route = '', fragment] = path.split('#', 2);
  const query = `${route.includes('?') ? '&' : '?'}region=${enc(region)}`;
  return `https://${region}.console.aws.amazon.com/${route}${query}${fragment === undefined ? '' : `#${fragment}`}`;
}

export const deployConsoleLinks = {
  codedeployDeployment: (region: string, deploymentId: string) =>
    awsConsoleUrl(region, `codesuite/codedeploy/deployments/${enc(deploymentId)}`),
  codedeployGroup: (region: string, application: string, group: string) =>
    awsConsoleUrl(region, `codesuite/codedeploy/applications/${enc(application)}/deployment-groups/${enc(group)}`),
  beanstalkEnvironment: (region: string, environmentId: string) =>
    awsConsoleUrl(region, `elasticbeanstalk/home#/environment/dashboard?environmentId=${enc(environmentId)}`),
  cloudformationStack: (region: string, stackArn: string) =>
    awsConsoleUrl(region, `cloudformation/home#/stacks/stackinfo?stackId=${enc(stackArn)}`),
  ecsService: (region: string, cluster: string, service: string) =>
    awsConsoleUrl(region, `ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health`),
};

// ------------------------------------------------------------------ Per kind

const activeCodeDeployStatuses: readonly string[] = ['Created', 'Queued', 'InProgress', 'Baking', 'Ready'];

export function isActiveCodeDeploy(status: Known<CodeDeployStatus>): boolean {
  return typeof status === 'string' && activeCodeDeployStatuses.includes(status);
}

export function codeDeployHealth(status: Known<CodeDeployStatus> | undefined): DeployHealth {
  if (status === undefined || typeof status !== 'string') return 'unknown';
  switch (status) {
    case 'Succeeded':
      return 'ok';
    case 'Failed':
      return 'failed';
    case 'Stopped':
      return 'warning';
    default:
      return 'in-progress';
  }
}

const isSha = (text: string): boolean => /^[0-9a-f]{7,40}$/i.test(text);

/** A CodeDeploy revision as shown: its commit (short), else where the bundle is. */
export function codeDeployRevisionText(revision: CodeDeployRevision): LiveRevision {
  if (revision.commitId !== undefined && revision.commitId !== '') {
    const c = revision.commitId;
    return { text: isSha(c) ? c.slice(0, 7) : c, full: revision.location || c };
  }
  const location = revision.location;
  // owner/repo@sha → sha
  const at = location.lastIndexOf('@');
  if (at >= 0 && !location.startsWith('s3://')) {
    const ref = location.slice(at + 1);
    return { text: isSha(ref) ? ref.slice(0, 7) : ref, full: location };
  }
  // s3://bucket/path/app-1.4.2.zip#etag → app-1.4.2.zip (a version id or ETag may follow after `?` or `#`)
  const key = location.split(/[?#]/, 1)[0] ?? location;
  const tail =
    key
      .split('/')
      .filter((p) => p !== '')
      .pop() ?? location;
  return { text: tail, full: location };
}

const traced = (trace: LiveTrace): Pick<EnvironmentCell, 'deployedBy' | 'commit'> => ({
  ...(trace.deployedBy ? { deployedBy: trace.deployedBy } : {}),
  ...(trace.commit ? { commit: trace.commit } : {}),
});

function codeDeployCell(
  resource: SnapshotResource<'codedeploy-group'>,
  actions: readonly DeployAction[],
): EnvironmentCell {
  const { location, group, deployments } = resource.data;
  const lastSucceeded = deployments.find((d) => d.status === 'Succeeded');
  const liveId = lastSucceeded?.id ?? group.lastSuccessful?.deploymentId;
  const lastAttempted: CodeDeployDeployment | undefined = deployments[0];
  const active = deployments.find((d) => isActiveCodeDeploy(d.status));
  const revision = lastSucceeded?.revision ?? group.targetRevision;
  const attemptedStatus = lastAttempted?.status ?? group.lastAttempted?.status;
  const deployedAt =
    lastSucceeded?.completedAt ??
    lastSucceeded?.createdAt ??
    group.lastSuccessful?.endTime ??
    group.lastSuccessful?.createTime;
  return {
    resourceId: resource.id,
    kind: 'codedeploy',
    name: group.name,
    column: columnOf(group.name),
    ...(revision ? { live: codeDeployRevisionText(revision) } : {}),
    ...(deployedAt !== undefined ? { deployedAt } : {}),
    health: codeDeployHealth(attemptedStatus),
    healthText: attemptedStatus === undefined ? 'Never deployed' : enumLabel(attemptedStatus),
    ...(active
      ? {
          inProgress: {
            id: active.id,
            status: enumLabel(active.status),
            ...((active.startedAt ?? active.createdAt) ? { startedAt: active.startedAt ?? active.createdAt } : {}),
            ...(active.revision ? { revision: codeDeployRevisionText(active.revision) } : {}),
          },
        }
      : {}),
    url: deployConsoleLinks.codedeployGroup(location.region, group.application, group.name),
    ...traced(codeDeployLiveTrace(resource.id, lastSucceeded ?? (liveId ? { id: liveId } : undefined), actions)),
  };
}

export function beanstalkHealth(environment: Pick<BeanstalkEnvironment, 'health' | 'healthStatus'>): DeployHealth {
  const status = environment.healthStatus;
  if (status !== undefined && typeof status === 'string') {
    switch (status) {
      case 'Ok':
      case 'Info':
        return 'ok';
      case 'Warning':
        return 'warning';
      case 'Degraded':
        return 'degraded';
      case 'Severe':
        return 'failed';
      case 'Pending':
        return 'in-progress';
      default:
        return 'unknown';
    }
  }
  switch (environment.health) {
    case 'Green':
      return 'ok';
    case 'Yellow':
      return 'warning';
    case 'Red':
      return 'degraded';
    default:
      return 'unknown';
  }
}

const beanstalkBusy: readonly string[] = ['Launching', 'Updating', 'Aborting', 'LinkingFrom', 'LinkingTo'];

function beanstalkCell(
  resource: SnapshotResource<'beanstalk-environment'>,
  actions: readonly DeployAction[],
): EnvironmentCell {
  const { location, environment } = resource.data;
  const busy = typeof environment.status === 'string' && beanstalkBusy.includes(environment.status);
  const label = environment.versionLabel;
  return {
    resourceId: resource.id,
    kind: 'beanstalk',
    name: environment.name,
    column: columnOf(environment.name),
    ...(label !== undefined && label !== '' ? { live: { text: label, full: label } } : {}),
    ...(environment.updatedAt !== undefined ? { deployedAt: environment.updatedAt } : {}),
    health: beanstalkHealth(environment),
    healthText:
      environment.healthStatus !== undefined
        ? enumLabel(environment.healthStatus)
        : `${enumLabel(environment.health)} health`,
    ...(busy ? { inProgress: { status: enumLabel(environment.status) } } : {}),
    url: deployConsoleLinks.beanstalkEnvironment(location.region, environment.id),
    ...traced(targetLiveTrace(resource.id, environment.updatedAt, actions)),
  };
}

/** CloudFormation's status as health: failed operations, a rollback that undid an update, work in progress. */
export function stackHealth(status: string): DeployHealth {
  if (status.endsWith('_IN_PROGRESS')) return 'in-progress';
  if (status.endsWith('_FAILED') || status === 'ROLLBACK_COMPLETE' || status === 'IMPORT_ROLLBACK_COMPLETE')
    return 'failed';
  if (status === 'UPDATE_ROLLBACK_COMPLETE') return 'warning';
  if (status === 'DELETE_COMPLETE') return 'unknown';
  if (status.endsWith('_COMPLETE')) return 'ok';
  return 'unknown';
}

/**
 * Why the stack's last operation failed: its first failure. Those after it are
 * mostly consequences ("Resource update cancelled" for the resources CloudFormation
 * stopped because of it), so a cancellation is passed over when a cause is there.
 */
export function stackRootFailure(stack: Pick<CloudFormationStack, 'failures'>): StackEvent | undefined {
  const oldestFirst = [...stack.failures].reverse();
  return oldestFirst.find((e) => !/\bcancell?ed\b/i.test(e.reason ?? '')) ?? oldestFirst[0];
}

/** "UPDATE_ROLLBACK_COMPLETE" → "Update rollback complete". */
export function stackStatusText(status: string): string {
  const words = status.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function stackCell(
  resource: SnapshotResource<'cloudformation-stack'>,
  actions: readonly DeployAction[],
): EnvironmentCell {
  const { location, stack } = resource.data;
  const health = stackHealth(stack.status);
  return {
    resourceId: resource.id,
    kind: 'cloudformation',
    name: stack.name,
    column: columnOf(stack.name),
    ...(stack.updatedAt !== undefined ? { deployedAt: stack.updatedAt } : {}),
    health,
    healthText: stackStatusText(stack.status),
    ...(health === 'in-progress' ? { inProgress: { status: stackStatusText(stack.status) } } : {}),
    url: deployConsoleLinks.cloudformationStack(location.region, stack.arn),
    ...traced(targetLiveTrace(resource.id, stack.updatedAt, actions)),
  };
}

/** `arn:…:task-definition/web:42` → `web:42`. */
export function taskDefinitionRevision(taskDefinition: string): string {
  return taskDefinition.split('/').pop() ?? taskDefinition;
}

export function ecsHealth(service: Pick<EcsService, 'status' | 'desired' | 'running' | 'rollout'>): DeployHealth {
  const state = service.rollout?.state;
  if (state === 'FAILED') return 'failed';
  if (state === 'IN_PROGRESS') return 'in-progress';
  if (state !== undefined && typeof state !== 'string') return 'unknown';
  if (service.status !== 'ACTIVE') return 'unknown';
  if (service.running < service.desired) return service.running === 0 ? 'degraded' : 'warning';
  return 'ok';
}

function ecsCell(resource: SnapshotResource<'ecs-service'>, actions: readonly DeployAction[]): EnvironmentCell {
  const { location, service } = resource.data;
  const cluster = service.cluster.split('/').pop() ?? service.cluster;
  const stageName = stageOf(service.name) ? service.name : stageOf(cluster) ? cluster : service.name;
  const health = ecsHealth(service);
  const revision = service.taskDefinition !== undefined ? taskDefinitionRevision(service.taskDefinition) : undefined;
  const rollout = service.rollout;
  return {
    resourceId: resource.id,
    kind: 'ecs',
    name: service.name,
    column: columnOf(stageName),
    ...(revision !== undefined ? { live: { text: revision, full: service.taskDefinition ?? revision } } : {}),
    ...(rollout?.updatedAt !== undefined ? { deployedAt: rollout.updatedAt } : {}),
    health,
    healthText: rollout
      ? `${enumLabel(rollout.state)} · ${service.running}/${service.desired} running`
      : `${service.running}/${service.desired} running`,
    ...(health === 'in-progress'
      ? { inProgress: { status: `Rolling out (${service.deployments + 1} deployments)` } }
      : {}),
    url: deployConsoleLinks.ecsService(location.region, cluster, service.name),
    ...traced(targetLiveTrace(resource.id, rollout?.updatedAt, actions)),
  };
}

function githubHealth(env: GitHubEnvironmentDeployments): DeployHealth {
  const state = env.latest?.state;
  switch (state) {
    case 'success':
      return 'ok';
    case 'failure':
    case 'error':
      return 'failed';
    case 'pending':
    case 'queued':
    case 'in_progress':
      return 'in-progress';
    case 'inactive':
      return env.live ? 'ok' : 'unknown';
    default:
      return 'unknown';
  }
}

function githubCells(resource: SnapshotResource<'github-repository'>): EnvironmentCell[] {
  const read: GitHubRepositoryRead = resource.data;
  const waiting = new Set(read.waiting.flatMap((w) => w.pending.map((p) => p.environment.name)));
  const repositoryUrl = read.repository?.htmlUrl ?? `https://github.com/${read.fullName}`;
  return read.environments.map((env) => {
    const { environment, latest, live } = env;
    const running = latest !== undefined && githubHealth(env) === 'in-progress';
    return {
      resourceId: resource.id,
      kind: 'github',
      name: environment.name,
      column: columnOf(environment.name),
      ...(live ? { live: { text: live.sha.slice(0, 7), full: live.sha }, deployedAt: live.since } : {}),
      health: githubHealth(env),
      healthText: latest ? deploymentStateLabel(latest.state, latest.statuses[0]?.rawState) : 'Never deployed',
      ...(running
        ? {
            inProgress: {
              id: String(latest.id),
              status: deploymentStateLabel(latest.state, latest.statuses[0]?.rawState),
              startedAt: latest.createdAt,
              revision: { text: latest.sha.slice(0, 7), full: latest.sha },
            },
          }
        : {}),
      ...(waiting.has(environment.name) ? { waitingForReview: true } : {}),
      url: environment.htmlUrl || repositoryUrl,
      ...traced(githubLiveTrace(read, env)),
    };
  });
}

// ------------------------------------------------------------------ The matrix

const kindOrder: DeployTargetKind[] = ['codedeploy', 'beanstalk', 'ecs', 'cloudformation', 'github'];

/**
 * The project's deploy targets as services × environment stages; with the
 * project's pipelines, each cell also says which run put its revision there.
 */
export function environmentMatrix(
  resources: Pick<
    ProjectResources,
    'codedeployGroups' | 'beanstalkEnvironments' | 'cloudformationStacks' | 'ecsServices' | 'githubRepositories'
  > &
    Partial<Pick<ProjectResources, 'pipelines'>>,
): EnvironmentMatrix {
  const actions = deployActions(resources.pipelines ?? [], resources);
  const rows = new Map<string, ServiceRow>();
  const add = (key: string, kind: DeployTargetKind, name: string, cells: EnvironmentCell[]): void => {
    const row = rows.get(key);
    if (row) row.cells.push(...cells);
    else rows.set(key, { key, kind, name, cells: [...cells] });
  };
  const where = (l: { accountId: string; region: string }): string => `${l.accountId}/${l.region}`;
  for (const r of resources.codedeployGroups)
    add(`codedeploy:${where(r.data.location)}:${r.data.group.application}`, 'codedeploy', r.data.group.application, [
      codeDeployCell(r, actions),
    ]);
  for (const r of resources.beanstalkEnvironments)
    add(
      `beanstalk:${where(r.data.location)}:${r.data.environment.application}`,
      'beanstalk',
      r.data.environment.application,
      [beanstalkCell(r, actions)],
    );
  for (const r of resources.ecsServices) {
    const name = withoutStage(r.data.service.name);
    add(`ecs:${where(r.data.location)}:${name}`, 'ecs', name, [ecsCell(r, actions)]);
  }
  for (const r of resources.cloudformationStacks) {
    const name = withoutStage(r.data.stack.name);
    add(`cloudformation:${where(r.data.location)}:${name}`, 'cloudformation', name, [stackCell(r, actions)]);
  }
  for (const r of resources.githubRepositories) {
    const cells = githubCells(r);
    if (cells.length > 0) add(`github:${r.data.fullName.toLowerCase()}`, 'github', r.data.fullName, cells);
  }

  const columns = new Map<string, EnvironmentColumn>();
  for (const row of rows.values()) for (const cell of row.cells) columns.set(cell.column.key, cell.column);
  const sortedRows = [...rows.values()].sort(
    (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.name.localeCompare(b.name),
  );
  for (const row of sortedRows) row.cells.sort((a, b) => a.name.localeCompare(b.name));
  return { columns: [...columns.values()].sort(compareColumns), rows: sortedRows };
}

/** The cells of a row in one column (several groups can deploy to one stage). */
export function cellsIn(row: ServiceRow, column: EnvironmentColumn): EnvironmentCell[] {
  return row.cells.filter((c) => c.column.key === column.key);
}

/** A CodeDeploy deployment in the snapshot, with the group resource that holds it. */
export function findCodeDeployDeployment(
  groups: readonly SnapshotResource<'codedeploy-group'>[],
  deploymentId: string,
): { resource: SnapshotResource<'codedeploy-group'>; deployment: CodeDeployDeployment } | undefined {
  for (const resource of groups) {
    const deployment = resource.data.deployments.find((d) => d.id === deploymentId);
    if (deployment) return { resource, deployment };
  }
  return undefined;
}
