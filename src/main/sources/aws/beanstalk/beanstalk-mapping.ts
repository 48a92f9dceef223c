// Elastic Beanstalk's SDK shapes turned into the shared model at the edge.
// A status, colour or severity this build does not know is kept as
// { unknown: raw } and reported once (RELIABILITY A14), never dropped.
import type { EnvironmentDescription, EventDescription } from '@aws-sdk/client-elastic-beanstalk';
import {
  beanstalkEnvironmentStatuses as environmentStatuses,
  beanstalkEventSeverities as eventSeverities,
  beanstalkHealthColours as healthColours,
  beanstalkHealthStatuses as healthStatuses,
  type BeanstalkEnvironment,
  type BeanstalkEvent,
} from '../../../../shared/deployments';
import type { Known } from '../../../../shared/pipelines';
import type { AwsLocation } from '../../../../shared/sources';
import { enumValue } from '../codepipeline/mapping-context';
import { iso, optional } from '../model-edge';

export interface BeanstalkMappingContext {
  location: AwsLocation;
  /** Told about each unknown enum value; the source reports each (field, value) once. */
  onUnknown?: (field: string, value: string) => void;
}

/** A required enum: a missing value is as unknown as a new one. */
function required<T extends string>(
  ctx: Pick<BeanstalkMappingContext, 'onUnknown'>,
  values: readonly T[],
  field: string,
  raw: string | undefined,
): Known<T> {
  return enumValue(ctx, values, field, raw ?? '') ?? { unknown: '' };
}

/** The environment's ARN as AWS sends it, or as AWS builds it when a response leaves it out. */
export function environmentArn(env: EnvironmentDescription, location: AwsLocation): string {
  return (
    env.EnvironmentArn ??
    `arn:aws:elasticbeanstalk:${location.region}:${location.accountId}:environment/${env.ApplicationName ?? ''}/${env.EnvironmentName ?? ''}`
  );
}

/** True for enhanced health: only then does DescribeEnvironments send a HealthStatus. */
export function hasEnhancedHealth(env: EnvironmentDescription): boolean {
  return (env.HealthStatus ?? '') !== '';
}

/** Enhanced health that is not Green and Ok: the causes are worth a DescribeEnvironmentHealth call. */
export function needsCauses(env: EnvironmentDescription): boolean {
  return hasEnhancedHealth(env) && !(env.Health === 'Green' && env.HealthStatus === 'Ok');
}

/** What DescribeEnvironmentHealth said: newer than DescribeEnvironments' copy of the colour and status. */
export interface HealthAnswer {
  Color?: string | undefined;
  HealthStatus?: string | undefined;
  Causes?: string[] | undefined;
}

export function toEnvironment(
  env: EnvironmentDescription,
  ctx: BeanstalkMappingContext,
  answer: HealthAnswer = {},
): BeanstalkEnvironment {
  const rawStatus = answer.HealthStatus || env.HealthStatus;
  const healthStatus = hasEnhancedHealth(env)
    ? enumValue(ctx, healthStatuses, 'environment health status', rawStatus)
    : undefined;
  return {
    arn: environmentArn(env, ctx.location),
    id: env.EnvironmentId ?? '',
    application: env.ApplicationName ?? '',
    name: env.EnvironmentName ?? '',
    status: required(ctx, environmentStatuses, 'environment status', env.Status),
    health: required(ctx, healthColours, 'environment health', answer.Color || env.Health),
    ...optional('healthStatus', healthStatus),
    causes: [...(answer.Causes ?? [])],
    ...optional('versionLabel', env.VersionLabel),
    ...optional('cname', env.CNAME),
    ...optional('platform', env.SolutionStackName || env.PlatformArn),
    ...optional('tier', env.Tier?.Name),
    ...optional('updatedAt', iso(env.DateUpdated)),
  };
}

export function toEvent(event: EventDescription, ctx: Pick<BeanstalkMappingContext, 'onUnknown'>): BeanstalkEvent {
  return {
    at: iso(event.EventDate) ?? '',
    severity: required(ctx, eventSeverities, 'event severity', event.Severity),
    message: event.Message ?? '',
    ...optional('application', event.ApplicationName),
    ...optional('environment', event.EnvironmentName),
    ...optional('versionLabel', event.VersionLabel),
  };
}

/** Two reads of the same event (StartTime is inclusive, so the newest one comes back) share this key. */
export function eventKey(event: BeanstalkEvent): string {
  return JSON.stringify([event.at, event.environment ?? '', event.application ?? '', event.message]);
}
