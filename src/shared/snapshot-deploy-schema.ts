// Runtime schemas of the deploy targets as the snapshot persists them
// (deployments.ts): CodeDeploy deployment groups with their recent
// deployments, Elastic Beanstalk environments with their recent events,
// CloudFormation stacks and ECS services. Objects strip keys they do not name,
// so only these fields reach the file (RELIABILITY C04).
import { z } from 'zod';
import {
  beanstalkEnvironmentStatuses,
  beanstalkEventSeverities,
  beanstalkHealthColours,
  beanstalkHealthStatuses,
  codeDeployPlatforms,
  codeDeployRevisionTypes,
  codeDeployStatuses,
  codeDeployTargetKinds,
  codeDeployTargetStatuses,
  ecsRolloutStates,
  lifecycleEventStatuses,
} from './deployments';
import { awsLocationSchema, known } from './snapshot-aws-schema';

const text = z.string();
const optionalText = z.string().optional();

// CodeDeploy ----------------------------------------------------------------

const revisionSchema = z.object({
  type: known(codeDeployRevisionTypes),
  location: text,
  commitId: optionalText,
});

const groupDeploymentRefSchema = z.object({
  deploymentId: text,
  status: known(codeDeployStatuses),
  endTime: optionalText,
  createTime: optionalText,
});

export const codeDeployGroupSchema = z.object({
  arn: text,
  application: text,
  name: text,
  computePlatform: known(codeDeployPlatforms),
  deploymentConfigName: optionalText,
  targetRevision: revisionSchema.optional(),
  lastAttempted: groupDeploymentRefSchema.optional(),
  lastSuccessful: groupDeploymentRefSchema.optional(),
});

const lifecycleEventSchema = z.object({
  name: text,
  status: known(lifecycleEventStatuses),
  startedAt: optionalText,
  endedAt: optionalText,
  diagnostics: z
    .object({ errorCode: optionalText, scriptName: optionalText, message: optionalText, logTail: optionalText })
    .optional(),
});

const targetSchema = z.object({
  id: text,
  kind: known(codeDeployTargetKinds),
  status: known(codeDeployTargetStatuses),
  lastUpdatedAt: optionalText,
  lifecycle: z.array(lifecycleEventSchema),
});

const countSchema = z.number().int().min(0);

export const codeDeployDeploymentSchema = z.object({
  id: text,
  application: text,
  group: text,
  status: known(codeDeployStatuses),
  creator: optionalText,
  description: optionalText,
  createdAt: text,
  startedAt: optionalText,
  completedAt: optionalText,
  revision: revisionSchema.optional(),
  error: z.object({ code: optionalText, message: optionalText }).optional(),
  overview: z
    .object({
      pending: countSchema,
      inProgress: countSchema,
      succeeded: countSchema,
      failed: countSchema,
      skipped: countSchema,
      ready: countSchema,
    })
    .optional(),
  rollback: z
    .object({ rollbackDeploymentId: optionalText, rollbackTriggeringDeploymentId: optionalText, message: optionalText })
    .optional(),
  targets: z.array(targetSchema).optional(),
});

export const codeDeployGroupResourceSchema = z.object({
  location: awsLocationSchema,
  group: codeDeployGroupSchema,
  deployments: z.array(codeDeployDeploymentSchema),
  deploymentsReadAt: optionalText,
});

// Elastic Beanstalk ----------------------------------------------------------

export const beanstalkEnvironmentSchema = z.object({
  arn: text,
  id: text,
  application: text,
  name: text,
  status: known(beanstalkEnvironmentStatuses),
  health: known(beanstalkHealthColours),
  healthStatus: known(beanstalkHealthStatuses).optional(),
  causes: z.array(text),
  versionLabel: optionalText,
  cname: optionalText,
  platform: optionalText,
  tier: optionalText,
  updatedAt: optionalText,
});

export const beanstalkEventSchema = z.object({
  at: text,
  severity: known(beanstalkEventSeverities),
  message: text,
  application: optionalText,
  environment: optionalText,
  versionLabel: optionalText,
});

export const beanstalkEnvironmentResourceSchema = z.object({
  location: awsLocationSchema,
  environment: beanstalkEnvironmentSchema,
  events: z.array(beanstalkEventSchema),
});

// CloudFormation and ECS ------------------------------------------------------

const stackEventSchema = z.object({
  at: text,
  logicalId: text,
  resourceType: text,
  status: text,
  reason: optionalText,
});

export const cloudFormationStackResourceSchema = z.object({
  location: awsLocationSchema,
  stack: z.object({
    arn: text,
    name: text,
    status: text,
    reason: optionalText,
    updatedAt: optionalText,
    failures: z.array(stackEventSchema),
  }),
});

export const ecsServiceResourceSchema = z.object({
  location: awsLocationSchema,
  service: z.object({
    arn: text,
    cluster: text,
    name: text,
    status: text,
    desired: z.number(),
    running: z.number(),
    pending: z.number(),
    taskDefinition: optionalText,
    rollout: z.object({ state: known(ecsRolloutStates), reason: optionalText, updatedAt: optionalText }).optional(),
    deployments: z.number(),
  }),
});
