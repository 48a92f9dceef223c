// Elastic Beanstalk over the query protocol (form in, XML out).
import { AwsError, optionalNumber, optionalString, stringList } from '../errors';
import { paginate } from '../pagination';
import type { QueryService } from '../service';
import type { World } from '../world';
import type { BeanstalkEnvironment } from '../world/beanstalk';
import { date } from './wire';

const invalidToken = (): AwsError => new AwsError('InvalidParameterValue', 'Invalid NextToken');
const severities = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const solutionStack = '64bit Amazon Linux 2023 v6.6.0 running Node.js 20';

export function beanstalkService(world: World): QueryService {
  const eb = world.beanstalk;
  const envArn = (e: BeanstalkEnvironment): string =>
    `arn:aws:elasticbeanstalk:${world.region}:${world.account}:environment/${e.applicationName}/${e.name}`;
  return {
    name: 'elasticbeanstalk',
    protocol: 'query',
    version: '2010-12-01',
    xmlNamespace: 'http://elasticbeanstalk.amazonaws.com/docs/2010-12-01/',
    operations: {
      DescribeEnvironments: (input, context) => {
        const names = stringList('EnvironmentNames', input.EnvironmentNames);
        const ids = stringList('EnvironmentIds', input.EnvironmentIds);
        const app = optionalString(input.ApplicationName);
        const envs = [...eb.environments.values()].filter(
          (e) =>
            (names.length === 0 || names.includes(e.name)) &&
            (ids.length === 0 || ids.includes(e.id)) &&
            (app === undefined || e.applicationName === app),
        );
        for (const e of envs) context.authorize(envArn(e));
        // Without MaxRecords every environment comes back in one response.
        const max = optionalNumber(input.MaxRecords) ?? Math.max(envs.length, 1);
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
        const env = optionalString(input.EnvironmentName);
        const start = input.StartTime === undefined ? -Infinity : Date.parse(optionalString(input.StartTime) ?? '');
        const end = input.EndTime === undefined ? Infinity : Date.parse(optionalString(input.EndTime) ?? '');
        const minSeverity = severities.indexOf(optionalString(input.Severity) ?? 'TRACE');
        const events = [...eb.events]
          .reverse()
          .filter(
            (e) =>
              (app === undefined || e.applicationName === app) &&
              (env === undefined || e.environmentName === env) &&
              e.date >= start &&
              e.date < end &&
              severities.indexOf(e.severity) >= minSeverity,
          );
        const page = paginate(
          events,
          { nextToken: optionalString(input.NextToken), maxResults: optionalNumber(input.MaxRecords) },
          {
            scope: `DescribeEvents/${app ?? ''}/${env ?? ''}`,
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
        const env = [...eb.environments.values()].find((e) => e.name === name || e.id === id);
        if (!env)
          throw new AwsError(
            'InvalidRequestException',
            `No Environment found for EnvironmentName = '${name ?? id ?? ''}'.`,
          );
        context.authorize(envArn(env));
        const status = eb.healthStatus(env);
        const instances = {
          NoData: 0,
          Unknown: 0,
          Pending: 0,
          Ok: 0,
          Info: 0,
          Warning: 0,
          Degraded: 0,
          Severe: 0,
        } as Record<string, number>;
        instances[status] = env.instances;
        return {
          EnvironmentName: env.name,
          HealthStatus: status,
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
    HealthStatus: world.beanstalk.healthStatus(e),
    Tier: { Name: 'WebServer', Type: 'Standard', Version: '1.0' },
    EnvironmentArn: arn,
  };
}
