// The hub's normalized picture of everything it watches: one resource per
// stable id, each with its data and how fresh it is, plus the freshness of
// every source (account and region) per kind of resource. The UI, the tray
// and the event diff all read this; main persists it so a start is instant.
// Plain serializable data; the runtime schema is in snapshot-schema.ts.
import type { Build } from './builds';
import type {
  BeanstalkEnvironmentResource,
  CloudFormationStackResource,
  CodeDeployGroupResource,
  EcsServiceResource,
} from './deployments';
import type { GitHubRepositoryRead } from './github';
import type { PipelineDetail, PipelineExecution, PipelineSummary } from './pipelines';
import type { WatchedRepository } from './repositories';
import type { AwsLocation, Freshness } from './sources';

/** A pipeline as three reads see it: the list entry, the live state and the recent executions. */
export interface PipelineResource {
  summary: PipelineSummary;
  /** Absent until GetPipelineState answered once (the diff then treats the state as a cold start). */
  state?: PipelineDetail;
  /** Newest first (ListPipelineExecutions); absent until read once, which is not the same as none. */
  executions?: PipelineExecution[];
}

/**
 * The data carried per kind of resource. A new provider (CodeDeploy,
 * Beanstalk, GitHub runs and deployments) adds a kind here, its data schema
 * in snapshot-schema.ts's map and a differ in main's snapshot diff; the
 * compiler points at each place that must learn about it.
 */
export interface ResourceKinds {
  pipeline: PipelineResource;
  /** One build: builds never change once complete, so each is its own resource. */
  build: Build;
  repository: WatchedRepository;
  /** A watched GitHub repository: its pull requests, Actions runs, environments and runs waiting for review. */
  'github-repository': GitHubRepositoryRead;
  /** A CodeDeploy deployment group and its recent deployments, with each failed or running one's targets. */
  'codedeploy-group': CodeDeployGroupResource;
  /** An Elastic Beanstalk environment, its health and causes, and its recent events. */
  'beanstalk-environment': BeanstalkEnvironmentResource;
  /** A CloudFormation stack a pipeline deploys, with the failing events of its last operation. */
  'cloudformation-stack': CloudFormationStackResource;
  /** An ECS service a pipeline deploys, with its rollout. */
  'ecs-service': EcsServiceResource;
}

export type ResourceKind = keyof ResourceKinds;
export const resourceKinds = [
  'pipeline',
  'build',
  'repository',
  'github-repository',
  'codedeploy-group',
  'beanstalk-environment',
  'cloudformation-stack',
  'ecs-service',
] as const satisfies readonly ResourceKind[];

export interface SnapshotResource<K extends ResourceKind = ResourceKind> {
  /** Stable across restarts and refreshes (see the *Id functions below). */
  id: string;
  kind: K;
  /** The source it was read from (see awsSourceId). */
  source: string;
  /** When it was last read, and what went wrong since (the data is then the last good copy). */
  freshness: Freshness;
  data: ResourceKinds[K];
}

/** Any resource, narrowed by `kind`. */
export type AnyResource = { [K in ResourceKind]: SnapshotResource<K> }[ResourceKind];

/** One account and region (later: one GitHub host and account). */
export interface SourceStatus {
  id: string;
  /** Freshness of the last list read per kind; a kind is absent until it was read once (see the diff's cold start). */
  kinds: Partial<Record<ResourceKind, Freshness>>;
}

export const snapshotVersion = 1;

export interface Snapshot {
  version: typeof snapshotVersion;
  /** When the hub last changed it (ISO 8601). */
  updatedAt: string;
  resources: Record<string, AnyResource>;
  sources: Record<string, SourceStatus>;
}

export function emptySnapshot(at: Date | string): Snapshot {
  return {
    version: snapshotVersion,
    updatedAt: typeof at === 'string' ? at : at.toISOString(),
    resources: {},
    sources: {},
  };
}

/** `aws:<accountKey>:<region>`: the workspace's account entry, not the 12-digit account id. */
export function awsSourceId(location: AwsLocation): string {
  return `aws:${location.accountKey}:${location.region}`;
}

export function pipelineId(location: AwsLocation, name: string): string {
  return `pipeline:${location.accountKey}:${location.region}:${name}`;
}

/** Build ARNs are unique across accounts and regions, and stable. */
export function buildId(arn: string): string {
  return `build:${arn}`;
}

export function repositoryId(location: AwsLocation, name: string): string {
  return `repository:${location.accountKey}:${location.region}:${name}`;
}

/** `github:<accountKey>`: one GitHub account of the workspace (its host is the account's). */
export function githubSourceId(accountKey: string): string {
  return `github:${accountKey}`;
}

/** GitHub names ignore case: one id per repository whatever the spelling. */
export function githubRepositoryId(accountKey: string, fullName: string): string {
  return `github-repository:${accountKey}:${fullName.toLowerCase()}`;
}

export function githubRepositoryResource(read: GitHubRepositoryRead): SnapshotResource<'github-repository'> {
  const { accountKey, fullName, fetchedAt, problem } = read;
  return {
    id: githubRepositoryId(accountKey, fullName),
    kind: 'github-repository',
    source: githubSourceId(accountKey),
    freshness: problem ? { fetchedAt, problem } : { fetchedAt },
    data: read,
  };
}

/** The pipeline as a snapshot resource; its freshness is the state's when the state was read. */
export function pipelineResource(data: PipelineResource, freshness: Freshness): SnapshotResource<'pipeline'> {
  const { location, name } = data.summary;
  return { id: pipelineId(location, name), kind: 'pipeline', source: awsSourceId(location), freshness, data };
}

export function buildResource(build: Build, freshness: Freshness): SnapshotResource<'build'> {
  return { id: buildId(build.arn), kind: 'build', source: awsSourceId(build.location), freshness, data: build };
}

/** A watched repository carries its own freshness; the resource repeats it. */
export function repositoryResource(repository: WatchedRepository): SnapshotResource<'repository'> {
  const { location, fetchedAt, problem } = repository;
  return {
    id: repositoryId(location, repository.repository),
    kind: 'repository',
    source: awsSourceId(location),
    freshness: problem ? { fetchedAt, problem } : { fetchedAt },
    data: repository,
  };
}

/** The resources of one kind, in id order (stable output for the diff and the UI). */
export function resourcesOfKind<K extends ResourceKind>(
  snapshot: Snapshot,
  kind: K,
): Extract<AnyResource, { kind: K }>[] {
  return Object.values(snapshot.resources)
    .filter((r): r is Extract<AnyResource, { kind: K }> => r.kind === kind)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A deploy target's id: its kind and ARN (ARNs are unique across accounts and regions, and stable). */
export function deployTargetId(
  kind: 'codedeploy-group' | 'beanstalk-environment' | 'cloudformation-stack' | 'ecs-service',
  arn: string,
): string {
  return `${kind}:${arn}`;
}
