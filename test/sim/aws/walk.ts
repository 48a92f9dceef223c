// Calls every read operation the simulator offers, over a whole world, and
// yields each response as the wire carries it (JSON round-tripped; query
// protocol outputs as the XML writer receives them).
import { toJson } from '../../../src/sim/aws/protocols/json';
import type { AwsService, CallContext, Input } from '../../../src/sim/aws/service';
import type { World } from '../../../src/sim/aws/world';

export interface Response {
  service: string;
  operation: string;
  output: unknown;
}

export function walk(world: World, services: AwsService[], limit = 15): Response[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const responses: Response[] = [];
  const call = (service: string, operation: string, input: Input): Record<string, unknown> => {
    const s = byName.get(service);
    const handler = s?.operations[operation];
    if (!s || !handler) throw new Error(`no ${service}.${operation}`);
    const context: CallContext = { service, operation, accessKeyId: 'AKIDWALK', authorize: () => undefined };
    const raw = handler(input, context);
    const output = s.protocol === 'query' ? raw : (JSON.parse(toJson(raw ?? {})) as unknown);
    responses.push({ service, operation, output });
    return output as Record<string, unknown>;
  };
  const first = <T>(items: Iterable<T>): T[] => [...items].slice(0, limit);

  call('sts', 'GetCallerIdentity', {});
  call('codepipeline', 'ListPipelines', {});
  for (const p of first(world.pipelines.pipelines.values())) {
    call('codepipeline', 'GetPipeline', { name: p.name });
    call('codepipeline', 'GetPipelineState', { name: p.name });
    call('codepipeline', 'ListPipelineExecutions', { pipelineName: p.name, maxResults: 5 });
    call('codepipeline', 'ListActionExecutions', { pipelineName: p.name, maxResults: 20 });
    for (const e of p.executions.slice(0, 3))
      call('codepipeline', 'GetPipelineExecution', { pipelineName: p.name, pipelineExecutionId: e.id });
  }
  // UpdatePipeline answers with the declaration it stored: send one back unchanged.
  const [edited] = first(world.pipelines.pipelines.values());
  if (edited) {
    const { pipeline } = call('codepipeline', 'GetPipeline', { name: edited.name });
    call('codepipeline', 'UpdatePipeline', { pipeline });
  }
  call('codebuild', 'ListProjects', {});
  const projects = [...world.codebuild.projects.keys()];
  for (let i = 0; i < projects.length; i += 100)
    call('codebuild', 'BatchGetProjects', { names: projects.slice(i, i + 100) });
  const ids = call('codebuild', 'ListBuilds', {}).ids as string[];
  if (ids.length > 0) {
    const builds = call('codebuild', 'BatchGetBuilds', {
      ids: [...ids.slice(0, 99), 'nope:00000000-0000-0000-0000-000000000000'],
    }).builds as { reportArns?: string[] }[];
    const reportArns = builds.flatMap((b) => b.reportArns ?? []).slice(0, 99);
    const gone = `arn:aws:codebuild:${world.region}:${world.account}:report/gone:00000000-0000-0000-0000-000000000000`;
    if (reportArns.length > 0) call('codebuild', 'BatchGetReports', { reportArns: [...reportArns, gone] });
  }
  for (const name of first(projects)) call('codebuild', 'ListBuildsForProject', { projectName: name });

  call('codecommit', 'ListRepositories', {});
  const repos = [...world.codecommit.repositories.values()];
  if (repos.length > 0)
    call('codecommit', 'BatchGetRepositories', {
      repositoryNames: [...repos.slice(0, 99).map((r) => r.name), 'missing-repo'],
    });
  for (const repo of first(repos)) {
    call('codecommit', 'ListBranches', { repositoryName: repo.name });
    const head = repo.branches.get('main') ?? '';
    call('codecommit', 'GetBranch', { repositoryName: repo.name, branchName: 'main' });
    call('codecommit', 'GetCommit', { repositoryName: repo.name, commitId: head });
    call('codecommit', 'BatchGetCommits', { repositoryName: repo.name, commitIds: [head, 'f'.repeat(40)] });
    call('codecommit', 'ListPullRequests', { repositoryName: repo.name });
    for (const pr of repo.pullRequests) {
      call('codecommit', 'GetPullRequest', { pullRequestId: pr.id });
      call('codecommit', 'GetPullRequestApprovalStates', { pullRequestId: pr.id, revisionId: pr.revisionId });
    }
  }

  const apps = call('codedeploy', 'ListApplications', {}).applications as string[];
  for (const app of first(apps)) {
    const groups = call('codedeploy', 'ListDeploymentGroups', { applicationName: app }).deploymentGroups as string[];
    call('codedeploy', 'BatchGetDeploymentGroups', { applicationName: app, deploymentGroupNames: groups });
  }
  const deployments = call('codedeploy', 'ListDeployments', {}).deployments as string[];
  if (deployments.length > 0) call('codedeploy', 'BatchGetDeployments', { deploymentIds: deployments.slice(0, 25) });
  for (const id of deployments.slice(0, 3)) {
    const targets = call('codedeploy', 'ListDeploymentTargets', { deploymentId: id }).targetIds as string[];
    call('codedeploy', 'BatchGetDeploymentTargets', { deploymentId: id, targetIds: targets });
  }

  for (const build of first(world.codebuild.builds.values()).slice(0, 5)) {
    call('logs', 'GetLogEvents', { logGroupName: build.logGroup, logStreamName: build.logStream, startFromHead: true });
    call('logs', 'FilterLogEvents', { logGroupName: build.logGroup, filterPattern: 'FAIL' });
  }

  call('elasticbeanstalk', 'DescribeEnvironments', {});
  call('elasticbeanstalk', 'DescribeEvents', { MaxRecords: '50' });
  for (const env of first(world.beanstalk.environments.values()))
    call('elasticbeanstalk', 'DescribeEnvironmentHealth', { EnvironmentName: env.name, AttributeNames: ['All'] });

  call('codeartifact', 'ListRepositories', {});
  for (const repo of world.catalog.artifactRepositories) {
    call('codeartifact', 'ListPackages', { domain: repo.domain, repository: repo.name });
    for (const pkg of repo.packages) {
      call('codeartifact', 'ListPackageVersions', {
        domain: repo.domain,
        repository: repo.name,
        format: pkg.format,
        package: pkg.name,
        ...(pkg.namespace ? { namespace: pkg.namespace } : {}),
      });
    }
  }
  call('codeguru-reviewer', 'ListRepositoryAssociations', {});
  call('codeguru-reviewer', 'ListCodeReviews', { Type: 'PullRequest' });
  call('codeguru-reviewer', 'ListCodeReviews', { Type: 'RepositoryAnalysis' });
  for (const review of world.catalog.codeReviews)
    call('codeguru-reviewer', 'ListRecommendations', { CodeReviewArn: review.arn });

  const projectTags = [{ Key: 'starboard:project' }];
  let token: unknown = '';
  do {
    token = call('tagging', 'GetResources', {
      TagFilters: projectTags,
      ResourcesPerPage: 7,
      PaginationToken: token,
    }).PaginationToken;
  } while (typeof token === 'string' && token !== '');
  call('tagging', 'GetResources', {
    ResourceTypeFilters: ['codebuild', 'elasticbeanstalk:environment'],
    TagsPerPage: 100,
  });
  const arns = [
    ...first(world.pipelines.pipelines.values()).map((p) => p.arn),
    'arn:aws:codepipeline:us-east-1:0:none',
  ];
  call('tagging', 'GetResources', { ResourceARNList: arns, IncludeComplianceDetails: true });
  return responses;
}
