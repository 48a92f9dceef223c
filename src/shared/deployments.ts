// Deploy targets as the sources read them: CodeDeploy deployment groups and
// deployments (with each target's appspec lifecycle), Elastic Beanstalk
// environments with their health and recent events, CloudFormation stacks
// and ECS services. The one "where is what running" model the Deployments
// page shows is built from these (and from GitHub environments, github.ts).
// A value AWS sends that this build does not know is kept as { unknown: raw }
// (RELIABILITY A14; enumValue in sources/aws/codepipeline/mapping-context.ts).
import type { Known } from './pipelines';
import type { AwsLocation, Freshness, SourceProblem } from './sources';

// ---------------------------------------------------------------- CodeDeploy

export const codeDeployStatuses = [
  'Created',
  'Queued',
  'InProgress',
  'Baking',
  'Succeeded',
  'Failed',
  'Stopped',
  'Ready',
] as const;
export type CodeDeployStatus = (typeof codeDeployStatuses)[number];
export const codeDeployRevisionTypes = ['S3', 'GitHub', 'String', 'AppSpecContent'] as const;
export const codeDeployPlatforms = ['Server', 'Lambda', 'ECS'] as const;
export const lifecycleEventStatuses = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped'] as const;
export const codeDeployTargetKinds = ['instance', 'lambda', 'ecs', 'cloudformation'] as const;
export const codeDeployTargetStatuses = ['Pending', 'InProgress', 'Succeeded', 'Failed', 'Skipped', 'Ready'] as const;
export const beanstalkEnvironmentStatuses = [
  'Aborting',
  'Launching',
  'Updating',
  'LinkingFrom',
  'LinkingTo',
  'Ready',
  'Terminating',
  'Terminated',
] as const;
export const beanstalkHealthColours = ['Green', 'Yellow', 'Red', 'Grey'] as const;
export const beanstalkHealthStatuses = [
  'NoData',
  'Unknown',
  'Pending',
  'Ok',
  'Info',
  'Warning',
  'Degraded',
  'Severe',
  'Suspended',
] as const;
export const beanstalkEventSeverities = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export const ecsRolloutStates = ['COMPLETED', 'FAILED', 'IN_PROGRESS'] as const;

/** What a deployment installs: an S3 bundle, a GitHub commit, or inline AppSpec content. */
export interface CodeDeployRevision {
  type: Known<(typeof codeDeployRevisionTypes)[number]>;
  /** `s3://bucket/key` (with version or ETag), `owner/repo@commit`, or the content's SHA-256. */
  location: string;
  /** The commit, when the revision names one (GitHub revisions). */
  commitId?: string;
}

export interface CodeDeployGroupDeploymentRef {
  deploymentId: string;
  status: Known<CodeDeployStatus>;
  endTime?: string;
  createTime?: string;
}

export interface CodeDeployGroup {
  arn: string;
  application: string;
  name: string;
  computePlatform: Known<(typeof codeDeployPlatforms)[number]>;
  deploymentConfigName?: string;
  /** The revision the group deploys by default (its last successful one). */
  targetRevision?: CodeDeployRevision;
  lastAttempted?: CodeDeployGroupDeploymentRef;
  lastSuccessful?: CodeDeployGroupDeploymentRef;
}

export type LifecycleEventStatus = Known<(typeof lifecycleEventStatuses)[number]>;

/** One appspec hook on one target, in the order CodeDeploy runs them. */
export interface LifecycleEvent {
  /** ApplicationStop, DownloadBundle, BeforeInstall, Install, AfterInstall, ApplicationStart, ValidateService, … */
  name: string;
  status: LifecycleEventStatus;
  startedAt?: string;
  endedAt?: string;
  /** Why a hook failed: CodeDeploy's error code, the script, its message and the tail of its log. */
  diagnostics?: { errorCode?: string; scriptName?: string; message?: string; logTail?: string };
}

export interface CodeDeployTarget {
  /** The instance id, Lambda function or ECS service the deployment targets. */
  id: string;
  kind: Known<(typeof codeDeployTargetKinds)[number]>;
  status: Known<(typeof codeDeployTargetStatuses)[number]>;
  lastUpdatedAt?: string;
  lifecycle: LifecycleEvent[];
}

export interface CodeDeployDeployment {
  id: string;
  application: string;
  group: string;
  status: Known<CodeDeployStatus>;
  /** user, autoscaling, codeDeployRollback, CodeDeploy, CodeDeployAutoUpdate… as CodeDeploy says. */
  creator?: string;
  description?: string;
  createdAt: string;
  startedAt?: string;
  completedAt?: string;
  revision?: CodeDeployRevision;
  error?: { code?: string; message?: string };
  /** Targets per status. */
  overview?: { pending: number; inProgress: number; succeeded: number; failed: number; skipped: number; ready: number };
  rollback?: { rollbackDeploymentId?: string; rollbackTriggeringDeploymentId?: string; message?: string };
  /** Set once read: ListDeploymentTargets + BatchGetDeploymentTargets (failed and running deployments). */
  targets?: CodeDeployTarget[];
}

export interface CodeDeployRead extends Freshness {
  location: AwsLocation;
  groups: CodeDeployGroup[];
  /** Recent and active deployments, newest first. */
  deployments: CodeDeployDeployment[];
  problems: SourceProblem[];
}

// ----------------------------------------------------------- Elastic Beanstalk

export type BeanstalkHealthColour = Known<(typeof beanstalkHealthColours)[number]>;
export type BeanstalkHealthStatus = Known<(typeof beanstalkHealthStatuses)[number]>;

export interface BeanstalkEnvironment {
  arn: string;
  id: string;
  application: string;
  name: string;
  status: Known<(typeof beanstalkEnvironmentStatuses)[number]>;
  health: BeanstalkHealthColour;
  /** Enhanced health only. */
  healthStatus?: BeanstalkHealthStatus;
  /** Enhanced health only: why it is not Ok (DescribeEnvironmentHealth). */
  causes: string[];
  versionLabel?: string;
  cname?: string;
  platform?: string;
  tier?: string;
  updatedAt?: string;
}

export interface BeanstalkEvent {
  at: string;
  severity: Known<(typeof beanstalkEventSeverities)[number]>;
  message: string;
  application?: string;
  environment?: string;
  versionLabel?: string;
}

export interface BeanstalkRead extends Freshness {
  location: AwsLocation;
  environments: BeanstalkEnvironment[];
  /** Events since the first read, newest first, bounded. */
  events: BeanstalkEvent[];
  problems: SourceProblem[];
}

// ------------------------------------------------------ CloudFormation and ECS

export interface StackEvent {
  at: string;
  logicalId: string;
  resourceType: string;
  status: string;
  reason?: string;
}

export interface CloudFormationStack {
  arn: string;
  name: string;
  /** CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE… as CloudFormation says. */
  status: string;
  reason?: string;
  updatedAt?: string;
  /** The latest failing events of the last operation, newest first (empty when it went well). */
  failures: StackEvent[];
}

export interface EcsService {
  arn: string;
  cluster: string;
  name: string;
  status: string;
  desired: number;
  running: number;
  pending: number;
  taskDefinition?: string;
  /** The PRIMARY deployment's rollout. */
  rollout?: { state: Known<(typeof ecsRolloutStates)[number]>; reason?: string; updatedAt?: string };
  /** Deployments still running beside the primary one (a rollout in progress). */
  deployments: number;
}

export interface CloudFormationRead extends Freshness {
  location: AwsLocation;
  /** The stacks asked for, in the order asked; a stack that could not be read keeps its last good copy. */
  stacks: CloudFormationStack[];
  /** Per stack: missing, access denied (with the IAM action), throttled… */
  problems: SourceProblem[];
}

export interface EcsRead extends Freshness {
  location: AwsLocation;
  /** The services asked for, in the order asked; a service that could not be read keeps its last good copy. */
  services: EcsService[];
  /** Per service or per batch: missing service or cluster, access denied (with the IAM action)… */
  problems: SourceProblem[];
}

// ------------------------------------------------------- As the snapshot keeps them

/** A CodeDeploy deployment group with its recent deployments (newest first, bounded). */
export interface CodeDeployGroupResource {
  location: AwsLocation;
  group: CodeDeployGroup;
  deployments: CodeDeployDeployment[];
  /** When the deployments were last listed; absent while only the group is known (no news before that). */
  deploymentsReadAt?: string;
}

/** A Beanstalk environment with its recent events (newest first, bounded). */
export interface BeanstalkEnvironmentResource {
  location: AwsLocation;
  environment: BeanstalkEnvironment;
  events: BeanstalkEvent[];
}

export interface CloudFormationStackResource {
  location: AwsLocation;
  stack: CloudFormationStack;
}

export interface EcsServiceResource {
  location: AwsLocation;
  service: EcsService;
}
