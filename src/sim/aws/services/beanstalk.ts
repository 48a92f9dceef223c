// Elastic Beanstalk over the query protocol (form in, XML out), as the API
// reference documents it: DescribeEnvironments lists deleted environments
// unless IncludeDeleted is false, DescribeEvents answers newest first from
// StartTime (inclusive) to EndTime (exclusive), at most 1000 a page, and
// DescribeEnvironmentHealth answers only the attributes asked for, and only
// for environments with enhanced health.
import { AwsError, optionalNumber, optionalString, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, QueryService } from '../service';
import type { World } from '../world';
import type { BeanstalkEnvironment } from '../world/beanstalk';
import { hours } from '../world/context';
import { date } from './wire';

const invalidToken = (): AwsError => new AwsError('InvalidParameterValue', 'Invalid NextToken');
const severities = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const solutionStack = '64bit Amazon Linux 2023 v6.6.0 running Node.js 20';
/** How long a terminated environment stays listed (the console shows it for about an hour). */
const deletedVisibleMs = 1 * hours;
/** DescribeEvents reaches back six weeks at most. */
const eventHistoryMs = 42 * 24 * hours;
const healthAttributes = [
  'Status',
  'Color',
  'Causes',
  'ApplicationMetrics',
  'InstancesHealth',
  'All',
  'HealthStatus',
  'RefreshedAt',
];

function maxRecords(input: Input): number | undefined {
  const max = optionalNumber(input.MaxRecords);
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 1000))
    throw new AwsError(
      'ValidationError',
      `1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  return max;
}

function time(value: unknown, fallback: number): number {
  const text = optionalString(value);
  if (text === undefined) return fallback;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new AwsError('ValidationError', `Invalid timestamp: ${text}`);
  return ms;
}

export function beanstalkService(world: World): QueryService {
  const eb = world.beanstalk;
  const envArn = (e: BeanstalkEnvironment): string =>
    `arn:aws:elasticbeanstalk:${world.region}:${world.account}:environment/${e.applicationName}/${e.name}`;
  return {
    name: 'elasticbeanstalk',
    protocol: 'query',
    version: '2010-12-01',
    xmlNamespace: 'http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/',
    invalidTokenCode: 'InvalidParameterValue',
    operations: {
      DescribeEnvironments: (input, context) => {
        const names = stringList('EnvironmentNames', input.EnvironmentNames);
        const ids = stringList('EnvironmentIds', input.EnvironmentIds);
        const app = optionalString(input.ApplicationName);
        const version = optionalString(input.VersionLabel);
        const includeDeleted = optionalString(input.IncludeDeleted) !== 'false';
        const deletedBackTo = Math.max(time(input.IncludedDeletedBackTo, -Infinity), world.now() - deletedVisibleMs);
        const envs = [...eb.environments.values()].filter(
          (e) =>
            (names.length === 0 || names.includes(e.name)) &&
            (ids.length === 0 || ids.includes(e.id)) &&
            (app === undefined || e.applicationName === app) &&
            (version === undefined || e.versionLabel === version) &&
            (e.terminated === undefined || (includeDeleted && e.terminated >= deletedBackTo)),
        );
        for (const e of envs) context.authorize(envArn(e));
        // Without MaxRecords every environment comes back in one response.
        const max = maxRecords(input) ?? Math.max(envs.length, 1);
        const page = paginate(
          envs,
          { nextToken: optionalString(input.NextToken), maxResults: max },
          {
            scope: 'DescribeEnvironments',
            key: (e) => e.id,
            defaultSize: 1000,
            maxSize: Math.max(1000, envs.length),
            invalidToken,
          },
        );
        return {
          Environments: page.items.map((e) => environmentShape(world, e, envArn(e))),
          NextToken: page.nextToken,
        };
      },
      DescribeEvents: (input) => {
        const app = optionalString(input.ApplicationName);
        const envName = optionalString(input.EnvironmentName);
        const envId = optionalString(input.EnvironmentId);
        const version = optionalString(input.VersionLabel);
        const requestId = optionalString(input.RequestId);
        const byId = envId === undefined ? undefined : [...eb.environments.values()].find((e) => e.id === envId);
        const start = Math.max(time(input.StartTime, -Infinity), world.now() - eventHistoryMs);
        const end = time(input.EndTime, Infinity);
        const minSeverity = severities.indexOf(optionalString(input.Severity) ?? 'TRACE');
        const events = [...eb.events]
          .reverse()
          .filter(
            (e) =>
              (app === undefined || e.applicationName === app) &&
              (envName === undefined || e.environmentName === envName) &&
              (envId === undefined || e.environmentName === byId?.name) &&
              (version === undefined || e.versionLabel === version) &&
              (requestId === undefined || e.requestId === requestId) &&
              e.date >= start &&
              e.date < end &&
              severities.indexOf(e.severity) >= minSeverity,
          );
        const page = paginate(
          events,
          { nextToken: optionalString(input.NextToken), maxResults: maxRecords(input) },
          {
            scope: `DescribeEvents/${app ?? ''}/${envName ?? envId ?? ''}`,
            key: (e) => e.requestId,
            defaultSize: 1000,
            maxSize: 1000,
            invalidToken,
          },
        );
        return {
          Events: page.items.map((e) => ({
            EventDate: date(e.date),
            Message: e.message,
            ApplicationName: e.applicationName,
            VersionLabel: e.versionLabel,
            EnvironmentName: e.environmentName,
            RequestId: e.requestId,
            Severity: e.severity,
          })),
          NextToken: page.nextToken,
        };
      },
      DescribeEnvironmentHealth: (input, context) => {
        const name = optionalString(input.EnvironmentName);
        const id = optionalString(input.EnvironmentId);
        if (name === undefined && id === undefined)
          throw new AwsError('InvalidRequestException', 'Either EnvironmentName or EnvironmentId must be specified.');
        const asked = stringList('AttributeNames', input.AttributeNames);
        const unknown = asked.find((a) => !healthAttributes.includes(a));
        if (unknown !== undefined)
          throw new AwsError(
            'ValidationError',
            `1 validation error detected: Value '[${asked.join(', ')}]' at 'attributeNames' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [${healthAttributes.join(', ')}]]`,
          );
        const env = [...eb.environments.values()].find(
          (e) => (name === undefined || e.name === name) && (id === undefined || e.id === id) && !e.terminated,
        );
        if (!env)
          throw new AwsError(
            'InvalidRequestException',
            `No Environment found for EnvironmentName = '${name ?? id ?? ''}'.`,
          );
        context.authorize(envArn(env));
        // Basic health has no health agent to ask; the wording is the simulator's own.
        if (!env.enhancedHealth)
          throw new AwsError(
            'InvalidRequestException',
            `Enhanced health reporting is not enabled for environment '${env.name}'.`,
          );
        const instances: Record<string, number> = {
          NoData: 0,
          Unknown: 0,
          Pending: 0,
          Ok: 0,
          Info: 0,
          Warning: 0,
          Degraded: 0,
          Severe: 0,
        };
        instances[env.healthStatus] = env.instances;
        const all: Record<string, unknown> = {
          HealthStatus: env.healthStatus,
          // The model types Status as the colour (EnvironmentHealth), like Color.
          Status: env.health,
          Color: env.health,
          Causes: env.causes,
          ApplicationMetrics: {
            Duration: 10,
            RequestCount: 1200,
            StatusCodes: { Status2xx: 1150, Status3xx: 10, Status4xx: 30, Status5xx: 10 },
          },
          InstancesHealth: instances,
          RefreshedAt: date(world.now()),
        };
        const wanted = asked.includes('All') ? Object.keys(all) : asked;
        return {
          EnvironmentName: env.name,
          ...Object.fromEntries(Object.entries(all).filter(([key]) => wanted.includes(key))),
        };
      },
    },
  };
}

function environmentShape(world: World, e: BeanstalkEnvironment, arn: string): unknown {
  return {
    EnvironmentName: e.name,
    EnvironmentId: e.id,
    ApplicationName: e.applicationName,
    VersionLabel: e.versionLabel,
    SolutionStackName: solutionStack,
    PlatformArn: `arn:aws:elasticbeanstalk:${world.region}::platform/Node.js 20 running on 64bit Amazon Linux 2023/6.6.0`,
    EndpointURL: `awseb-e-${e.id.slice(2)}-stack-awsebloa-1.${world.region}.elb.amazonaws.com`,
    CNAME: e.cname,
    DateCreated: date(e.created),
    DateUpdated: date(e.updated),
    Status: e.status,
    AbortableOperationInProgress: e.status === 'Updating',
    Health: e.health,
    // Basic health has a colour only.
    HealthStatus: e.enhancedHealth ? e.healthStatus : undefined,
    Tier:
      e.tier === 'Worker'
        ? { Name: 'Worker', Type: 'SQS/HTTP', Version: '1.0' }
        : { Name: 'WebServer', Type: 'Standard', Version: '1.0' },
    EnvironmentArn: arn,
  };
}
