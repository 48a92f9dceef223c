// CodeBuild over AWS JSON 1.1 (CodeBuild_20161006).
import { AwsError, stringList } from '../errors';
import { paginate } from '../pagination';
import type { Input, JsonService } from '../service';
import type { World } from '../world';
import type { Build, BuildProject, EnvironmentVariable, TestReport } from '../world/codebuild';
import { date, maybeDate, pageRequest, required, tagList } from './wire';

const invalidInput = (message: string): AwsError => new AwsError('InvalidInputException', message);
const invalidToken = (): AwsError => invalidInput('Invalid next token');
const image = 'aws/codebuild/amazonlinux-x86_64-standard:5.0';
/** CodeBuild marks a report expired 30 days after it was created. */
const reportLifetimeMs = 30 * 24 * 60 * 60 * 1000;

export function codeBuildService(world: World): JsonService {
  const cb = world.codebuild;
  const project = (name: string): BuildProject => {
    const p = cb.projects.get(name);
    if (!p) throw new AwsError('ResourceNotFoundException', `The provided project name does not exist: ${name}`);
    return p;
  };
  const build = (id: string): Build => {
    const b = cb.builds.get(id);
    if (!b) throw new AwsError('ResourceNotFoundException', `Build ${id} does not exist`);
    return b;
  };
  const batchIds = (input: Input, member: string): string[] => {
    const ids = stringList(member, input[member]);
    if (ids.length < 1 || ids.length > 100) {
      throw invalidInput(
        `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to 100 and greater than or equal to 1`,
      );
    }
    return ids;
  };
  const order = (input: Input): 'ASCENDING' | 'DESCENDING' =>
    input.sortOrder === 'ASCENDING' ? 'ASCENDING' : 'DESCENDING';

  return {
    name: 'codebuild',
    protocol: 'json',
    targetPrefix: 'CodeBuild_20161006',
    invalidTokenCode: 'InvalidInputException',
    operations: {
      ListProjects: (input) => {
        const all = [...cb.projects.values()];
        const by = input.sortBy === 'CREATED_TIME' || input.sortBy === 'LAST_MODIFIED_TIME' ? input.sortBy : 'NAME';
        all.sort((a, b) =>
          by === 'NAME'
            ? a.name.localeCompare(b.name)
            : by === 'CREATED_TIME'
              ? a.created - b.created
              : a.lastModified - b.lastModified,
        );
        if (input.sortOrder === 'DESCENDING') all.reverse();
        const page = paginate(
          all,
          { nextToken: pageRequest(input).nextToken },
          { scope: `ListProjects/${by}`, key: (p) => p.name, defaultSize: 100, maxSize: 100, invalidToken },
        );
        return { projects: page.items.map((p) => p.name), nextToken: page.nextToken };
      },
      BatchGetProjects: (input, context) => {
        const names = batchIds(input, 'names');
        const found = names.map((n) => cb.projects.get(n.split('/').pop() ?? n)).filter((p) => p !== undefined);
        for (const p of found) context.authorize(p.arn);
        return {
          projects: found.map((p) => projectShape(world, p)),
          projectsNotFound: names.filter((n) => !cb.projects.has(n.split('/').pop() ?? n)),
        };
      },
      ListBuilds: (input) => {
        const ids = order(input) === 'ASCENDING' ? cb.buildOrder : [...cb.buildOrder].reverse();
        const page = paginate(
          ids,
          { nextToken: pageRequest(input).nextToken },
          { scope: `ListBuilds/${order(input)}`, key: (id) => id, defaultSize: 100, maxSize: 100, invalidToken },
        );
        return { ids: page.items, nextToken: page.nextToken };
      },
      ListBuildsForProject: (input, context) => {
        const p = project(required(input, 'projectName', 'InvalidInputException'));
        context.authorize(p.arn);
        const builds = [...cb.builds.values()]
          .filter((b) => b.projectName === p.name)
          .sort((a, b) => b.buildNumber - a.buildNumber);
        if (order(input) === 'ASCENDING') builds.reverse();
        const page = paginate(
          builds.map((b) => b.id),
          { nextToken: pageRequest(input).nextToken },
          {
            scope: `ListBuildsForProject/${p.name}/${order(input)}`,
            key: (id) => id,
            defaultSize: 100,
            maxSize: 100,
            invalidToken,
          },
        );
        return { ids: page.items, nextToken: page.nextToken };
      },
      BatchGetBuilds: (input, context) => {
        const ids = batchIds(input, 'ids');
        const found = ids.map((id) => cb.builds.get(id)).filter((b) => b !== undefined);
        for (const b of found) context.authorize(project(b.projectName).arn);
        return {
          builds: found.map((b) => buildShape(world, b)),
          buildsNotFound: ids.filter((id) => !cb.builds.has(id)),
        };
      },
      BatchGetReports: (input, context) => {
        const arns = batchIds(input, 'reportArns');
        const found = arns.map((arn) => cb.reports.get(arn)).filter((r) => r !== undefined);
        for (const r of found) context.authorize(r.groupArn);
        return { reports: found.map(reportShape), reportsNotFound: arns.filter((arn) => !cb.reports.has(arn)) };
      },
      StartBuild: (input, context) => {
        const p = project(required(input, 'projectName', 'InvalidInputException'));
        context.authorize(p.arn);
        const sourceVersion = typeof input.sourceVersion === 'string' ? input.sourceVersion : undefined;
        return {
          build: buildShape(
            world,
            cb.start(p.name, { initiator: 'dev', ...(sourceVersion !== undefined ? { sourceVersion } : {}) }),
          ),
        };
      },
      StopBuild: (input) => {
        const b = build(required(input, 'id', 'InvalidInputException'));
        cb.stop(b);
        return { build: buildShape(world, b) };
      },
      RetryBuild: (input) => {
        const b = build(required(input, 'id', 'InvalidInputException'));
        if (b.buildStatus === 'IN_PROGRESS')
          throw invalidInput(`Build ${b.id} is still in progress and cannot be retried`);
        const sourceVersion = b.sourceVersion;
        const retried = cb.start(b.projectName, {
          initiator: 'dev',
          resolvedSourceVersion: b.resolvedSourceVersion,
          ...(sourceVersion !== undefined ? { sourceVersion } : {}),
        });
        return { build: buildShape(world, retried) };
      },
    },
  };
}

function environment(variables: readonly EnvironmentVariable[]): unknown {
  return {
    type: 'LINUX_CONTAINER',
    image,
    computeType: 'BUILD_GENERAL1_SMALL',
    // As AWS answers: PLAINTEXT values in the clear, the others as the parameter or secret they name.
    environmentVariables: variables.map(({ name, value, type }) => ({ name, value, type })),
    privilegedMode: false,
    imagePullCredentialsType: 'CODEBUILD',
  };
}

function projectShape(world: World, p: BuildProject): unknown {
  return {
    name: p.name,
    arn: p.arn,
    description: p.description,
    source: {
      type: p.source.type,
      ...(p.source.location !== undefined ? { location: p.source.location } : {}),
      buildspec: 'buildspec.yml',
      insecureSsl: false,
    },
    artifacts: { type: p.source.type === 'CODEPIPELINE' ? 'CODEPIPELINE' : 'NO_ARTIFACTS' },
    environment: environment(p.environmentVariables),
    serviceRole: `arn:aws:iam::${world.account}:role/service-role/codebuild-${p.name}-service-role`,
    timeoutInMinutes: 60,
    queuedTimeoutInMinutes: 480,
    encryptionKey: `arn:aws:kms:${world.region}:${world.account}:alias/aws/s3`,
    tags: tagList(p.tags),
    created: date(p.created),
    lastModified: date(p.lastModified),
    badge: { badgeEnabled: false },
    logsConfig: { cloudWatchLogs: { status: 'ENABLED' }, s3Logs: { status: 'DISABLED', encryptionDisabled: false } },
    projectVisibility: 'PRIVATE',
  };
}

function buildShape(world: World, b: Build): unknown {
  const region = world.region;
  const p = world.codebuild.projects.get(b.projectName);
  return {
    id: b.id,
    arn: b.arn,
    buildNumber: b.buildNumber,
    startTime: date(b.startTime),
    endTime: maybeDate(b.endTime),
    currentPhase: b.phases.at(-1)?.phaseType ?? 'SUBMITTED',
    buildStatus: b.buildStatus,
    sourceVersion: b.sourceVersion,
    resolvedSourceVersion: b.resolvedSourceVersion,
    projectName: b.projectName,
    phases: b.phases.map((ph) => ({
      phaseType: ph.phaseType,
      phaseStatus: ph.phaseStatus,
      startTime: date(ph.startTime),
      endTime: maybeDate(ph.endTime),
      durationInSeconds: ph.durationInSeconds,
      contexts: ph.contexts,
    })),
    source: {
      type: p?.source.type ?? 'NO_SOURCE',
      ...(p?.source.location !== undefined ? { location: p.source.location } : {}),
      buildspec: 'buildspec.yml',
      insecureSsl: false,
    },
    artifacts: { location: '' },
    environment: environment(b.environmentVariables),
    serviceRole: `arn:aws:iam::${world.account}:role/service-role/codebuild-${b.projectName}-service-role`,
    logs: {
      groupName: b.logGroup,
      streamName: b.logStream,
      deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${region}#logEvent:group=${encodeURIComponent(b.logGroup)};stream=${b.logStream}`,
      cloudWatchLogsArn: `arn:aws:logs:${region}:${world.account}:log-group:${b.logGroup}:log-stream:${b.logStream}`,
      cloudWatchLogs: { status: 'ENABLED', groupName: b.logGroup },
    },
    timeoutInMinutes: 60,
    queuedTimeoutInMinutes: 480,
    buildComplete: b.buildStatus !== 'IN_PROGRESS',
    initiator: b.initiator,
    encryptionKey: `arn:aws:kms:${region}:${world.account}:alias/aws/s3`,
    ...(b.exportedVariables.length > 0 ? { exportedEnvironmentVariables: b.exportedVariables } : {}),
    ...(b.reportArns.length > 0 ? { reportArns: b.reportArns } : {}),
  };
}

function reportShape(r: TestReport): unknown {
  const counts = r.statusCounts;
  return {
    arn: r.arn,
    type: 'TEST',
    name: r.groupName,
    reportGroupArn: r.groupArn,
    executionId: r.buildArn,
    status: r.status,
    created: date(r.created),
    expired: date(r.created + reportLifetimeMs),
    exportConfig: { exportConfigType: 'NO_EXPORT' },
    truncated: false,
    testSummary: {
      total: counts.SUCCEEDED + counts.FAILED + counts.SKIPPED + counts.ERROR + counts.UNKNOWN,
      statusCounts: { ...counts },
      durationInNanoSeconds: r.durationInNanoSeconds,
    },
  };
}
