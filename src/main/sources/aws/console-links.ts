// Region-correct links to the AWS console for every kind of entity.
const enc = encodeURIComponent;

/** The console URL for `path` in `region`; the region query goes before any #fragment. */
export function consoleUrl(region: string, path: string): string {
  const [route = '', fragment] = path.split('#', 2);
  const query = `${route.includes('?') ? '&' : '?'}region=${enc(region)}`;
  return `https://${region}.console.aws.amazon.com/${route}${query}${fragment === undefined ? '' : `#${fragment}`}`;
}

export const consoleLinks = {
  pipeline: (region: string, name: string) => consoleUrl(region, `codesuite/codepipeline/pipelines/${enc(name)}/view`),
  pipelineExecution: (region: string, name: string, executionId: string) =>
    consoleUrl(region, `codesuite/codepipeline/pipelines/${enc(name)}/executions/${enc(executionId)}/timeline`),
  buildProject: (region: string, accountId: string, project: string) =>
    consoleUrl(region, `codesuite/codebuild/${enc(accountId)}/projects/${enc(project)}`),
  build: (region: string, accountId: string, buildId: string) => {
    const [project = '', uuid = ''] = buildId.split(':');
    return consoleUrl(
      region,
      `codesuite/codebuild/${enc(accountId)}/projects/${enc(project)}/build/${enc(`${project}:${uuid}`)}`,
    );
  },
  repository: (region: string, name: string) =>
    consoleUrl(region, `codesuite/codecommit/repositories/${enc(name)}/browse`),
  commit: (region: string, name: string, commitId: string) =>
    consoleUrl(region, `codesuite/codecommit/repositories/${enc(name)}/commit/${enc(commitId)}`),
  pullRequest: (region: string, name: string, pullRequestId: string) =>
    consoleUrl(region, `codesuite/codecommit/repositories/${enc(name)}/pull-requests/${enc(pullRequestId)}/details`),
  codedeployDeployment: (region: string, deploymentId: string) =>
    consoleUrl(region, `codesuite/codedeploy/deployments/${enc(deploymentId)}`),
  codedeployGroup: (region: string, application: string, group: string) =>
    consoleUrl(region, `codesuite/codedeploy/applications/${enc(application)}/deployment-groups/${enc(group)}`),
  beanstalkEnvironment: (region: string, environmentId: string) =>
    consoleUrl(region, `elasticbeanstalk/home#/environment/dashboard?environmentId=${enc(environmentId)}`),
  cloudformationStack: (region: string, stackArn: string) =>
    consoleUrl(region, `cloudformation/home#/stacks/stackinfo?stackId=${enc(stackArn)}`),
  ecsService: (region: string, cluster: string, service: string) =>
    consoleUrl(region, `ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health`),
  logStream: (region: string, group: string, stream: string) =>
    consoleUrl(region, `cloudwatch/home#logsV2:log-groups/log-group/${enc(enc(group))}/log-events/${enc(enc(stream))}`),
};
