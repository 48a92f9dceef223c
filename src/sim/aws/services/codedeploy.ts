// CodeDeploy over AWS JSON 1.1 (CodeDeploy_20141006).
import { AwsError, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';
import type { DeployApplication, Deployment, DeploymentGroup } from '../world/codedeploy';
import { date, maybeDate, pageRequest } from './wire';

const invalidToken = (): AwsError =>
  new AwsError('InvalidNextTokenException', 'The next token was specified in an invalid format.');
const page100 = { defaultSize: 100, maxSize: 100, invalidToken };

export function codeDeployService(world: World): JsonService {
  const cd = world.codedeploy;
  const application = (input: Input): DeployApplication => {
    const name = input.applicationName;
    if (typeof name !== 'string' || name === '')
      throw new AwsError(
        'ApplicationNameRequiredException',
        'The minimum number of required application names was not specified.',
      );
    const app = cd.applications.get(name);
    if (!app) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
    return app;
  };
  const deployment = (id: unknown): Deployment => {
    if (typeof id !== 'string' || id === '')
      throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
    const found = cd.deployments.get(id);
    if (!found) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
    return found;
  };
  const batch = (input: Input, member: string, limit: number, code = 'BatchLimitExceededException'): string[] => {
    const list = stringList(member, input[member]);
    if (list.length > limit)
      throw new AwsError(code, `The maximum number of names or IDs allowed for this request (${limit}) was exceeded.`);
    return list;
  };
  const groupArn = (g: DeploymentGroup): string =>
    `arn:aws:codedeploy:${world.region}:${world.account}:deploymentgroup:${g.applicationName}/${g.name}`;
  /** CodeDeploy authorizes deployment reads and writes on the deployment's group. */
  const deploymentGroupArn = (d: Deployment): string =>
    `arn:aws:codedeploy:${world.region}:${world.account}:deploymentgroup:${d.applicationName}/${d.groupName}`;

  return {
    name: 'codedeploy',
    protocol: 'json',
    targetPrefix: 'CodeDeploy_20141006',
    invalidTokenCode: 'InvalidNextTokenException',
    operations: {
      ListApplications: (input) => {
        const names = [...cd.applications.keys()].sort();
        const page = paginate(names, pageRequest(input), { scope: 'ListApplications', key: (n) => n, ...page100 });
        return { applications: page.items, nextToken: page.nextToken };
      },
      ListDeploymentGroups: (input) => {
        const app = application(input);
        const names = [...cd.groups.values()]
          .filter((g) => g.applicationName === app.name)
          .map((g) => g.name)
          .sort();
        const page = paginate(names, pageRequest(input), {
          scope: `ListDeploymentGroups/${app.name}`,
          key: (n) => n,
          ...page100,
        });
        return { applicationName: app.name, deploymentGroups: page.items, nextToken: page.nextToken };
      },
      BatchGetDeploymentGroups: (input, context) => {
        const app = application(input);
        const names = batch(input, 'deploymentGroupNames', 100);
        if (names.length === 0)
          throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
        const found = names.map((n) => cd.group(app.name, n)).filter((g) => g !== undefined);
        for (const g of found) context.authorize(groupArn(g));
        const missing = names.filter((n) => !cd.group(app.name, n));
        return {
          deploymentGroupsInfo: found.map((g) => groupShape(world, g)),
          ...(missing.length ? { errorMessage: `Deployment groups not found: ${missing.join(', ')}` } : {}),
        };
      },
      ListDeployments: (input) => {
        const appName = typeof input.applicationName === 'string' ? application(input).name : undefined;
        const groupName = typeof input.deploymentGroupName === 'string' ? input.deploymentGroupName : undefined;
        if (groupName !== undefined && appName === undefined)
          throw new AwsError(
            'ApplicationNameRequiredException',
            'The minimum number of required application names was not specified.',
          );
        if (appName !== undefined && groupName !== undefined && !cd.group(appName, groupName)) {
          throw new AwsError(
            'DeploymentGroupDoesNotExistException',
            `The deployment group ${groupName} does not exist.`,
          );
        }
        const statuses = stringList('includeOnlyStatuses', input.includeOnlyStatuses);
        const range = (input.createTimeRange ?? {}) as { start?: unknown; end?: unknown };
        const start = typeof range.start === 'number' ? range.start * 1000 : -Infinity;
        const end = typeof range.end === 'number' ? range.end * 1000 : Infinity;
        const ids = [...cd.deploymentOrder].reverse().filter((id) => {
          const d = cd.deployments.get(id);
          return (
            d !== undefined &&
            (appName === undefined || d.applicationName === appName) &&
            (groupName === undefined || d.groupName === groupName) &&
            (statuses.length === 0 || statuses.includes(d.status)) &&
            d.createTime >= start &&
            d.createTime <= end
          );
        });
        const scope = `ListDeployments/${appName ?? ''}/${groupName ?? ''}/${statuses.join(',')}/${start}/${end}`;
        const page = paginate(ids, { nextToken: pageRequest(input).nextToken }, { scope, key: (id) => id, ...page100 });
        return { deployments: page.items, nextToken: page.nextToken };
      },
      BatchGetDeployments: (input, context) => {
        const ids = batch(input, 'deploymentIds', 25);
        if (input.deploymentIds === undefined)
          throw new AwsError('DeploymentIdRequiredException', 'At least one deployment ID must be specified.');
        const found = ids.map((id) => cd.deployments.get(id)).filter((d) => d !== undefined);
        for (const d of found) context.authorize(deploymentGroupArn(d));
        return { deploymentsInfo: found.map((d) => deploymentShape(d)) };
      },
      CreateDeployment: (input, context) => {
        const app = application(input);
        const name = input.deploymentGroupName;
        if (typeof name !== 'string' || name === '')
          throw new AwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
        const group = cd.group(app.name, name);
        if (!group)
          throw new AwsError('DeploymentGroupDoesNotExistException', `The deployment group ${name} does not exist.`);
        context.authorize(groupArn(group));
        const revision = revisionOf(input.revision);
        const description = typeof input.description === 'string' ? { description: input.description } : {};
        return { deploymentId: cd.deploy(group, { viaPipeline: false, ...revision, ...description }).id };
      },
      // CodeDeploy answers Pending at once; the deployment is Stopped (and any rollback created) moments later.
      StopDeployment: (input, context) => {
        const d = deployment(input.deploymentId);
        context.authorize(deploymentGroupArn(d));
        if (!['Created', 'Queued', 'InProgress', 'Baking', 'Ready'].includes(d.status))
          throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.id} has already completed.`);
        cd.requestStop(d, input.autoRollbackEnabled === true);
        return { status: 'Pending', statusMessage: 'Stopping Active Deployment' };
      },
      ListDeploymentTargets: (input) => {
        const d = deployment(input.deploymentId);
        const ids = d.targets.map((t) => t.targetId);
        const page = paginate(
          ids,
          { nextToken: pageRequest(input).nextToken },
          { scope: `ListDeploymentTargets/${d.id}`, key: (id) => id, ...page100 },
        );
        return { targetIds: page.items, nextToken: page.nextToken };
      },
      BatchGetDeploymentTargets: (input) => {
        const d = deployment(input.deploymentId);
        const ids = batch(input, 'targetIds', 25, 'DeploymentTargetListSizeExceededException');
        if (ids.length === 0)
          throw new AwsError('DeploymentTargetIdRequiredException', 'A deployment target ID was not provided.');
        const missing = ids.find((id) => !d.targets.some((t) => t.targetId === id));
        if (missing !== undefined)
          throw new AwsError('DeploymentTargetDoesNotExistException', `The target ${missing} does not exist.`);
        return {
          deploymentTargets: ids.map((id) => {
            const t = d.targets.find((x) => x.targetId === id);
            return {
              deploymentTargetType: 'InstanceTarget',
              instanceTarget: {
                deploymentId: d.id,
                targetId: id,
                targetArn: `arn:aws:ec2:${world.region}:${world.account}:instance/${id}`,
                status: t?.status,
                lastUpdatedAt: t ? date(t.lastUpdatedAt) : undefined,
                lifecycleEvents: t?.events.map((e) => ({
                  lifecycleEventName: e.lifecycleEventName,
                  status: e.status,
                  startTime: maybeDate(e.startTime),
                  endTime: maybeDate(e.endTime),
                  diagnostics: e.diagnostics,
                })),
              },
            };
          }),
        };
      },
    },
  };

  function groupShape(w: World, g: DeploymentGroup): unknown {
    const info = (id: string | undefined): unknown => {
      const d = id === undefined ? undefined : cd.deployments.get(id);
      return d
        ? { deploymentId: d.id, status: d.status, endTime: maybeDate(d.completeTime), createTime: date(d.createTime) }
        : undefined;
    };
    const good = g.lastSuccessful === undefined ? undefined : cd.deployments.get(g.lastSuccessful);
    return {
      applicationName: g.applicationName,
      deploymentGroupId: g.id,
      deploymentGroupName: g.name,
      deploymentConfigName: 'CodeDeployDefault.OneAtATime',
      ec2TagFilters: [{ Key: 'deployment-group', Value: g.name, Type: 'KEY_AND_VALUE' }],
      serviceRoleArn: `arn:aws:iam::${w.account}:role/CodeDeployServiceRole`,
      deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
      lastSuccessfulDeployment: info(g.lastSuccessful),
      ...(good ? { targetRevision: revisionShape(good) } : {}),
      lastAttemptedDeployment: info(g.lastAttempted),
      computePlatform: 'Server',
      outdatedInstancesStrategy: 'UPDATE',
    };
  }
}

/**
 * CreateDeployment's revision: an S3 bundle (bucket and key) or a GitHub
 * commit, kept as given; the deployment's revision id is the commit or the
 * bundle's ETag (else its key).
 */
function revisionOf(value: unknown): { revision: string; location: Record<string, unknown> } {
  if (typeof value !== 'object' || value === null)
    throw new AwsError('RevisionRequiredException', 'The revision ID was not specified.');
  const revision = value as Record<string, unknown>;
  const field = (object: unknown, name: string): string | undefined => {
    const v = typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[name] : undefined;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const s3 = revision.s3Location;
  const github = revision.gitHubLocation;
  if (revision.revisionType === 'S3' && field(s3, 'bucket') && field(s3, 'key'))
    return { revision: field(s3, 'eTag') ?? field(s3, 'key') ?? '', location: revision };
  if (revision.revisionType === 'GitHub' && field(github, 'repository') && field(github, 'commitId'))
    return { revision: field(github, 'commitId') ?? '', location: revision };
  throw new AwsError('InvalidRevisionException', 'The revision was specified in an invalid format.');
}

/** Pipelines hand CodeDeploy a zipped S3 artifact; the simulator names it after the source revision. */
function revisionShape(d: Deployment): unknown {
  if (d.location) return d.location;
  return {
    revisionType: 'S3',
    s3Location: {
      bucket: 'codepipeline-artifacts',
      key: `${d.applicationName}/${d.revision.slice(0, 7)}.zip`,
      bundleType: 'zip',
      eTag: d.revision.slice(0, 32),
    },
  };
}

function deploymentShape(d: Deployment): unknown {
  const count = (status: string): number => d.targets.filter((t) => t.status === status).length;
  return {
    applicationName: d.applicationName,
    deploymentGroupName: d.groupName,
    deploymentConfigName: 'CodeDeployDefault.OneAtATime',
    deploymentId: d.id,
    revision: revisionShape(d),
    status: d.status,
    ...(d.error ? { errorInformation: d.error } : {}),
    ...(d.rollback ? { rollbackInfo: d.rollback } : {}),
    createTime: date(d.createTime),
    startTime: maybeDate(d.startTime),
    completeTime: maybeDate(d.completeTime),
    deploymentOverview: {
      Pending: count('Pending'),
      InProgress: count('InProgress'),
      Succeeded: count('Succeeded'),
      Failed: count('Failed'),
      Skipped: count('Skipped'),
      Ready: 0,
    },
    description: d.description,
    creator: d.creator,
    deploymentStyle: { deploymentType: 'IN_PLACE', deploymentOption: 'WITHOUT_TRAFFIC_CONTROL' },
    computePlatform: 'Server',
  };
}
